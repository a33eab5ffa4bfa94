package dev.oversold.core.platform;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.cpu.CoStopModel;
import dev.oversold.core.platform.cpu.WakeupLatency;
import dev.oversold.core.sharing.ShareSettings;

/** Maps a tenant's plan onto the host CPU scheduler. */
public interface CpuPolicy {
  /**
   * The tenant's share of the host's CPU pool (capacity {@code cores * speed}
   * reference-core-seconds per second): weight, floor, cap, per-thread speed, vCPUs and
   * virtualization efficiency. The cap is the long-run limit; see {@link #capPeriodNanos}.
   */
  ShareSettings tenantShare(HostSpec host, TenantSpec tenant);

  /**
   * The period over which the platform enforces the tenant's cap as a quota (CFS bandwidth control,
   * OpenVZ cpulimit, Xen credit1 accounting), in ns; 0 when the cap is enforced continuously (ESXi
   * limits, or no cap).
   */
  default long capPeriodNanos(HostSpec host, TenantSpec tenant) {
    return 0;
  }

  /**
   * The platform's own CPU consumer on the host (Xen dom0 with its vCPUs; the host kernel and
   * QEMU/vhost threads on KVM; the host kernel elsewhere): the share that does host-side I/O work.
   */
  default ShareSettings platformShare(HostSpec host) {
    return new ShareSettings(
        1, 0, Double.POSITIVE_INFINITY, host.cpu().speed(), host.cpu().cores(), 1, false);
  }

  /**
   * The name of {@link #platformShare} on the host: what the platform's tools call its own
   * consumer.
   */
  default String platformShareName() {
    return "host";
  }

  /** How long a thread that wakes an idle vCPU waits for a core on a busy host. */
  default WakeupLatency wakeupLatency(HostSpec host) {
    return WakeupLatency.NONE;
  }

  /** Co-scheduling of a multi-vCPU VM's vCPUs (ESXi relaxed co-scheduling); none by default. */
  default CoStopModel coStop(HostSpec host) {
    return CoStopModel.NONE;
  }
}
