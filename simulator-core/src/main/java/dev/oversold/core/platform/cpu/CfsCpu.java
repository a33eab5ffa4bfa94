package dev.oversold.core.platform.cpu;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.sharing.ShareSettings;
import java.util.List;

/**
 * KVM: each vCPU is a host thread under CFS, the VM's threads grouped in one cgroup. The group's
 * {@code cpu.weight} (cgroup v2, 1..10000, default 100 = nice-0 weight 1024) divides the host among
 * VMs whatever their vCPU count; {@code cpu.max} quota/period caps it, a group that has used its
 * quota is throttled until the next period (default period 100 ms) [R cgroup-v2.rst, sched-bwc].
 * CFS has no reservation: the neutral reservation is not representable and is ignored.
 */
public final class CfsCpu implements CpuPolicy {
  private final double efficiency;

  /**
   * @param efficiency fraction of allocated CPU time that is the guest's useful work (the
   *     platform's virtualization overhead)
   */
  public CfsCpu(double efficiency) {
    this.efficiency = efficiency;
  }

  /** cgroup v2 cpu.weight default [R cgroup-v2.rst]. */
  public static final double DEFAULT_CPU_WEIGHT = 100;

  /** cpu.max period default, 100000 us [R cgroup-v2.rst]. */
  public static final long DEFAULT_PERIOD_NANOS = 100 * SimTime.MILLISECOND;

  public static final Knob CPU_WEIGHT =
      new Knob(
          "cpu.weight",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          10_000,
          "cgroup v2 cpu.weight of the VM (default 100 = neutral weight 1.0) [R cgroup-v2.rst]");
  public static final Knob CPU_MAX =
      new Knob(
          "cpu.max",
          KnobKind.PERCENT,
          Double.NaN,
          0,
          100_000,
          "cpu.max quota over period, in % of one core; 0 = max (none) [R sched-bwc]");
  public static final Knob CPU_MAX_PERIOD =
      new Knob(
          "cpu.max-period",
          KnobKind.DURATION,
          Double.NaN,
          SimTime.MILLISECOND,
          SimTime.SECOND,
          "cpu.max period (default 100ms; 1ms..1s); a throttled VM waits for the next one"
              + " [R sched-bwc]");

  public static final List<Knob> NATIVE_KNOBS = List.of(CPU_WEIGHT, CPU_MAX, CPU_MAX_PERIOD);

  @Override
  public ShareSettings tenantShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    return CpuKnobs.share(
        host,
        plan.vcpus(),
        CpuKnobs.weight(plan, CPU_WEIGHT, DEFAULT_CPU_WEIGHT),
        0,
        CpuKnobs.percentCap(plan.nativeKnobs(), CPU_MAX, plan.cpu().limitCores()),
        efficiency,
        false);
  }

  @Override
  public long capPeriodNanos(HostSpec host, TenantSpec tenant) {
    return (long) tenant.plan().nativeKnobs().get(CPU_MAX_PERIOD.key(), DEFAULT_PERIOD_NANOS);
  }

  @Override
  public WakeupLatency wakeupLatency(HostSpec host) {
    return WakeupLatency.cfs(host.cpu().cores()).withEnabled(CpuKnobs.wakeupDelayOn(host));
  }
}
