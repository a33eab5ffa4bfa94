package dev.oversold.report.calculation;

import dev.oversold.core.result.LatencyHistogram;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Combines several {@link Metrics} into one, each metric the way its declaration says. */
public final class Merging {
  private Merging() {}

  /** Replications of one tenant: each metric by its {@link Metric#replications()} rule. */
  public static Metrics replications(List<Metrics> runs) {
    return runs.size() == 1 ? runs.get(0) : merge(runs, Metric::replications, List.of(), List.of());
  }

  /**
   * The tenants of a group: each metric by its {@link Metric#groups()} rule; {@code latencies} are
   * the tenants' request latencies (in the same order) for the {@link Metric.Merge#POOLED} ones.
   * {@code guests} names each tenant's guest in one run (in the same order): a {@link
   * Metric#perGuest()} figure is its guest's, the same in every guest-mate's row, so it is taken
   * once per guest (from the guest's first tenant) before the rule combines the guests.
   */
  public static Metrics group(
      List<Metrics> tenants, List<LatencyHistogram> latencies, List<String> guests) {
    if (tenants.size() != latencies.size() || tenants.size() != guests.size()) {
      throw new IllegalArgumentException("one latency histogram and one guest per tenant");
    }
    return merge(tenants, Metric::groups, latencies, guests);
  }

  private static Metrics merge(
      List<Metrics> parts,
      Function<Metric, Metric.Merge> rule,
      List<LatencyHistogram> latencies,
      List<String> guests) {
    // the index of each guest's first tenant: where a per-guest figure is read
    List<Metrics> firstOfGuest = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < parts.size(); i++) {
      if (guests.isEmpty() || seen.add(guests.get(i))) {
        firstOfGuest.add(parts.get(i));
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (Metric metric : MetricCatalog.ALL) {
      List<Metrics> read = metric.perGuest() ? firstOfGuest : parts;
      double[] each = read.stream().mapToDouble(m -> m.get(metric)).toArray();
      Metric.Merge merge = rule.apply(metric);
      double merged =
          merge == Metric.Merge.POOLED
              ? Pooling.value(metric, parts, latencies)
              : combine(merge, each);
      if (!Double.isNaN(merged)) {
        values.put(metric.key(), merged);
      }
    }
    // a sum of bytes and core-seconds has no unit: the table prints no number for it
    List<String> units = parts.stream().map(Metrics::progressUnit).distinct().toList();
    String unit = units.size() == 1 ? units.get(0) : parts.isEmpty() ? "" : Metrics.MIXED_UNITS;
    return new Metrics(unit, values);
  }

  /** One value from several; NaN where the rule leaves it undefined. */
  static double combine(Metric.Merge merge, double[] values) {
    return switch (merge) {
      case MEAN, MEAN_CI95 -> Stats.mean(values);
      // DoubleStream's compensated sum, as the group rows always used.
      case SUM -> values.length == 0 ? Double.NaN : Arrays.stream(values).sum();
      case MAX -> Stats.max(values);
      case POOLED -> throw new IllegalArgumentException("pooled figures need the histograms");
    };
  }
}
