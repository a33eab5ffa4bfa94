package dev.oversold.cli;

import dev.oversold.report.model.Interval;
import dev.oversold.report.model.Variant;
import dev.oversold.report.rendering.Numbers;
import dev.oversold.sweep.GroupTails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The columns a sweep adds to the side-by-side table: the 95 % interval of the victims' mean
 * degradation, and each group's p99 with its interval over replications ({@link GroupTails}). The
 * groups are the union over points, in the order first seen; a point without a group leaves its
 * cells empty. Intervals are empty with one replication.
 */
final class SweepFigures {
  private final List<Variant> variants;
  private final List<Map<String, GroupTails.Tail>> tails;
  private final List<String> groups;

  SweepFigures(List<Variant> variants, List<Map<String, GroupTails.Tail>> tails) {
    if (variants.size() != tails.size()) {
      throw new IllegalArgumentException("one group map per variant");
    }
    this.variants = List.copyOf(variants);
    this.tails = List.copyOf(tails);
    Set<String> seen = new LinkedHashSet<>();
    tails.forEach(t -> seen.addAll(t.keySet()));
    this.groups = List.copyOf(seen);
  }

  /** CSV and JSON names, in column order. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    names.add("victim_degradation_mean_ci95_low");
    names.add("victim_degradation_mean_ci95_high");
    for (String group : groups) {
      names.add("p99_ms." + group);
      names.add("p99_ms." + group + ".ci95_low");
      names.add("p99_ms." + group + ".ci95_high");
    }
    return names;
  }

  /** The values of {@link #names()} for variant {@code index}; NaN where undefined. */
  double[] values(int index) {
    double[] values = new double[2 + 3 * groups.size()];
    Interval degradation = variants.get(index).report().summary().degradationMeanCi95();
    values[0] = degradation == null ? Double.NaN : degradation.low();
    values[1] = degradation == null ? Double.NaN : degradation.high();
    for (int g = 0; g < groups.size(); g++) {
      GroupTails.Tail tail = tails.get(index).get(groups.get(g));
      values[2 + 3 * g] = tail == null ? Double.NaN : tail.mean();
      values[3 + 3 * g] = tail == null || tail.ci95() == null ? Double.NaN : tail.ci95().low();
      values[4 + 3 * g] = tail == null || tail.ci95() == null ? Double.NaN : tail.ci95().high();
    }
    return values;
  }

  List<String> tableHeaders() {
    return groups.stream().map(g -> "p99 " + g + " ms").toList();
  }

  /** Each group's p99 as {@code 23.40} or, with replications, {@code 23.40 +-1.25}. */
  List<String> tableCells(int index) {
    List<String> cells = new ArrayList<>();
    for (String group : groups) {
      GroupTails.Tail tail = tails.get(index).get(group);
      if (tail == null) {
        cells.add("-");
      } else {
        Interval ci = tail.ci95();
        cells.add(
            Numbers.fixed(tail.mean(), 2)
                + (ci == null ? "" : " +-" + Numbers.fixed((ci.high() - ci.low()) / 2, 2)));
      }
    }
    return cells;
  }

  /** {@code " +-1.2"} in percentage points for an interval of a fraction; empty without one. */
  static String plusMinusPercent(@Nullable Interval ci) {
    return ci == null ? "" : " +-" + Numbers.percent((ci.high() - ci.low()) / 2);
  }
}
