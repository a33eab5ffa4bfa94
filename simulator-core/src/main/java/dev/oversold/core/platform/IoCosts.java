package dev.oversold.core.platform;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a platform's I/O crosses the host besides the device itself.
 *
 * @param diskCpuPerOperation host CPU in reference-core-seconds per disk operation (QEMU iothread,
 *     dom0 blkback); 0 for none
 * @param networkCpuPerPacket host CPU in reference-core-seconds per packet (vhost, netback, the
 *     shared kernel's softirq); 0 for none
 * @param cpuSite where that CPU work runs
 * @param sharedPageCache writes go through one kernel page cache and its global writeback (OpenVZ,
 *     bare metal) instead of straight to the tenant's share of the device
 * @param sharedNetworkStack tenants without a bandwidth limit share one kernel network stack with
 *     no per-tenant fairness (OpenVZ, bare metal); shaped tenants get their own queue
 * @param congestionThresholdNanos disk weights apply only while the device's mean latency is above
 *     this (ESXi Storage I/O Control); 0 = always
 */
public record IoCosts(
    double diskCpuPerOperation,
    double networkCpuPerPacket,
    CpuSite cpuSite,
    boolean sharedPageCache,
    boolean sharedNetworkStack,
    long congestionThresholdNanos) {

  /** Ethernet MTU: a packet carries at most this many bytes (1500-byte frames). */
  public static final long MTU_BYTES = 1500;

  /** The device and NIC alone: nothing crosses host software. */
  public static final IoCosts DIRECT = new IoCosts(0, 0, CpuSite.NONE, false, false, 0);

  public IoCosts {
    checkArgument(diskCpuPerOperation >= 0 && networkCpuPerPacket >= 0, "costs must be >= 0");
    checkArgument(cpuSite != null, "cpuSite");
    checkArgument(congestionThresholdNanos >= 0, "threshold must be >= 0");
  }

  /** Where per-I/O host CPU work runs. */
  public enum CpuSite {
    /** Nowhere: no host CPU charged. */
    NONE,
    /** A per-tenant host thread (QEMU iothread, vhost) weighted like the tenant's vCPUs. */
    PER_TENANT,
    /** One shared driver domain (Xen dom0: blkback and netback) serving every guest. */
    DOM0,
    /** The shared kernel's softirq/kworker context, with no per-tenant grouping. */
    KERNEL
  }
}
