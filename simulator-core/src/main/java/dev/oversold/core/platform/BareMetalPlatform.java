package dev.oversold.core.platform;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import java.util.List;

/**
 * Bare metal: tenants are process groups of one OS with no virtualization layer and no group
 * scheduling, so CFS weighs every runnable thread equally (a tenant with more threads gets more
 * CPU). The reference for overheads.
 */
public final class BareMetalPlatform implements Platform {
  private final CpuPolicy cpu =
      (host, tenant) ->
          NeutralCpu.share(
              host,
              tenant.plan(),
              tenant.plan().cpu().weight(),
              tenant.plan().cpu().reservationCores(),
              tenant.plan().cpu().limitCores(),
              Overheads.BARE_METAL_CPU_EFFICIENCY,
              true);

  private final IoPolicy io = dev.oversold.core.platform.io.SharedKernelIo.bareMetal();
  private final MemoryPolicy memory =
      dev.oversold.core.platform.memory.SharedKernelMemoryPolicy.bareMetal();

  @Override
  public PlatformKind kind() {
    return PlatformKind.BARE_METAL;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(List.of(), memory.hostOptions(), io.hostOptions());
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
}
