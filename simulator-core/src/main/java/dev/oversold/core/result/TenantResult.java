package dev.oversold.core.result;

import java.util.List;

/**
 * Per-tenant figures.
 *
 * @param name tenant name
 * @param host host name
 * @param platform platform id
 * @param workload workload kind
 * @param victim true for service and batch workloads (the ones the report judges)
 * @param metrics figures over the measured window
 * @param series time series
 * @param latency latency distribution for charts (empty for workloads without requests)
 * @param beancounters the tenant's user beancounters at the end of the run (OpenVZ containers only;
 *     empty elsewhere)
 */
public record TenantResult(
    String name,
    String host,
    String platform,
    String workload,
    boolean victim,
    TenantMetrics metrics,
    Series series,
    LatencyDistribution latency,
    List<BeancounterFigures> beancounters) {
  public TenantResult {
    beancounters = List.copyOf(beancounters);
  }

  /** A tenant without beancounters (every platform but OpenVZ). */
  public TenantResult(
      String name,
      String host,
      String platform,
      String workload,
      boolean victim,
      TenantMetrics metrics,
      Series series,
      LatencyDistribution latency) {
    this(name, host, platform, workload, victim, metrics, series, latency, List.of());
  }
}
