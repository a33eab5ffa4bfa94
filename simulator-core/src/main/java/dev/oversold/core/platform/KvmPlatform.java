package dev.oversold.core.platform;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.PlatformKind;
import java.util.List;

/**
 * KVM: each VM is a QEMU process whose vCPUs are host threads under CFS, grouped in a cgroup per VM
 * ({@code cpu.weight} default 100 = nice-0 weight 1024; {@code cpu.max} quota/period) (reference:
 * cgroup-v2.rst, sched-bwc).
 */
public final class KvmPlatform implements Platform {
  /** cgroup v2 cpu.weight default (reference: 1..10000, default 100). */
  static final double DEFAULT_CPU_WEIGHT = 100;

  static final Knob CPU_WEIGHT =
      new Knob(
          "cpu.weight",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          10_000,
          "cgroup v2 cpu.weight of the VM (default 100 = neutral weight 1.0) [R cgroup-v2.rst]");
  static final Knob CPU_MAX =
      new Knob(
          "cpu.max",
          KnobKind.PERCENT,
          Double.NaN,
          0,
          100_000,
          "cpu.max quota over period, in % of one core; 0 = max (none) [R sched-bwc]");

  private final CpuPolicy cpu =
      (host, tenant) -> {
        var plan = tenant.plan();
        var knobs = plan.nativeKnobs();
        double weight =
            knobs.get(CPU_WEIGHT.key(), plan.cpu().weight() * DEFAULT_CPU_WEIGHT)
                / DEFAULT_CPU_WEIGHT;
        double cap =
            NeutralCpu.percentCap(knobs.get(CPU_MAX.key(), Double.NaN), plan.cpu().limitCores());
        return NeutralCpu.share(
            host,
            plan,
            weight,
            plan.cpu().reservationCores(),
            cap,
            Overheads.KVM_CPU_EFFICIENCY,
            false);
      };

  private final IoPolicy io = new dev.oversold.core.platform.io.KvmIo();
  private final MemoryPolicy memory = new dev.oversold.core.platform.memory.KvmMemoryPolicy();

  @Override
  public PlatformKind kind() {
    return PlatformKind.KVM;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(List.of(), memory.hostOptions(), io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(List.of(CPU_WEIGHT, CPU_MAX), memory.nativeKnobs(), io.nativeKnobs());
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
