package dev.oversold.core.platform.io;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.platform.IoPolicy;
import dev.oversold.core.platform.NetworkPath;
import dev.oversold.core.sharing.ShareSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * I/O of one shared Linux kernel (OpenVZ containers, bare-metal process groups): one CFQ-like queue
 * with per-tenant weights (OpenVZ ioprio 0..7), iolimit/iopslimit; writes through the shared page
 * cache and global writeback; one network stack whose packet processing (softirq) and socket
 * buffers are shared without per-tenant fairness unless a tenant is shaped.
 */
public final class SharedKernelIo implements IoPolicy {
  /** OpenVZ default ioprio (reference: 0..7, default 4). */
  static final double DEFAULT_IOPRIO = 4;

  public static final Knob IOPRIO =
      new Knob(
          "ioprio",
          KnobKind.COUNT,
          Double.NaN,
          0,
          7,
          "CFQ I/O priority of the container, 0..7, default 4; prio 7 gets 2x the time slice of"
              + " prio 0 [R wiki I/O_priorities]");
  public static final Knob IOLIMIT =
      new Knob(
          "iolimit",
          KnobKind.BYTE_RATE,
          Double.NaN,
          0,
          1e12,
          "disk bandwidth limit of the container, 0 = none [R wiki I/O_limits]");
  public static final Knob IOPSLIMIT =
      new Knob(
          "iopslimit",
          KnobKind.RATE,
          Double.NaN,
          0,
          1e9,
          "disk operations per second limit, 0 = none (off by default) [R wiki I/O_limits]");

  /** The shared stack's CPU per packet (kept under its old name for callers). */
  public static final Knob SOFTIRQ_CPU = NetworkKnobs.STACK_CPU;

  /**
   * OpenVZ's NIC qdisc: pfifo_fast, the default of the RHEL 6 era 2.6.32 kernel (fq_codel came in
   * Linux 3.5; OpenVZ 7's 3.10 kernel has it) [R OpenVZ wiki Virtual_network_device].
   */
  public static final Knob OPENVZ_QDISC =
      NetworkKnobs.qdisc(
          NetworkPath.QdiscKind.PFIFO_FAST,
          "default pfifo_fast: the RHEL 6 era 2.6.32 OpenVZ kernel's default (fq_codel needs"
              + " Linux 3.5+, e.g. OpenVZ 7)");

  /** Bare metal stands for a modern distribution: fq_codel as on KVM hosts. */
  public static final Knob MODERN_QDISC =
      NetworkKnobs.qdisc(
          NetworkPath.QdiscKind.FQ_CODEL,
          "default fq_codel: systemd 217+ sets net.core.default_qdisc (sysctl.d/50-default.conf)");

  /** The names {@code options.dirty-throttling} accepts, in the order of {@link #kernel}. */
  public static final List<String> DIRTY_THROTTLING_NAMES = List.of("2.6.18", "2.6.32", "modern");

  private static final String DIRTY_THROTTLING_MEANING =
      "balance_dirty_pages of the host kernel's page cache (mm/page-writeback.c): 2.6.18 (RHEL 5"
          + " kernels such as OpenVZ 028stab: one global limit, vm_dirty_ratio 40%, every writer"
          + " checked every ratelimit_pages and past the limit writing back 1.5 x ratelimit_pages"
          + " itself), 2.6.32 (RHEL 6: vm_dirty_ratio 20%, per-task limits lowered by up to 1/8 by"
          + " task_dirty_limit, free run below (background + dirty) / 2) or modern (3.2+:"
          + " IO-less pauses); ";

  /** OpenVZ's page cache: 2.6.32, the RHEL 6 kernel this model's OpenVZ runs. */
  public static final Knob OPENVZ_DIRTY_THROTTLING =
      Knob.choice(
          "dirty-throttling",
          DIRTY_THROTTLING_NAMES,
          "2.6.32",
          DIRTY_THROTTLING_MEANING
              + "default 2.6.32: OpenVZ's RHEL 6 era kernel (2.6.18 for the RHEL 5 era one)");

  /** Bare metal stands for a modern distribution: IO-less dirty throttling (Linux 3.2+). */
  public static final Knob MODERN_DIRTY_THROTTLING =
      Knob.choice(
          "dirty-throttling",
          DIRTY_THROTTLING_NAMES,
          "modern",
          DIRTY_THROTTLING_MEANING + "default modern: a current distribution's kernel");

  private final boolean openVz;

  private SharedKernelIo(boolean openVz) {
    this.openVz = openVz;
  }

  public static SharedKernelIo openVz() {
    return new SharedKernelIo(true);
  }

  public static SharedKernelIo bareMetal() {
    return new SharedKernelIo(false);
  }

  /**
   * CFQ slice weight of an ioprio: linear with prio 7 at twice prio 0 and prio 4 neutral, (7 + p) /
   * 11.
   */
  public static double ioprioWeight(double ioprio) {
    return (7 + ioprio) / (7 + DEFAULT_IOPRIO);
  }

