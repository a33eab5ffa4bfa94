package dev.oversold.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param histogram the measured window's request latencies, for pooling a group's requests; empty
 *     for workloads without requests and for runs whose scenario has no {@code report.groups}
 * @param windows figures per named measurement window ({@code report.windows}), in scenario order
 * @param beancounters the tenant's user beancounters at the end of the run (OpenVZ containers only;
 *     empty elsewhere); a guest's, so guest-mates report the same
 * @param guest the guest (container or VM) the tenant ran in: its own name, or the tenant it shares
 *     a guest with ({@code shares-guest}). Guest-mates' CPU, memory, swap, reclaim and OOM figures
 *     are their guest's, so a sum over tenants takes them once per guest
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
    LatencyHistogram histogram,
    Map<String, TenantMetrics> windows,
    List<BeancounterFigures> beancounters,
    String guest) {
  public TenantResult {
    Objects.requireNonNull(histogram, "histogram");
    Objects.requireNonNull(guest, "guest");
    windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    beancounters = List.copyOf(beancounters);
  }

  /**
   * A result without a kept histogram, measurement windows or beancounters, in a guest of its own.
   */
  public TenantResult(
      String name,
      String host,
      String platform,
      String workload,
      boolean victim,
      TenantMetrics metrics,
      Series series,
      LatencyDistribution latency) {
    this(
        name,
        host,
        platform,
        workload,
        victim,
        metrics,
        series,
        latency,
        LatencyHistogram.EMPTY,
        Map.of(),
        List.of(),
        name);
  }
}
