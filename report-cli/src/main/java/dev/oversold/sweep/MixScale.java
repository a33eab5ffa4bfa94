package dev.oversold.sweep;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.runner.Glob;
import dev.oversold.scenarios.ScenarioLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --scale GROUP=TOTALS}: one sweep axis that scales the templates of a mix together, instead
 * of a grid over each count. GROUP is a {@code report.groups} name (the templates whose tenants its
 * glob matches), a template name ({@code web} for {@code web-{1..n}}), or {@code all} (every
 * template; a group called {@code all} wins). TOTALS is {@code a..b} (every total from a to b),
 * {@code a..b:s} (a, a+s, ... up to b) or {@code a,b,c}. At each total the templates' counts keep
 * the proportions of the file's counts, rounded by {@link MixShares}; each is set through the key
 * {@code tenants[TEMPLATE].count}. A total so small that a template would get no tenant (a lone
 * noisy neighbour rounded away) is refused with the smallest total that keeps every template.
 */
public final class MixScale {
  /** Most points one {@code --scale} may make: a typo such as 1..100000 is not a sweep. */
  static final int MAX_LEVELS = 1000;

  private MixScale() {}

  /**
   * The axis for {@code spec} over the templates of {@code base}.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static SweepAxis axis(Scenario base, String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(
          "--scale " + spec + " must look like GROUP=a..b, GROUP=a..b:step or GROUP=a,b,c");
    }
    String group = spec.substring(0, eq).strip();
    Map<String, Integer> templates = templates(base, group);
    List<Integer> totals = totals(spec, spec.substring(eq + 1).strip());
    double[] shares = templates.values().stream().mapToDouble(Integer::doubleValue).toArray();
    List<String> names = List.copyOf(templates.keySet());
    List<SweepAxis.Level> levels = new ArrayList<>();
    for (int total : totals) {
      List<Integer> counts = MixShares.apportion(shares, total);
      int dropped = counts.indexOf(0);
      if (dropped >= 0) {
        // Rounding a one-off neighbour away would change what the sweep measures without a word.
        throw new IllegalArgumentException(
            "--scale "
                + spec
                + ": at a total of "
                + total
                + ", template "
                + names.get(dropped)
                + " ("
                + templates.get(names.get(dropped))
                + " of the mix's "
                + (int) Arrays.stream(shares).sum()
                + " in the file) gets no tenant; the smallest total that keeps every"
                + " template is "
                + smallestTotalKeepingAll(shares)
                + " (or scale a group without it)");
      }
      List<ScenarioLoader.Override> overrides = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        overrides.add(
            new ScenarioLoader.Override(
                "tenants[" + names.get(i) + "].count", Integer.toString(counts.get(i))));
      }
      levels.add(new SweepAxis.Level(Integer.toString(total), overrides));
    }
    return new SweepAxis("scale " + group, group, levels);
  }

  /**
   * The smallest total at which every template gets a tenant. Counts never fall as the total grows
   * (see {@link MixShares}), and at the file's own total every template has its file count.
   */
  static int smallestTotalKeepingAll(double[] shares) {
    int fileTotal = (int) Arrays.stream(shares).sum();
    for (int total = 1; total < fileTotal; total++) {
      if (!MixShares.apportion(shares, total).contains(0)) {
        return total;
      }
    }
    return fileTotal;
  }

  /** The group's templates with their counts in the file, in file order. */
  static Map<String, Integer> templates(Scenario base, String group) {
    Map<String, Integer> all = new LinkedHashMap<>();
    for (TenantSpec tenant : base.tenants()) {
      all.merge(GroupTails.definition(tenant.name()), 1, Integer::sum);
    }
    String glob = base.report().groups().get(group);
    if (glob != null) {
      Glob matcher = Glob.of(glob);
      Map<String, Integer> chosen = new LinkedHashMap<>();
      for (TenantSpec tenant : base.tenants()) {
        if (matcher.matches(tenant.name())) {
          chosen.merge(GroupTails.definition(tenant.name()), 1, Integer::sum);
        }
      }
      if (chosen.isEmpty()) {
        throw new IllegalArgumentException(
            "--scale " + group + ": the group's glob " + glob + " matches no tenant");
      }
      return chosen;
    }
    if (group.equals("all")) {
      return all;
    }
    if (all.containsKey(group)) {
      return Map.of(group, all.get(group));
    }
    List<String> known = new ArrayList<>(base.report().groups().keySet());
    known.add("all");
    throw new IllegalArgumentException(
        "--scale "
            + group
            + ": no such group or template in "
            + base.name()
            + " (groups: "
            + String.join(", ", known)
            + "; templates: "
            + String.join(", ", all.keySet())
            + ")");
  }

  /** Parses {@code a..b}, {@code a..b:s} or {@code a,b,c}: positive totals, at most 1000. */
  static List<Integer> totals(String spec, String text) {
    List<Integer> totals = new ArrayList<>();
    try {
      int range = text.indexOf("..");
      if (range >= 0) {
        int colon = text.indexOf(':', range);
        int from = Integer.parseInt(text.substring(0, range).strip());
        int to =
            Integer.parseInt(text.substring(range + 2, colon < 0 ? text.length() : colon).strip());
        int step = colon < 0 ? 1 : Integer.parseInt(text.substring(colon + 1).strip());
        if (step < 1) {
          throw new IllegalArgumentException(
              "--scale " + spec + ": the step must be at least 1, got " + step);
        }
        if (to < from) {
          throw new IllegalArgumentException(
              "--scale " + spec + ": the range is empty (" + to + " is below " + from + ")");
        }
        if ((long) to - from >= (long) MAX_LEVELS * step) {
          throw new IllegalArgumentException(
              "--scale " + spec + ": more than " + MAX_LEVELS + " totals; give a step (a..b:s)");
        }
        for (long t = from; t <= to; t += step) {
          totals.add((int) t);
        }
      } else {
        for (String value : text.split(",", -1)) {
          totals.add(Integer.parseInt(value.strip()));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--scale " + spec + ": totals must be whole numbers (a..b, a..b:step or a,b,c)");
    }
    for (int total : totals) {
      if (total < 1) {
        throw new IllegalArgumentException(
            "--scale " + spec + ": a total must be at least 1, got " + total);
      }
    }
    if (totals.size() > MAX_LEVELS) {
      throw new IllegalArgumentException(
          "--scale " + spec + ": more than " + MAX_LEVELS + " totals");
    }
    return totals;
  }
}
