package dev.oversold.core.platform;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.sharing.ShareSettings;

/** Maps a tenant's plan onto the host CPU scheduler. */
public interface CpuPolicy {
  /**
   * The tenant's share of the host's CPU pool (capacity {@code cores * speed}
   * reference-core-seconds per second): weight, floor, cap, per-thread speed, vCPUs and
   * virtualization efficiency.
   */
  ShareSettings tenantShare(HostSpec host, TenantSpec tenant);
}
