package dev.oversold.report.model;

import java.util.List;
import java.util.Objects;

/**
 * One group of tenants ({@code report.groups}), aggregated from its tenants' rows, each metric by
 * its {@link Metric#groups()} rule (good rates summed, p99 the worst tenant's, steal the mean).
 *
 * @param name group name (or a tenant's name when no glob matched it)
 * @param tenants its tenants
 * @param workloads distinct workload kinds, joined with "+"
 * @param metrics the tenants' shared figures combined
 * @param baseline the tenants' figures alone combined; null without baselines
 * @param degradation {@code 1 - good_per_s / baseline good_per_s}; NaN without baselines
 */
public record GroupReport(
    String name,
    List<String> tenants,
    String workloads,
    Metrics metrics,
    Metrics baseline,
    double degradation) {
  public GroupReport {
    tenants = List.copyOf(tenants);
    Objects.requireNonNull(metrics, "metrics");
  }

  public double goodPerS() {
    return metrics.goodPerS();
  }

  /** The tenants' summed good rate alone; NaN without baselines. */
  public double baselineGoodPerS() {
    return baseline == null ? Double.NaN : baseline.goodPerS();
  }

  /** The worst tenant's p99 shared; NaN without requests. */
  public double p99Ms() {
    return metrics.p99Ms();
  }

  public double baselineP99Ms() {
    return baseline == null ? Double.NaN : baseline.p99Ms();
  }
}
