package dev.oversold.core.platform;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.sharing.ShareSettings;
import java.util.List;

/** Maps a tenant's plan onto the host's disk and NIC. */
public interface IoPolicy {
  /** The tenant's share of the disk (capacity 1 device-second per second). */
  ShareSettings diskShare(HostSpec host, TenantSpec tenant);

  /** The tenant's share of the NIC (capacity in bytes per second). */
  ShareSettings networkShare(HostSpec host, TenantSpec tenant);

  /** Host CPU work in reference-core-seconds per disk operation (QEMU, blkback); 0 for none. */
  default double hostCpuPerDiskOperation() {
    return 0;
  }

  /** Host CPU work in reference-core-seconds per network byte (vhost, netback); 0 for none. */
  default double hostCpuPerNetworkByte() {
    return 0;
  }

  /** What I/O costs on the host besides the device: host CPU, page cache, shared stack, SIOC. */
  default IoCosts costs(HostSpec host) {
    return IoCosts.DIRECT;
  }

  /**
   * The tenant's disk weight while the device is congested (ESXi SIOC shares); the same as the
   * share's weight elsewhere.
   */
  default double congestedDiskWeight(HostSpec host, TenantSpec tenant) {
    return diskShare(host, tenant).weight();
  }

  /**
   * The stages the host's packets cross and who pays their CPU; by default the NIC alone (its ring
   * and a FIFO in front of it), with no host CPU.
   */
  default NetworkPath networkPath(HostSpec host) {
    return new NetworkPath(
        NetworkPath.QdiscKind.PFIFO_FAST,
        1000,
        256,
        NetworkPath.Stage.NONE,
        NetworkPath.Stage.NONE,
        NetworkPath.Shaping.OWN_INTERFACE);
  }

  /** Host options this policy reads. */
  default List<Knob> hostOptions() {
    return List.of();
  }

  /** Plan-level native knobs this policy reads. */
  default List<Knob> nativeKnobs() {
    return List.of();
  }
}
