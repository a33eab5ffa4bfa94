package dev.oversold.core.platform.baremetal;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.platform.cpu.CfsCpu;
import dev.oversold.core.platform.cpu.CpuKnobs;
import dev.oversold.core.platform.cpu.WakeupLatency;
import dev.oversold.core.sharing.ShareSettings;

/**
 * Bare metal: tenants are process groups of one OS with no group scheduling, so CFS weighs every
 * runnable thread (a tenant with more threads gets more CPU); the plan's weight acts as a nice
 * level on each thread. A limit is a cgroup {@code cpu.max} with the default 100 ms period; there
 * is no reservation. The reference for overheads.
 */
public final class BareMetalCpu implements CpuPolicy {
  /** Bare metal is the reference for overheads: no virtualization layer, all time is useful. */
  public static final double CPU_EFFICIENCY = 1.0;

  @Override
  public ShareSettings tenantShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    return CpuKnobs.share(
        host, plan.vcpus(), plan.cpu().weight(), 0, plan.cpu().limitCores(), CPU_EFFICIENCY, true);
  }

  @Override
  public long capPeriodNanos(HostSpec host, TenantSpec tenant) {
    return CfsCpu.DEFAULT_PERIOD_NANOS;
  }

  @Override
  public WakeupLatency wakeupLatency(HostSpec host) {
    return WakeupLatency.cfs(host.cpu().cores()).withEnabled(CpuKnobs.wakeupDelayOn(host));
  }
}
