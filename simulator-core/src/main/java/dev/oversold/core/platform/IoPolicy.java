package dev.oversold.core.platform;

import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.sharing.ShareSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

  /**
   * The TCP congestion control a tenant's sender runs when its workload names none: the default of
   * the kernel that owns its sockets (the host's on OpenVZ and bare metal, the guest's in a VM).
   * CUBIC on every platform modelled: it has been Linux's default since 2.6.19
   * (CONFIG_DEFAULT_TCP_CONG, net/ipv4/Kconfig), so in OpenVZ's RHEL 6 era 2.6.32 kernel as in the
   * modern kernels of bare-metal hosts and of KVM, Xen and ESXi guests. Older kernels (2.6.8 to
   * 2.6.18, e.g. Matthews et al. 2007's) ran BIC: a workload says so itself.
   */
  default WorkloadSpec.CongestionControl tcpCongestionControl() {
    return WorkloadSpec.CongestionControl.CUBIC;
  }

  /**
   * The initial congestion window, in MSS, of a TCP connection a tenant's server answers on: that
   * of the kernel that owns its sockets (the host's on OpenVZ and bare metal, the guest's in a VM),
   * whose era is the one the dirty-throttling options name ({@link #dirtyThrottling}, {@link
   * #guestDirtyThrottling}). Linux 2.6.18 and 2.6.32: RFC 3390's min(4 MSS, max(2 MSS, 4,380 B)), 3
   * segments at a 1,448 B MSS ({@code tcp_init_cwnd}, net/ipv4/tcp_input.c); from 2.6.39, RFC
   * 6928's 10 ({@code TCP_INIT_CWND}, include/net/tcp.h). A kernel that backported IW10 (some RHEL
   * 6 updates did) is not distinguished: 2.6.32 means the upstream value.
   */
  default int tcpInitialWindow(HostSpec host) {
    return initialWindow(dirtyThrottling(host));
  }

  /** The initial window, in MSS, of a kernel of {@code era} (see {@link #tcpInitialWindow}). */
  static int initialWindow(DirtyThrottling era) {
    return switch (era) {
      case LINUX_2_6_18, LINUX_2_6_32 -> 3;
      case MODERN -> 10;
    };
  }

  /**
   * The I/O schedulers the host's kernel offers for its disk ({@code options.io-scheduler}). By
   * default a modern blk-mq kernel's: mq-deadline, none and bfq [block/elevator.c; kyber is not
   * modelled].
   */
  default List<IoSchedulerKind> ioSchedulers() {
    return List.of(IoSchedulerKind.MQ_DEADLINE, IoSchedulerKind.NONE, IoSchedulerKind.BFQ);
  }

  /**
   * The scheduler the host runs when the scenario names none. By default the kernel's own choice:
   * none for a multi-queue device (NVMe), mq-deadline for the others [block/elevator.c,
   * elevator_get_default].
   */
  default IoSchedulerKind defaultIoScheduler(DiskKind kind) {
    return kind == DiskKind.NVME ? IoSchedulerKind.NONE : IoSchedulerKind.MQ_DEADLINE;
  }

  /** Which kernel's {@code balance_dirty_pages} (mm/page-writeback.c) a page cache runs. */
  enum DirtyThrottling {
    /** Linux 2.6.18: one global limit (vm_dirty_ratio 40 %), every writer writes back. */
    LINUX_2_6_18,
    /** Linux 2.6.32: per-task limits (task_dirty_limit), writers write back themselves. */
    LINUX_2_6_32,
    /** Linux 3.2 and later: IO-less throttling, writers pause in proportion. */
    MODERN
  }

  /**
   * The dirty throttling of the host kernel's page cache, where tenants share it (OpenVZ, bare
   * metal). By default modern: the VMs' guests and a bare-metal host run current kernels.
   */
  default DirtyThrottling dirtyThrottling(HostSpec host) {
    return DirtyThrottling.MODERN;
  }

  /**
   * The dirty throttling of each VM's own guest kernel (its page cache over the guest's RAM): the
   * same eras as {@link #dirtyThrottling}, chosen by the VM platforms' host option {@code
   * guest-dirty-throttling}. Modern by default, and for platforms without guest kernels.
   */
  default DirtyThrottling guestDirtyThrottling(HostSpec host) {
    return DirtyThrottling.MODERN;
  }

  /**
   * Whether each guest's disk requests cross a one-page Xen block ring ({@code
   * dev.oversold.core.storage.BlkifRing}: 32 requests of at most 44 KiB at once) before the
   * backend. False by default: no ring, every request reaches the backend whole and at once.
   */
  default boolean onePageBlockRing(HostSpec host) {
    return false;
  }

  /**
   * Where guests' disks live in the host's own kernel when they are files in it rather than devices
   * (a Xen dom0's loop devices for {@code file:} VBDs): the memory of that kernel's page cache, its
   * CPUs and its dirty throttling. Null by default: guests' requests reach the host's block device
   * directly.
   */
  default @Nullable FileBackedDisks fileBackedDisks(HostSpec host) {
    return null;
  }

  /**
   * The host kernel that holds guests' disk image files in its page cache.
   *
   * @param dirtyableBytes the memory its dirty ratios apply to (dom0's RAM)
   * @param cpus its CPUs, for {@code ratelimit_pages}
   * @param throttling its {@code balance_dirty_pages}
   */
  record FileBackedDisks(long dirtyableBytes, int cpus, DirtyThrottling throttling) {}

  /** Host options this policy reads. */
  default List<Knob> hostOptions() {
    return List.of();
  }

  /** Plan-level native knobs this policy reads. */
  default List<Knob> nativeKnobs() {
    return List.of();
  }
}
