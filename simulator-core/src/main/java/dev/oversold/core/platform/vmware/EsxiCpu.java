package dev.oversold.core.platform.vmware;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.platform.cpu.CoStopModel;
import dev.oversold.core.platform.cpu.CpuKnobs;
import dev.oversold.core.platform.cpu.WakeupLatency;
import dev.oversold.core.sharing.ShareSettings;
import java.util.List;

/**
 * VMware ESXi: proportional shares (High/Normal/Low = 2000/1000/500 per vCPU, so a VM's default
 * shares grow with its vCPUs), a reservation in MHz that the VM gets before any shares count (a
 * busy neighbour cannot take it), and a limit in MHz enforced continuously [R vSphere Resource
 * Management]. MHz convert to cores with the host's core clock ({@code core-mhz}): a 2400 MHz
 * reservation on 2400 MHz cores is one physical core, {@code speed} reference cores.
 */
public final class EsxiCpu implements CpuPolicy {
  /**
   * Fraction of allocated CPU time that is the VM's useful work: about 3% goes to hypervisor
   * scheduling and the VMM (documented assumption).
   */
  public static final double CPU_EFFICIENCY = 0.97;

  /** Normal shares per vCPU [R vSphere Resource Management]. */
  public static final double NORMAL_SHARES_PER_VCPU = 1000;

  public static final Knob SHARES =
      new Knob(
          "shares",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          1_000_000,
          "CPU shares of the VM (normal = 1000 per vCPU) [R vSphere Resource Management]");
  public static final Knob RESERVATION_MHZ =
      new Knob(
          "reservation-mhz",
          KnobKind.NUMBER,
          Double.NaN,
          0,
          1e7,
          "CPU reservation in MHz [R vSphere Resource Management]");
  public static final Knob LIMIT_MHZ =
      new Knob(
          "limit-mhz",
          KnobKind.NUMBER,
          Double.NaN,
          0,
          1e7,
          "CPU limit in MHz, 0 = unlimited [R vSphere Resource Management]");

  public static final List<Knob> NATIVE_KNOBS = List.of(SHARES, RESERVATION_MHZ, LIMIT_MHZ);

  private final Knob coreMhz;

  /** {@code coreMhz}: the host option holding the clock of one physical core in MHz. */
  public EsxiCpu(Knob coreMhz) {
    this.coreMhz = coreMhz;
  }

  @Override
  public ShareSettings tenantShare(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    var knobs = plan.nativeKnobs();
    double coresPerMhz = host.cpu().speed() / host.options().get(coreMhz);
    double shares =
        knobs.get(SHARES.key(), plan.cpu().weight() * NORMAL_SHARES_PER_VCPU * plan.vcpus());
    double floor =
        knobs.has(RESERVATION_MHZ.key())
            ? knobs.get(RESERVATION_MHZ.key(), 0) * coresPerMhz
            : plan.cpu().reservationCores();
    double limitMhz = knobs.get(LIMIT_MHZ.key(), Double.NaN);
    double cap =
        Double.isNaN(limitMhz)
            ? plan.cpu().limitCores()
            : limitMhz == 0 ? Double.POSITIVE_INFINITY : limitMhz * coresPerMhz;
    return CpuKnobs.share(
        host, plan.vcpus(), shares / NORMAL_SHARES_PER_VCPU, floor, cap, CPU_EFFICIENCY, false);
  }

  @Override
  public WakeupLatency wakeupLatency(HostSpec host) {
    return WakeupLatency.esxi().withEnabled(CpuKnobs.wakeupDelayOn(host));
  }

  @Override
  public CoStopModel coStop(HostSpec host) {
    return CoStopModel.esxi();
  }
}
