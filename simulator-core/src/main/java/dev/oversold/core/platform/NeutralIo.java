package dev.oversold.core.platform;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.sharing.ShareSettings;

/**
 * The plain mapping of disk and NIC knobs: the disk is a capacity of one device-second per second
 * (an operation costs {@code 1 / iops} for random 4 KiB access or {@code bytes / bandwidth}), the
 * plan's weight divides it, and its IOPS and bandwidth limits become a device-time cap. The NIC is
 * its line rate in bytes per second, capped by the plan's bandwidth limit.
 */
public class NeutralIo implements IoPolicy {
  @Override
  public ShareSettings diskShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan().disk();
    double cap =
        Math.min(
            plan.iopsLimit() / host.disk().iops(),
            plan.bandwidthLimitBytesPerSecond() / host.disk().bandwidthBytesPerSecond());
    return new ShareSettings(plan.weight(), 0, cap, 1.0, Integer.MAX_VALUE, 1.0, false);
  }

  @Override
  public ShareSettings networkShare(HostSpec host, TenantSpec tenant) {
    double line = host.network().bandwidthBytesPerSecond();
    return new ShareSettings(
        1.0,
        0,
        tenant.plan().network().bandwidthLimitBytesPerSecond(),
        line,
        Integer.MAX_VALUE,
        1.0,
        false);
  }
}
