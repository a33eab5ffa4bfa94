package dev.oversold.core.platform.xen;

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
 * Xen credit1: each domain has a weight (1..65535, default 256) and a cap in % of one pCPU (0 =
 * uncapped). Credits are handed out every accounting period (3 ticks of 10 ms = 30 ms) in
 * proportion to weight among active domains and split among a domain's vCPUs; a capped domain that
 * has used its cap is parked until the next accounting, so the cap is a quota per 30 ms [R xen
 * sched_credit.c]. dom0 is a domain of its own with its own vCPUs and weight: it runs the disk and
 * network backends, so its share is the platform share that host-side I/O work is charged to. No
 * reservation mechanism: the neutral reservation is ignored.
 */
public final class XenCreditCpu implements CpuPolicy {
  /**
   * Fraction of allocated CPU time that is the guest's useful work: VM exits go through the
   * hypervisor and dom0 runs beside guests; about 3-4% lost (documented assumption; "near-native
   * CPU performance", reference section 3 and seed claim 4).
   */
  public static final double CPU_EFFICIENCY = 0.965;

  /** Credit scheduler default weight [R sched_credit.c]. */
  public static final double DEFAULT_WEIGHT = 256;

  /** Accounting period: CSCHED_TICKS_PER_ACCT (3) x 10 ms tick [R sched_credit.c]. */
  public static final long ACCOUNTING_PERIOD_NANOS = 30 * SimTime.MILLISECOND;

  public static final Knob WEIGHT =
      new Knob(
          "weight",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          65_535,
          "credit scheduler weight of the domain (default 256 = neutral 1.0) [R sched_credit.c]");
  public static final Knob CAP =
      new Knob(
          "cap",
          KnobKind.PERCENT,
          Double.NaN,
          0,
          100_000,
          "credit scheduler cap in % of one pCPU, 0 = uncapped; a quota per 30 ms accounting"
              + " period [R sched_credit.c]");
  public static final Knob DOM0_WEIGHT =
      new Knob(
          "dom0-weight",
          KnobKind.NUMBER,
          DEFAULT_WEIGHT,
          1,
          65_535,
          "credit weight of dom0 (default 256, as every domain) [R sched_credit.c]");

  public static final List<Knob> NATIVE_KNOBS = List.of(WEIGHT, CAP);

  /** The control domain: xentop lists it as Domain-0. */
  @Override
  public String platformShareName() {
    return "dom0";
  }

  private final Knob dom0Vcpus;

  /** {@code dom0Vcpus}: the host option holding dom0's vCPU count. */
  public XenCreditCpu(Knob dom0Vcpus) {
    this.dom0Vcpus = dom0Vcpus;
  }

  @Override
  public ShareSettings tenantShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    return CpuKnobs.share(
        host,
        plan.vcpus(),
        CpuKnobs.weight(plan, WEIGHT, DEFAULT_WEIGHT),
        0,
        CpuKnobs.percentCap(plan.nativeKnobs(), CAP, plan.cpu().limitCores()),
        CPU_EFFICIENCY,
        false);
  }

  @Override
  public long capPeriodNanos(HostSpec host, TenantSpec tenant) {
    return ACCOUNTING_PERIOD_NANOS;
  }

  /** dom0: its own vCPUs and weight, no cap, no virtualization overhead on its own work. */
  @Override
  public ShareSettings platformShare(HostSpec host) {
    int vcpus = (int) Math.max(1, host.options().get(dom0Vcpus));
    double weight = host.options().get(DOM0_WEIGHT) / DEFAULT_WEIGHT;
    return CpuKnobs.share(host, vcpus, weight, 0, Double.POSITIVE_INFINITY, 1.0, false);
  }

  @Override
  public WakeupLatency wakeupLatency(HostSpec host) {
    return WakeupLatency.xenCredit().withEnabled(CpuKnobs.wakeupDelayOn(host));
  }
}
