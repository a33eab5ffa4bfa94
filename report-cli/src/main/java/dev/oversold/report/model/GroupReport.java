package dev.oversold.report.model;

import java.util.List;
import java.util.Objects;

/**
 * One group of tenants ({@code report.groups}), aggregated from its tenants' figures, each metric
 * by its {@link Metric#groups()} rule (good rates summed, latency percentiles from the members'
 * pooled requests, steal the mean).
 *
 * @param name group name (or a tenant's name when no glob matched it)
 * @param tenants its tenants
 * @param workloads distinct workload kinds, joined with "+"
 * @param metrics the tenants' shared figures combined
 * @param baseline the tenants' figures alone combined; null without baselines
 * @param degradation shared against alone, per replication then averaged, with the headline by the
 *     members' rule ({@code Headline.ofMember}); null without baselines
 */
public record GroupReport(
    String name,
    List<String> tenants,
    String workloads,
    Metrics metrics,
    Metrics baseline,
    TenantReport.Degradation degradation) {
  public GroupReport {
    tenants = List.copyOf(tenants);
    Objects.requireNonNull(metrics, "metrics");
  }

  /** The drop of the summed good rate; NaN without baselines. */
  public double degradationGoodRate() {
    return degradation == null ? Double.NaN : degradation.goodRate();
  }

  /** The group's headline degradation; NaN without baselines. */
  public double degradationHeadline() {
    return degradation == null ? Double.NaN : degradation.headline();
  }

  public double goodPerS() {
    return metrics.goodPerS();
  }

  /** The tenants' summed good rate alone; NaN without baselines. */
  public double baselineGoodPerS() {
    return baseline == null ? Double.NaN : baseline.goodPerS();
  }

  /** The p99 of the members' requests pooled; NaN without requests. */
  public double p99Ms() {
    return metrics.p99Ms();
  }

  public double baselineP99Ms() {
    return baseline == null ? Double.NaN : baseline.p99Ms();
  }
}
