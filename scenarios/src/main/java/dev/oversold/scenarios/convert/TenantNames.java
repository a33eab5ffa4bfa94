package dev.oversold.scenarios.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code web-{1..39}} into web-1 .. web-39 ({@code {01..10}} keeps the zero padding). One
 * range per name; at most {@link Defaults#MAX_TENANTS}.
 */
final class TenantNames {
  private static final Pattern RANGE = Pattern.compile("\\{(\\d{1,9})\\.\\.(\\d{1,9})\\}");
  static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private TenantNames() {}

  /**
   * The names, or a reason in {@code error[0]} and null; {@code budget} is how many tenants the
   * scenario may still add (the limit holds after every expansion, plain names included).
   */
  static List<String> expand(String name, int budget, String[] error) {
    Matcher matcher = RANGE.matcher(name);
    if (!matcher.find()) {
      if (name.contains("{") || name.contains("}")) {
        error[0] = "malformed range in '" + name + "'";
        return null;
      }
      if (budget < 1) {
        error[0] = tooMany("tenant '" + name + "'", 1, budget);
        return null;
      }
      return List.of(name);
    }
    String prefix = name.substring(0, matcher.start());
    String suffix = name.substring(matcher.end());
    if (RANGE.matcher(suffix).find() || suffix.contains("{") || prefix.contains("{")) {
      error[0] = "only one {a..b} range per name";
      return null;
    }
    String low = matcher.group(1);
    long from = Long.parseLong(low);
    long to = Long.parseLong(matcher.group(2));
    if (to < from) {
      error[0] = "range {" + from + ".." + to + "} is empty: the upper bound is below the lower";
      return null;
    }
    if (to - from + 1 > budget) {
      error[0] = tooMany("range {" + from + ".." + to + "}", to - from + 1, budget);
      return null;
    }
    int width = low.length() > 1 && low.startsWith("0") ? low.length() : 0;
    List<String> names = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      String number =
          width > 0
              ? String.format(java.util.Locale.ROOT, "%0" + width + "d", i)
              : Long.toString(i);
      names.add(prefix + number + suffix);
    }
    return names;
  }

  /** The limit counts every tenant of the scenario, listed one by one or made by ranges. */
  private static String tooMany(String what, long count, int budget) {
    long total = Defaults.MAX_TENANTS - budget + count;
    return what
        + " makes "
        + count
        + (count == 1 ? " tenant" : " tenants")
        + (total == count ? "" : ", " + total + " in all")
        + ", more than the "
        + Defaults.MAX_TENANTS
        + " a scenario may have";
  }
}
