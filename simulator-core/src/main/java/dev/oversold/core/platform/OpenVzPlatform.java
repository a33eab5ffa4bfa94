package dev.oversold.core.platform;

import dev.oversold.core.kernel.KernelKnobs;
import dev.oversold.core.kernel.KernelPolicy;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.cpu.CpuKnobs;
import dev.oversold.core.platform.cpu.OpenVzCpu;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenVZ / Virtuozzo: one shared Linux kernel. CPU: the two-level fair scheduler picks a container
 * by {@code cpuunits}, then threads inside it; {@code cpulimit} caps a container in % of one core
 * (reference: OpenVZ CPU fair scheduler, docs.openvz.org).
 */
public final class OpenVzPlatform implements Platform {
  private final CpuPolicy cpu = new OpenVzCpu();

  private final IoPolicy io = new NeutralIo();

  @Override
  public PlatformKind kind() {
    return PlatformKind.OPENVZ;
  }

  @Override
  public List<Knob> hostOptions() {
    List<Knob> options = new ArrayList<>(List.of(CpuKnobs.WAKEUP_DELAY));
    options.addAll(KernelKnobs.HOST_TABLES);
    return List.copyOf(options);
  }

  @Override
  public List<Knob> nativeKnobs() {
    List<Knob> knobs = new ArrayList<>(OpenVzCpu.NATIVE_KNOBS);
    knobs.addAll(KernelKnobs.BEANCOUNTERS);
    return List.copyOf(knobs);
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
