package dev.oversold.core.platform.xen;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.platform.IoPolicy;
import dev.oversold.core.platform.NetworkPath;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.io.DeviceShares;
import dev.oversold.core.platform.io.GuestKernel;
import dev.oversold.core.platform.io.GuestKernelIo;
import dev.oversold.core.platform.io.NetworkKnobs;
import dev.oversold.core.sharing.ShareSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Xen: guests' disk and network go through the backends in dom0 (blkback, netback), which cost dom0
 * CPU per operation and per packet and serve every guest from dom0's vCPUs: one shared backend
 * queue. vif rate limits cap what a guest sends (netback's transmit credit).
 */
public final class XenIo implements GuestKernelIo {
  public static final Knob BLKBACK_CPU =
      new Knob(
          "blkback-cpu",
          KnobKind.DURATION,
          15 * SimTime.MICROSECOND,
          0,
          SimTime.MILLISECOND,
          "dom0 CPU per guest disk operation in blkback (assumption: 15 us, grant copy + event"
              + " channel)");

  /** The names {@code options.blkif-ring} accepts, in the order of their index. */
  public static final List<String> BLKIF_RING_NAMES = List.of("none", "xen-3.0");

  /**
   * The guest's block ring in front of blkback. {@code xen-3.0}: the interface of Xen 3.0 and its
   * 2.6.16/2.6.18-xen guests, one shared page of 32 requests (BLK_RING_SIZE, io/ring.h) of at most
   * 11 segments of 4 KiB (BLKIF_MAX_SEGMENTS_PER_REQUEST, io/blkif.h): a guest has at most 32
   * requests of 44 KiB in dom0, and a larger I/O crosses as several. {@code none} (default): not
   * modelled, every request reaches blkback whole and at once (later guests negotiate indirect
   * descriptors and larger rings, which this model does not size).
   */
  public static final Knob BLKIF_RING =
      Knob.choice(
          "blkif-ring",
          BLKIF_RING_NAMES,
          "none",
          "the guest's block ring in front of blkback: xen-3.0 (one shared page, 32 requests of at"
              + " most 11 segments of 4 KiB: BLK_RING_SIZE and BLKIF_MAX_SEGMENTS_PER_REQUEST in"
              + " xen/include/public/io/ring.h, blkif.h; a larger I/O crosses as several requests,"
              + " a full ring holds the rest in the guest) or none (not modelled: every request"
              + " reaches blkback whole and at once); default none");

  /** The names {@code options.vbd} accepts, in the order of their index. */
  public static final List<String> VBD_NAMES = List.of("phy", "file");

  /**
   * Where the guests' virtual block devices live in dom0. {@code phy} (default): a partition or
   * logical volume, blkback hands each request to dom0's block layer as it is. {@code file}: an
   * image file in dom0's file system ({@code disk = ['file:...']}, Xen 3.0 user manual, "Using
   * File-backed VBDs"), served by dom0's loop driver (drivers/block/loop.c of 2.6.16/2.6.18): one
   * kernel thread per image takes the guest's requests one at a time in arrival order; it copies a
   * write into dom0's page cache and reads the file (the model sends reads to the disk), so every
   * guest's writes share dom0's one page cache and its flusher (dom0 runs Xen 3.0's 2.6.16/2.6.18
   * kernel). The model holds the loop thread at dom0's 2.6.18 dirty limit (an assumption: loop.c's
   * own write path calls no balance_dirty_pages; page reclaim holds it back, see {@code
   * runtime/LoopDevice}). The manual warns that file-backed VBDs slow down under heavy I/O; which
   * of the two Matthews et al. 2007 used is not published, so {@code file} is an option a 2007 Xen
   * host could have had, not a reconstruction.
   */
  public static final Knob VBD =
      Knob.choice(
          "vbd",
          VBD_NAMES,
          "phy",
          "where guests' disks live in dom0: phy (a partition or logical volume: blkback hands each"
              + " request to dom0's block layer) or file (an image file on dom0's loop driver, Xen"
              + " 3.0 user manual 'Using File-backed VBDs': one loop thread per guest serves its"
              + " requests in order, drivers/block/loop.c; writes are copied into dom0's page cache"
              + " and held at its one 2.6.18 dirty limit, mm/page-writeback.c, an assumption"
              + " standing in for loop's page reclaim; reads go to the disk); default phy");

  /** dom0's NIC qdisc: dom0 runs a modern distribution, so fq_codel as on KVM hosts. */
  public static final Knob QDISC =
      NetworkKnobs.qdisc(
          NetworkPath.QdiscKind.FQ_CODEL,
          "default fq_codel: dom0's systemd 217+ sets net.core.default_qdisc"
              + " (sysctl.d/50-default.conf)");

  public static final Knob NETBACK_CPU =
      new Knob(
          "netback-cpu",
          KnobKind.DURATION,
          3 * SimTime.MICROSECOND,
          0,
          SimTime.MILLISECOND,
          "dom0 CPU per packet in the guest's netback thread (assumption: 3 us: grant copy and"
              + " event channel; a GSO segment counts once)");
  public static final Knob VIF_RATE =
      new Knob(
          "rate",
          KnobKind.BYTE_RATE,
          Double.NaN,
          0,
          1e12,
          "vif rate limit on what the guest transmits only (netback charges the credit to the"
              + " guest's transmit ring: tx_credit_exceeded, drivers/net/xen-netback/netback.c;"
              + " receive is not limited) (rate=RATE/s, credit interval 50 ms), 0 = none [R xl"
              + " network config]");

  @Override
  public ShareSettings diskShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    return DeviceShares.disk(
        host,
        plan.disk().weight(),
        plan.disk().iopsLimit(),
        plan.disk().bandwidthLimitBytesPerSecond());
  }

  @Override
  public ShareSettings networkShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    return DeviceShares.network(
        host,
        1.0,
        DeviceShares.limit(
            plan.nativeKnobs().get(VIF_RATE.key(), Double.NaN),
            plan.network().bandwidthLimitBytesPerSecond()));
  }

  @Override
  public IoCosts costs(HostSpec host) {
    return new IoCosts(
        SimTime.toSeconds((long) host.options().get(BLKBACK_CPU)),
        SimTime.toSeconds((long) host.options().get(NETBACK_CPU)),
        IoCosts.CpuSite.DOM0,
        false,
        false,
        0);
  }

  /**
   * A netback thread per guest vif, and dom0's bridge and NIC driver, all on dom0's vCPUs under
   * dom0's credit weight [R Xen netback: drivers/net/xen-netback]; the guest's ring has 256 slots
   * (netif.h). dom0 runs a modern kernel: fq_codel on the NIC.
   */
  @Override
  public NetworkPath networkPath(HostSpec host) {
    return NetworkKnobs.linuxStack(
        host,
        QDISC,
        IoCosts.CpuSite.DOM0,
        new NetworkPath.Stage(
            IoCosts.CpuSite.DOM0,
            (long) host.options().get(NETBACK_CPU),
            0,
            NetworkKnobs.BACKEND_RING),
        NetworkPath.Shaping.OWN_INTERFACE_TRANSMIT);
  }

  @Override
  public boolean onePageBlockRing(HostSpec host) {
    return host.options().get(BLKIF_RING) == BLKIF_RING_NAMES.indexOf("xen-3.0");
  }

  /**
   * With {@code vbd: file}, dom0's kernel holds the guests' images in its page cache: its RAM
   * ({@code dom0-memory}) and vCPUs, and 2.6.18's {@code balance_dirty_pages} (Xen 3.0 shipped
   * 2.6.16-xen, Xen 3.1 2.6.18-xen; both have vm_dirty_ratio 40 and the same global throttle).
   */
  @Override
  public IoPolicy.@Nullable FileBackedDisks fileBackedDisks(HostSpec host) {
    if (host.options().get(VBD) != VBD_NAMES.indexOf("file")) {
      return null;
    }
    return new IoPolicy.FileBackedDisks(
        (long) host.options().get(XenPlatform.DOM0_MEMORY),
        (int) host.options().get(XenPlatform.DOM0_VCPUS),
        IoPolicy.DirtyThrottling.LINUX_2_6_18);
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(
        List.of(BLKBACK_CPU, BLKIF_RING, VBD, NETBACK_CPU, GuestKernel.GUEST_DIRTY_THROTTLING),
        NetworkKnobs.stackOptions(QDISC));
  }

  @Override
  public List<Knob> nativeKnobs() {
    return List.of(VIF_RATE);
  }
}
