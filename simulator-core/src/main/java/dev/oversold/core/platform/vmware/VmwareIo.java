package dev.oversold.core.platform.vmware;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.platform.NetworkPath;
import dev.oversold.core.platform.io.DeviceShares;
import dev.oversold.core.platform.io.GuestKernel;
import dev.oversold.core.platform.io.GuestKernelIo;
import dev.oversold.core.platform.io.NetworkKnobs;
import dev.oversold.core.sharing.ShareSettings;
import java.util.List;

/**
 * VMware ESXi: Storage I/O Control shares per vDisk (Low/Normal/High = 500/1000/2000), enforced
 * only while the datastore's latency is above the congestion threshold; below it every VM is served
 * alike. NIOC shares (1..100) divide the NIC.
 */
public final class VmwareIo implements GuestKernelIo {
  static final double NORMAL_DISK_SHARES = 1000;
  static final double NORMAL_NIOC_SHARES = 50;

  public static final Knob DISK_SHARES =
      new Knob(
          "disk-shares",
          KnobKind.NUMBER,
          Double.NaN,
          100,
          10_000,
          "SIOC shares of the vDisk (normal 1000 = neutral 1.0) [R vSphere]");
  public static final Knob DISK_IOPS_LIMIT =
      new Knob(
          "disk-iops-limit",
          KnobKind.RATE,
          Double.NaN,
          0,
          1e9,
          "vDisk IOPS limit, 0 = unlimited [R vSphere]");
  public static final Knob NIOC_SHARES =
      new Knob(
          "nioc-shares",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          100,
          "NIOC shares of the VM's traffic, 1..100 (normal 50 = neutral 1.0) [R vSphere]");
  public static final Knob SIOC_THRESHOLD =
      new Knob(
          "sioc-threshold",
          KnobKind.DURATION,
          30 * SimTime.MILLISECOND,
          10 * SimTime.MILLISECOND,
          100 * SimTime.MILLISECOND,
          "datastore latency above which SIOC enforces shares (manual 10..100 ms; 30 ms, the"
              + " vSphere 5.0 default, stands in for 90% of peak throughput) [R vSphere]");

  public static final Knob VNIC_CPU =
      new Knob(
          "vnic-cpu",
          KnobKind.DURATION,
          2 * SimTime.MICROSECOND,
          0,
          SimTime.MILLISECOND,
          "CPU per packet of the VM's vNIC world in the VMkernel, charged to the VM (assumption:"
              + " 2 us, as KVM's vhost-net)");

  /** vmxnet3's default transmit ring: 512 descriptors (assumption from the driver's default). */
  static final int VNIC_RING = 512;

  /**
   * A vNIC world per VM, its CPU charged to the VM, then the vSwitch's uplink, where NIOC divides
   * the NIC by shares when it is busy [R vSphere Networking: NIOC]. No host Linux stack.
   */
  @Override
  public NetworkPath networkPath(HostSpec host) {
    return new NetworkPath(
        NetworkPath.QdiscKind.WEIGHTED_UPLINK,
        (int) host.options().get(NetworkKnobs.TXQUEUELEN),
        (int) host.options().get(NetworkKnobs.RING),
        NetworkPath.Stage.NONE,
        new NetworkPath.Stage(
            IoCosts.CpuSite.PER_TENANT, (long) host.options().get(VNIC_CPU), 0, VNIC_RING),
        NetworkPath.Shaping.OWN_INTERFACE_TRANSMIT);
  }

  @Override
  public ShareSettings diskShare(HostSpec host, TenantSpec tenant) {
    // Uncongested: every VM alike. SIOC switches to congestedDiskWeight above the threshold.
    var plan = tenant.plan();
    return DeviceShares.disk(
        host,
        1.0,
        DeviceShares.limit(
            plan.nativeKnobs().get(DISK_IOPS_LIMIT.key(), Double.NaN), plan.disk().iopsLimit()),
        plan.disk().bandwidthLimitBytesPerSecond());
  }

  @Override
  public double congestedDiskWeight(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    return plan.nativeKnobs().get(DISK_SHARES.key(), plan.disk().weight() * NORMAL_DISK_SHARES)
        / NORMAL_DISK_SHARES;
  }

  @Override
  public ShareSettings networkShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    double weight =
        plan.nativeKnobs().get(NIOC_SHARES.key(), NORMAL_NIOC_SHARES) / NORMAL_NIOC_SHARES;
    return DeviceShares.network(host, weight, plan.network().bandwidthLimitBytesPerSecond());
  }

  @Override
  public IoCosts costs(HostSpec host) {
    return new IoCosts(
        0, 0, IoCosts.CpuSite.NONE, false, false, (long) host.options().get(SIOC_THRESHOLD));
  }

  /**
   * ESXi schedules a datastore's device queue itself, per VM by start-time fair queueing; Storage
   * I/O Control sets the VMs' shares above its congestion threshold [vSphere Resource Management;
   * Gulati et al., PARDA, FAST 2009]. No Linux elevator runs on the host.
   */
  @Override
  public List<IoSchedulerKind> ioSchedulers() {
    return List.of(IoSchedulerKind.ESXI_SFQ);
  }

  @Override
  public IoSchedulerKind defaultIoScheduler(DiskKind kind) {
    return IoSchedulerKind.ESXI_SFQ;
  }

  @Override
  public List<Knob> hostOptions() {
    return List.of(
        SIOC_THRESHOLD,
        VNIC_CPU,
        NetworkKnobs.TXQUEUELEN,
        NetworkKnobs.RING,
        GuestKernel.GUEST_DIRTY_THROTTLING);
  }

  @Override
  public List<Knob> nativeKnobs() {
    return List.of(DISK_SHARES, DISK_IOPS_LIMIT, NIOC_SHARES);
  }
}
