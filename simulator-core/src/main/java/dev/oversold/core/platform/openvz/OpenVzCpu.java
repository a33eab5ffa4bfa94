package dev.oversold.core.platform.openvz;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.platform.cpu.CpuKnobs;
import dev.oversold.core.platform.cpu.WakeupLatency;
import dev.oversold.core.sharing.ShareSettings;
import java.util.List;

/**
 * OpenVZ / Virtuozzo: the two-level fair scheduler picks a container by {@code cpuunits}
 * (8..500000, default 1000), then ordinary Linux (CFS) scheduling among its threads [R wiki
 * CPU_Fair_scheduler]. {@code cpulimit} (% of one core) is enforced over a 1 s period: a container
 * runs freely until it has used its limit for the second, then waits for the next one [R
 * docs.openvz.org]. {@code cpus} sets the CPUs it sees (default: the plan's vCPUs). No reservation
 * mechanism: the neutral reservation is ignored.
 */
public final class OpenVzCpu implements CpuPolicy {
  /**
   * Fraction of allocated CPU time that is the container's useful work: containers run natively on
   * the host kernel and the fair scheduler's per-container accounting costs about 1% (documented
   * assumption; containers match native CPU in Felter et al. 2015).
   */
  public static final double CPU_EFFICIENCY = 0.99;

  /** cpuunits default [R wiki CPU_Fair_scheduler]. */
  public static final double DEFAULT_CPUUNITS = 1000;

  /** Period over which cpulimit is enforced [R docs.openvz.org; PSBM guide]. */
  public static final long CPULIMIT_PERIOD_NANOS = SimTime.SECOND;

  public static final Knob CPUUNITS =
      new Knob(
          "cpuunits",
          KnobKind.NUMBER,
          Double.NaN,
          8,
          500_000,
          "CPU weight of the container (default 1000 = neutral weight 1.0) [R wiki"
              + " CPU_Fair_scheduler]");
  public static final Knob CPULIMIT =
      new Knob(
          "cpulimit",
          KnobKind.PERCENT,
          Double.NaN,
          0,
          100_000,
          "CPU ceiling in % of one core, 0 = none; enforced over 1 s [R docs.openvz.org]");
  public static final Knob CPUS =
      new Knob(
          "cpus",
          KnobKind.COUNT,
          Double.NaN,
          1,
          4096,
          "CPUs visible to the container (overrides plan vcpus) [R docs.openvz.org]");

  public static final List<Knob> NATIVE_KNOBS = List.of(CPUUNITS, CPULIMIT, CPUS);

  @Override
  public ShareSettings tenantShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    int cpus = (int) plan.nativeKnobs().get(CPUS.key(), plan.vcpus());
    return CpuKnobs.share(
        host,
        cpus,
        CpuKnobs.weight(plan, CPUUNITS, DEFAULT_CPUUNITS),
        0,
        CpuKnobs.percentCap(plan.nativeKnobs(), CPULIMIT, plan.cpu().limitCores()),
        CPU_EFFICIENCY,
        false);
  }

  @Override
  public long capPeriodNanos(HostSpec host, TenantSpec tenant) {
    return CPULIMIT_PERIOD_NANOS;
  }

  @Override
  public WakeupLatency wakeupLatency(HostSpec host) {
    return WakeupLatency.cfs(host.cpu().cores()).withEnabled(CpuKnobs.wakeupDelayOn(host));
  }
}
