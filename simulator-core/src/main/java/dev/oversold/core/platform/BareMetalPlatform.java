package dev.oversold.core.platform;

import dev.oversold.core.kernel.KernelKnobs;
import dev.oversold.core.kernel.KernelPolicy;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.cpu.BareMetalCpu;
import dev.oversold.core.platform.cpu.CpuKnobs;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare metal: tenants are process groups of one OS with no virtualization layer and no group
 * scheduling, so CFS weighs every runnable thread equally (a tenant with more threads gets more
 * CPU). The reference for overheads.
 */
public final class BareMetalPlatform implements Platform {
  private final CpuPolicy cpu = new BareMetalCpu();

  private final IoPolicy io = new NeutralIo();

  @Override
  public PlatformKind kind() {
    return PlatformKind.BARE_METAL;
  }

  @Override
  public List<Knob> hostOptions() {
    List<Knob> options = new ArrayList<>(List.of(CpuKnobs.WAKEUP_DELAY));
    options.addAll(KernelKnobs.HOST_TABLES);
    return List.copyOf(options);
  }

  @Override
  public List<Knob> nativeKnobs() {
    return List.of();
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
  public KernelPolicy kernel() {
    return KernelPolicy.SHARED_KERNEL;
  }
}
