package dev.oversold.report.calculation;

import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.TenantReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToDoubleBiFunction;
import org.jspecify.annotations.Nullable;

/**
 * One subject's figures (a tenant, a group, a tenant in a measurement window) shared and alone over
 * the replications, and its degradations: computed per replication, where shared and alone share a
 * seed, then averaged.
 *
 * @param shared the shared figures of each replication
 * @param alone the figures alone of each replication; empty without baselines
 * @param comparisons {@code comparisons[c][r]}: {@link MetricCatalog#compared()}'s c-th comparison
 *     in replication r
 * @param headlines the headline of each replication
 */
record Compared(
    List<Metrics> shared, List<Metrics> alone, double[][] comparisons, double[] headlines) {

  /**
   * @param replications how many
   * @param shared the shared figures of replication r
   * @param alone the figures alone of replication r; null without baselines
   * @param headline the headline rule of this subject
   */
  static Compared of(
      int replications,
      IntFunction<Metrics> shared,
      @Nullable IntFunction<Metrics> alone,
      ToDoubleBiFunction<Metrics, Metrics> headline) {
    List<Metric> compared = MetricCatalog.compared();
    List<Metrics> s = new ArrayList<>();
    List<Metrics> b = new ArrayList<>();
    double[][] comparisons = new double[compared.size()][replications];
    double[] headlines = new double[replications];
    for (int r = 0; r < replications; r++) {
      Metrics sr = shared.apply(r);
      s.add(sr);
      if (alone != null) {
        Metrics br = alone.apply(r);
        b.add(br);
        for (int c = 0; c < compared.size(); c++) {
          comparisons[c][r] = Comparing.compare(compared.get(c), sr, br);
        }
        headlines[r] = headline.applyAsDouble(sr, br);
      }
    }
    return new Compared(s, b, comparisons, headlines);
  }

  boolean baselines() {
    return !alone.isEmpty();
  }

  /** The shared figures, replications merged. */
  Metrics sharedMean() {
    return Merging.replications(shared);
  }

  /** The figures alone, replications merged; null without baselines. */
  @Nullable Metrics aloneMean() {
    return baselines() ? Merging.replications(alone) : null;
  }

  /** The mean degradations; null without baselines. */
  TenantReport.@Nullable Degradation degradation() {
    if (!baselines()) {
      return null;
    }
    List<Metric> compared = MetricCatalog.compared();
    Map<String, Double> byKey = new LinkedHashMap<>();
    byKey.put(TenantReport.Degradation.HEADLINE, Stats.mean(headlines));
    for (int c = 0; c < compared.size(); c++) {
      byKey.put(compared.get(c).comparison().jsonKey(), Stats.mean(comparisons[c]));
    }
    return new TenantReport.Degradation(byKey);
  }
}
