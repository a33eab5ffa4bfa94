package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import dev.oversold.scenarios.tree.Node.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The override key {@code tenants[T].count=N}: how many tenants definition T makes. It rewrites the
 * definition's name: a range {@code web-{1..39}} becomes {@code web-{1..N}} (the first number and
 * its zero padding kept, so web-1 stays web-1 with its random streams), and so does a single
 * numbered name ({@code batch-1} is read as {@code batch-{1..1}}); a plain name {@code db} becomes
 * {@code db-{1..N}} (for N = 1 it stays {@code db}); N = 0 removes the definition. The key exists
 * only here: tenant definitions have no {@code count} in the file.
 */
final class TenantCount {
  /** The loader's own limit on tenants in a scenario. */
  private static final int MAX = 10_000;

  private static final Pattern RANGE = Pattern.compile("\\{(\\d{1,9})\\.\\.(\\d{1,9})\\}");

  private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d{1,9})");

  private TenantCount() {}

  static void apply(
      ListNode tenants,
      int index,
      MapNode tenant,
      String value,
      String path,
      Location at,
      Problems problems) {
    int count;
    try {
      count = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      problems.add(at, path, "'" + value + "' is not a whole number", "a count from 0 to " + MAX);
      return;
    }
    if (count < 0 || count > MAX) {
      problems.add(at, path, count + " is out of range", "a count from 0 to " + MAX);
      return;
    }
    String name = ItemNames.nameOf(tenant);
    if (name == null) {
      problems.add(at, path, "the tenant has no name to count", "a tenant with a name");
      return;
    }
    String original = name;
    if (count == 0) {
      if (!strandsGuestMates(tenants, index, original, null, path, at, problems)) {
        tenants.items().remove(index);
      }
      return;
    }
    Matcher single = NUMBERED.matcher(name);
    if (!RANGE.matcher(name).find() && single.matches()) {
      name = single.group(1) + "-{" + single.group(2) + ".." + single.group(2) + "}";
    }
    Matcher m = RANGE.matcher(name);
    String renamed;
    if (m.find()) {
      long from = Long.parseLong(m.group(1));
      renamed =
          name.substring(0, m.start())
              + "{"
              + m.group(1)
              + ".."
              + (from + count - 1)
              + "}"
              + name.substring(m.end());
    } else {
      renamed = count == 1 ? name : name + "-{1.." + count + "}";
    }
    if (strandsGuestMates(tenants, index, original, renamed, path, at, problems)) {
      return;
    }
    MapNode.Entry entry = tenant.entries().get("name");
    tenant.put(
        "name",
        entry == null ? at : entry.keyLocation(),
        new ScalarNode(renamed, ScalarType.STRING, at));
  }

  /**
   * Whether counting definition {@code index} (named {@code before}, then {@code after}, or removed
   * when null) would take away a tenant that others share a guest with ({@code shares-guest}); if
   * so it says which, since the sharers would name a tenant that no longer exists and a guest
   * cannot be copied with its guest-mates by renaming one definition.
   */
  private static boolean strandsGuestMates(
      ListNode tenants,
      int index,
      String before,
      @Nullable String after,
      String path,
      Location at,
      Problems problems) {
    List<String> stranded = new ArrayList<>();
    for (int i = 0; i < tenants.items().size(); i++) {
      if (i == index
          || !(tenants.items().get(i) instanceof MapNode other)
          || !(other.get("shares-guest") instanceof ScalarNode owner)
          || owner.isNull()) {
        continue;
      }
      String ownerName = owner.text();
      if (produces(before, ownerName) && (after == null || !produces(after, ownerName))) {
        String sharer = ItemNames.nameOf(other);
        stranded.add(
            (sharer == null ? "tenants[" + i + "]" : sharer)
                + " (shares-guest: "
                + ownerName
                + ")");
      }
    }
    if (stranded.isEmpty()) {
      return false;
    }
    problems.add(
        at,
        path,
        (after == null ? "removing " : "renaming ")
            + before
            + (after == null ? "" : " to " + after)
            + " leaves tenants sharing its guest without it: "
            + String.join(", ", stranded),
        "a count that keeps the guest's owner, or count the tenants that share its guest instead");
    return true;
  }

  /**
   * Whether the tenant definition {@code definition} ({@code web-{1..3}} or a plain name) makes
   * {@code name}.
   */
  private static boolean produces(String definition, String name) {
    Matcher m = RANGE.matcher(definition);
    if (!m.find()) {
      return definition.equals(name);
    }
    String prefix = definition.substring(0, m.start());
    String suffix = definition.substring(m.end());
    if (!name.startsWith(prefix)
        || !name.endsWith(suffix)
        || name.length() <= prefix.length() + suffix.length()) {
      return false;
    }
    String number = name.substring(prefix.length(), name.length() - suffix.length());
    if (!number.chars().allMatch(Character::isDigit) || number.length() > 10) {
      return false;
    }
    String low = m.group(1);
    int width = low.length() > 1 && low.startsWith("0") ? low.length() : 0;
    long value = Long.parseLong(number);
    String written =
        width > 0
            ? String.format(java.util.Locale.ROOT, "%0" + width + "d", value)
            : Long.toString(value);
    return written.equals(number)
        && value >= Long.parseLong(low)
        && value <= Long.parseLong(m.group(2));
  }
}
