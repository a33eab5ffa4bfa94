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
 * @param disk the disk's mean load over the measured window
 * @param network the network interface's mean transmit load over the measured window
 */
public record HostResult(
    String name,
    String platform,
    Oversell oversell,
    double cpuUtilization,
    double memoryUsedBytes,
    double memorySwappedBytes,
    Series series,
    Load disk,
    Load network) {

  /** A host whose disk and network were idle (results built by hand). */
  public HostResult(
      String name,
      String platform,
      Oversell oversell,
      double cpuUtilization,
      double memoryUsedBytes,
      double memorySwappedBytes,
      Series series) {
    this(
        name,
        platform,
        oversell,
        cpuUtilization,
        memoryUsedBytes,
        memorySwappedBytes,
        series,
        Load.IDLE,
        Load.IDLE);
  }

  /**
   * Sold over physical: vCPUs per core, sold RAM over host RAM, sold disk size over... (1.0 when
   * the host has no such notion); 2.0 means sold twice what is there.
   */
  public record Oversell(double cpu, double memory, double disk) {}

  /**
   * A device's load over the measured window.
   *
   * @param utilization work served over what the device can serve, in [0, 1]
   * @param queue mean requests in the device (waiting or in service) at the sample instants
   */
  public record Load(double utilization, double queue) {
    public static final Load IDLE = new Load(0, 0);
  }
}
