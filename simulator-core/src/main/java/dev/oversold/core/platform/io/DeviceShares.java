package dev.oversold.core.platform.io;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.sharing.ShareSettings;

/**
 * Disk and NIC share settings from already-mapped values. The disk is a capacity of one
 * device-second per second: an IOPS limit is a cap of {@code limit / device iops}, a bandwidth
 * limit {@code limit / device bandwidth}.
 */
public final class DeviceShares {
  private DeviceShares() {}

  public static ShareSettings disk(
      HostSpec host, double weight, double iopsLimit, double bytesLimit) {
    double cap =
        Math.min(
            iopsLimit / host.disk().iops(), bytesLimit / host.disk().bandwidthBytesPerSecond());
    return new ShareSettings(weight, 0, cap, 1.0, Integer.MAX_VALUE, 1.0, false);
  }

  public static ShareSettings network(HostSpec host, double weight, double bytesLimit) {
    return new ShareSettings(
        weight,
        0,
        bytesLimit,
        host.network().bandwidthBytesPerSecond(),
        Integer.MAX_VALUE,
        1.0,
        false);
  }

  /** A native knob's value, or {@code fallback} when absent; 0 means "no limit". */
  public static double limit(double value, double fallback) {
    if (Double.isNaN(value)) {
      return fallback;
    }
    return value == 0 ? Double.POSITIVE_INFINITY : value;
  }
}
