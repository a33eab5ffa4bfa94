package dev.oversold.core.result;

/**
 * Per-host figures.
 *
 * @param name host name
 * @param platform platform id
 * @param oversell sold over physical, per resource
 * @param cpuUtilization mean fraction of the host's CPU capacity allocated, in [0, 1]
 * @param memoryUsedBytes mean resident bytes (tenants plus platform overhead)
 * @param memorySwappedBytes mean bytes in host swap
 * @param series time series of the host
 */
public record HostResult(
    String name,
    String platform,
    Oversell oversell,
    double cpuUtilization,
    double memoryUsedBytes,
    double memorySwappedBytes,
    Series series) {

  /**
   * Sold over physical: vCPUs per core, sold RAM over host RAM, sold disk size over... (1.0 when
   * the host has no such notion); 2.0 means sold twice what is there.
   */
  public record Oversell(double cpu, double memory, double disk) {}
}
