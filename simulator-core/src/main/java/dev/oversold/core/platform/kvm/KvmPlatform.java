package dev.oversold.core.platform.kvm;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.platform.IoPolicy;
import dev.oversold.core.platform.MemoryPolicy;
import dev.oversold.core.platform.MetricNames;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.cpu.CfsCpu;
import dev.oversold.core.platform.cpu.CpuKnobs;
import java.util.List;

/**
 * KVM: each VM is a QEMU process whose vCPUs are host threads under CFS, grouped in a cgroup per VM
 * ({@code cpu.weight} default 100 = nice-0 weight 1024; {@code cpu.max} quota/period) (reference:
 * cgroup-v2.rst, sched-bwc).
 */
public final class KvmPlatform implements Platform {
  /**
   * Fraction of allocated CPU time that is the guest's useful work with hardware virtualization:
   * about 2-3% lost for CPU-bound work (documented assumption; Felter et al. 2015 report CPU-bound
   * KVM close to native).
   */
  public static final double CPU_EFFICIENCY = 0.97;

  private final CpuPolicy cpu = new CfsCpu(CPU_EFFICIENCY);

  private final IoPolicy io = new dev.oversold.core.platform.kvm.KvmIo();
  private final MemoryPolicy memory = new dev.oversold.core.platform.kvm.KvmMemoryPolicy();

  @Override
  public MetricNames metricNames() {
    return MetricNames.STEAL;
  }

  @Override
  public PlatformKind kind() {
    return PlatformKind.KVM;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(List.of(CpuKnobs.WAKEUP_DELAY), memory.hostOptions(), io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(CfsCpu.NATIVE_KNOBS, memory.nativeKnobs(), io.nativeKnobs());
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
