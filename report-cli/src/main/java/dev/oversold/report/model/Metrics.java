package dev.oversold.report.model;

import dev.oversold.core.result.TenantMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's figures as the report shows them (the shape of {@code metrics} and {@code baseline} in
 * report.json): one value per {@link MetricCatalog} metric, NaN where undefined. Counts are doubles
 * because with replications they are means over seeds.
 *
 * @param progressUnit what {@code progress_per_s} counts
 * @param values by metric key; a metric missing here is undefined
 */
public record Metrics(String progressUnit, Map<String, Double> values) {
  /** The progress unit of figures summed over tenants whose units differ: no number to print. */
  public static final String MIXED_UNITS = "mixed";

  public Metrics {
    Objects.requireNonNull(progressUnit, "progressUnit");
    values = Map.copyOf(values);
  }

  /**
   * The figures of one simulation of a tenant running {@code workload}; a metric that does not
   * apply to the workload is undefined whatever the core says.
   */
  public static Metrics of(TenantMetrics core, String workload) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Metric metric : MetricCatalog.ALL) {
      if (metric.appliesTo(workload)) {
        double value = metric.read().applyAsDouble(core);
        if (!Double.isNaN(value)) {
          values.put(metric.key(), value);
        }
      }
    }
    return new Metrics(core.progressUnit(), values);
  }

  /** The value of {@code metric}; NaN where undefined. */
  public double get(Metric metric) {
    return values.getOrDefault(metric.key(), Double.NaN);
  }

  public double goodPerS() {
    return get(MetricCatalog.GOOD);
  }

  public double throughputPerS() {
    return get(MetricCatalog.THROUGHPUT);
  }

  /** The 99th percentile latency, or NaN for workloads without requests. */
  public double p99Ms() {
    return get(MetricCatalog.LATENCY_P99);
  }

  public double stealFraction() {
    return get(MetricCatalog.CPU_WAIT);
  }

  public double failed() {
    return get(MetricCatalog.FAILED);
  }

  public double refusals() {
    return get(MetricCatalog.REFUSALS);
  }

  public double oomKills() {
    return get(MetricCatalog.OOM_KILLS);
  }
}
