package dev.oversold.report.calculation;

import dev.oversold.core.result.LatencyHistogram;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A group's {@link Metric.Merge#POOLED} figures: its members' requests taken as one population. A
 * percentile comes from the members' latency histograms added together (so a group of a busy fast
 * tenant and an idle slow one has the p99 of its requests, not the slow tenant's p99); the mean is
 * the members' means weighted by their completions, which is the mean of all the requests.
 */
final class Pooling {
  private static final Map<Metric, Double> QUANTILES =
      Map.of(
          MetricCatalog.LATENCY_P50, 0.50,
          MetricCatalog.LATENCY_P95, 0.95,
          MetricCatalog.LATENCY_P99, 0.99);

  private Pooling() {}

  /**
   * The pooled value of {@code metric} over {@code parts}; {@code latencies.get(i)} are part i's
   * requests. Parts that completed nothing add nothing; when none completed anything, the members'
   * values (the core's zeros) combine by their largest. NaN when a part that completed requests
   * kept no histogram.
   */
  static double value(Metric metric, List<Metrics> parts, List<LatencyHistogram> latencies) {
    List<Integer> served = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (!Double.isNaN(parts.get(i).get(metric)) && parts.get(i).throughputPerS() > 0) {
        served.add(i);
      }
    }
    if (served.isEmpty()) {
      return Merging.combine(
          Metric.Merge.MAX, parts.stream().mapToDouble(m -> m.get(metric)).toArray());
    }
    if (metric.equals(MetricCatalog.LATENCY_MEAN)) {
      double weighted = 0;
      double completions = 0;
      for (int i : served) {
        double rate = parts.get(i).throughputPerS();
        weighted += parts.get(i).get(metric) * rate;
        completions += rate;
      }
      return weighted / completions;
    }
    Double quantile = QUANTILES.get(metric);
    if (quantile == null) {
      throw new IllegalArgumentException(metric.key() + " has no pooled form");
    }
    List<LatencyHistogram> pool = new ArrayList<>();
    for (int i : served) {
      LatencyHistogram h = latencies.get(i);
      if (h.isEmpty()) {
        return Double.NaN;
      }
      pool.add(h);
    }
    return LatencyHistogram.pooled(pool).quantileMillis(quantile);
  }
}
