package dev.oversold.core.platform.baremetal;

import dev.oversold.core.kernel.KernelKnobs;
import dev.oversold.core.kernel.KernelPolicy;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.platform.IoPolicy;
import dev.oversold.core.platform.MemoryPolicy;
import dev.oversold.core.platform.MetricNames;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.cpu.CpuKnobs;
import java.util.List;

/**
 * Bare metal: tenants are process groups of one OS with no virtualization layer and no group
 * scheduling, so CFS weighs every runnable thread equally (a tenant with more threads gets more
 * CPU). The reference for overheads.
 */
public final class BareMetalPlatform implements Platform {
  private final CpuPolicy cpu = new BareMetalCpu();

  private final IoPolicy io = dev.oversold.core.platform.io.SharedKernelIo.bareMetal();
  private final MemoryPolicy memory =
      dev.oversold.core.platform.memory.SharedKernelMemoryPolicy.bareMetal();

  @Override
  public MetricNames metricNames() {
    return MetricNames.RUN_QUEUE_WAIT;
  }

  @Override
  public PlatformKind kind() {
    return PlatformKind.BARE_METAL;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(
        List.of(CpuKnobs.WAKEUP_DELAY),
        KernelKnobs.HOST_TABLES,
        memory.hostOptions(),
        io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(List.of(), memory.nativeKnobs(), io.nativeKnobs());
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

  /** The reference, not a way to sell VPSes: compared only when asked. */
  @Override
  public boolean comparedByDefault() {
    return false;
  }

  @Override
  public KernelPolicy kernel() {
    return KernelPolicy.SHARED_KERNEL;
  }
}
