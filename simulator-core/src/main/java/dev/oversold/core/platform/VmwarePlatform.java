package dev.oversold.core.platform;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.PlatformKind;
import java.util.List;

/**
 * VMware ESXi: proportional shares (normal = 1000 per vCPU), reservation and limit in MHz
 * (reference: vSphere Resource Management).
 */
public final class VmwarePlatform implements Platform {
  /** Normal shares per vCPU (reference: High/Normal/Low = 2000/1000/500 per vCPU). */
  static final double NORMAL_SHARES_PER_VCPU = 1000;

  static final Knob SHARES =
      new Knob(
          "shares",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          1_000_000,
          "CPU shares of the VM (normal = 1000 per vCPU) [R vSphere Resource Management]");
  static final Knob RESERVATION_MHZ =
      new Knob(
          "reservation-mhz",
          KnobKind.NUMBER,
          Double.NaN,
          0,
          1e7,
          "CPU reservation in MHz [R vSphere Resource Management]");
  static final Knob LIMIT_MHZ =
      new Knob(
          "limit-mhz",
          KnobKind.NUMBER,
          Double.NaN,
          0,
          1e7,
          "CPU limit in MHz, 0 = unlimited [R vSphere Resource Management]");
  static final Knob CORE_MHZ =
      new Knob(
          "core-mhz",
          KnobKind.NUMBER,
          2400,
          100,
          100_000,
          "clock of one reference core, to convert MHz knobs to cores (assumption: 2400 MHz)");

  private final CpuPolicy cpu =
      (host, tenant) -> {
        var plan = tenant.plan();
        var knobs = plan.nativeKnobs();
        double mhz = host.options().get(CORE_MHZ);
        double shares =
            knobs.get(SHARES.key(), plan.cpu().weight() * NORMAL_SHARES_PER_VCPU * plan.vcpus());
        double floor =
            knobs.has(RESERVATION_MHZ.key())
                ? knobs.get(RESERVATION_MHZ.key(), 0) / mhz
                : plan.cpu().reservationCores();
        double limitMhz = knobs.get(LIMIT_MHZ.key(), Double.NaN);
        double cap =
            Double.isNaN(limitMhz)
                ? plan.cpu().limitCores()
                : limitMhz == 0 ? Double.POSITIVE_INFINITY : limitMhz / mhz;
        return NeutralCpu.share(
            host,
            plan,
            shares / NORMAL_SHARES_PER_VCPU,
            floor,
            cap,
            Overheads.VMWARE_CPU_EFFICIENCY,
            false);
      };

  private final IoPolicy io = new dev.oversold.core.platform.io.VmwareIo();
  private final MemoryPolicy memory = new dev.oversold.core.platform.memory.VmwareMemoryPolicy();

  @Override
  public PlatformKind kind() {
    return PlatformKind.VMWARE;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(List.of(CORE_MHZ), memory.hostOptions(), io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(
        List.of(SHARES, RESERVATION_MHZ, LIMIT_MHZ), memory.nativeKnobs(), io.nativeKnobs());
  }

  @Override
  public CpuPolicy cpu() {
    return cpu;
  }

  @Override
  public IoPolicy io() {
    return io;
  }

  @Override
  public MemoryPolicy memory() {
    return memory;
  }
}
