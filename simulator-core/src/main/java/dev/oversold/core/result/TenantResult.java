package dev.oversold.core.result;

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
 */
public record TenantResult(
    String name,
    String host,
    String platform,
    String workload,
    boolean victim,
    TenantMetrics metrics,
    Series series,
    LatencyDistribution latency) {}