  @Override
  public ShareSettings diskShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    var knobs = plan.nativeKnobs();
    double weight =
        openVz && knobs.has(IOPRIO.key())
            ? ioprioWeight(knobs.get(IOPRIO.key(), DEFAULT_IOPRIO))
            : plan.disk().weight();
    double iops = plan.disk().iopsLimit();
    double bytes = plan.disk().bandwidthLimitBytesPerSecond();
    if (openVz) {
      iops = DeviceShares.limit(knobs.get(IOPSLIMIT.key(), Double.NaN), iops);
      bytes = DeviceShares.limit(knobs.get(IOLIMIT.key(), Double.NaN), bytes);
    }
    return DeviceShares.disk(host, weight, iops, bytes);
  }

  @Override
  public ShareSettings networkShare(HostSpec host, TenantSpec tenant) {
    return DeviceShares.network(host, 1.0, tenant.plan().network().bandwidthLimitBytesPerSecond());
  }

  @Override
  public IoCosts costs(HostSpec host) {
    double perPacket = SimTime.toSeconds((long) host.options().get(SOFTIRQ_CPU));
    return new IoCosts(0, perPacket, IoCosts.CpuSite.KERNEL, true, true, 0);
  }

  /**
   * One kernel's stack for every tenant, its softirq on the host's CPU and charged to no tenant: an
   * OpenVZ container's venet hands its packets to the host's backlog (one queue) and the host
   * routes them to the NIC, whose qdisc on the RHEL 6 era 2.6.32 kernel is pfifo_fast [R OpenVZ
   * wiki Virtual_network_device]; bare metal stands for a modern distribution (fq_codel, the
   * default_qdisc systemd sets since version 217).
   */
  @Override
  public NetworkPath networkPath(HostSpec host) {
    NetworkPath path =
        NetworkKnobs.linuxStack(
            host,
            qdisc(),
            IoCosts.CpuSite.KERNEL,
            NetworkPath.Stage.NONE,
            NetworkPath.Shaping.HTB_ON_NIC);
    // A container's socket lets go of a packet at the host's backlog (venet, then ip_rcv's
    // skb_orphan); a bare-metal host's own sockets keep it until the NIC has sent it. venet offers
    // no scatter-gather, so a container's TCP sends MSS packets, not GSO segments.
    return openVz
        ? path.withRelease(NetworkPath.SocketRelease.AT_HOST_STACK)
            .withSegmentation(NetworkPath.Segmentation.MSS)
        : path;
  }

  private Knob qdisc() {
    return openVz ? OPENVZ_QDISC : MODERN_QDISC;
  }

  /**
   * OpenVZ's RHEL 6 kernel (2.6.32) has the legacy elevators, cfq by default [RHEL 6 Performance
   * Tuning Guide, 6.4 I/O Schedulers; block/Kconfig.iosched DEFAULT_IOSCHED]: containers' ioprio
   * works under cfq only. Bare metal stands for a modern kernel (the interface's default list).
   */
  @Override
  public List<IoSchedulerKind> ioSchedulers() {
    return openVz
        ? List.of(IoSchedulerKind.CFQ, IoSchedulerKind.DEADLINE, IoSchedulerKind.NOOP)
        : IoPolicy.super.ioSchedulers();
  }

  @Override
  public IoSchedulerKind defaultIoScheduler(DiskKind kind) {
    return openVz ? IoSchedulerKind.CFQ : IoPolicy.super.defaultIoScheduler(kind);
  }

  /**
   * OpenVZ's RHEL 6 kernel is 2.6.32 (balance_dirty_pages before IO-less throttling, 3.2) unless
   * the host option names another era; bare metal is modern unless told otherwise.
   */
  @Override
  public DirtyThrottling dirtyThrottling(HostSpec host) {
    Knob knob = dirtyThrottlingKnob();
    return kernel(knob.choiceName(host.options().get(knob)));
  }

  private Knob dirtyThrottlingKnob() {
    return openVz ? OPENVZ_DIRTY_THROTTLING : MODERN_DIRTY_THROTTLING;
  }

  /** The kernel of a {@link #DIRTY_THROTTLING_NAMES} name. */
  static DirtyThrottling kernel(String name) {
    return switch (name) {
      case "2.6.18" -> DirtyThrottling.LINUX_2_6_18;
      case "2.6.32" -> DirtyThrottling.LINUX_2_6_32;
      case "modern" -> DirtyThrottling.MODERN;
      default -> throw new IllegalArgumentException("not a dirty throttling: " + name);
    };
  }

  @Override
  public List<Knob> hostOptions() {
    List<Knob> options = new ArrayList<>(NetworkKnobs.stackOptions(qdisc()));
    options.add(dirtyThrottlingKnob());
    return List.copyOf(options);
  }

  @Override
  public List<Knob> nativeKnobs() {
    return openVz ? List.of(IOPRIO, IOLIMIT, IOPSLIMIT) : List.of();
  }
}
