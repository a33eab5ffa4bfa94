package dev.oversold.core.platform.openvz;

import dev.oversold.core.kernel.BeancounterKnobs;
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
 * OpenVZ / Virtuozzo: one shared Linux kernel. CPU: the two-level fair scheduler picks a container
 * by {@code cpuunits}, then threads inside it; {@code cpulimit} caps a container in % of one core
 * (reference: OpenVZ CPU fair scheduler, docs.openvz.org).
 */
public final class OpenVzPlatform implements Platform {
  private final CpuPolicy cpu = new OpenVzCpu();

  private final KernelPolicy kernel = new OpenVzKernel();

  private final IoPolicy io = dev.oversold.core.platform.io.SharedKernelIo.openVz();
  private final MemoryPolicy memory =
      dev.oversold.core.platform.memory.SharedKernelMemoryPolicy.openVz();

  @Override
  public MetricNames metricNames() {
    return MetricNames.RUN_QUEUE_WAIT;
  }

  @Override
  public PlatformKind kind() {
    return PlatformKind.OPENVZ;
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
    return Platform.knobs(
        OpenVzCpu.NATIVE_KNOBS,
        KernelKnobs.BEANCOUNTERS,
        BeancounterKnobs.ALL,
        memory.nativeKnobs(),
        io.nativeKnobs());
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

  @Override
  public KernelPolicy kernel() {
    return kernel;
  }
}
