package dev.oversold.core.platform;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.PlatformKind;
import java.util.List;

/**
 * OpenVZ / Virtuozzo: one shared Linux kernel. CPU: the two-level fair scheduler picks a container
 * by {@code cpuunits}, then threads inside it; {@code cpulimit} caps a container in % of one core
 * (reference: OpenVZ CPU fair scheduler, docs.openvz.org).
 */
public final class OpenVzPlatform implements Platform {
  /** cpuunits default (reference: 8..500000, default 1000). */
  static final double DEFAULT_CPUUNITS = 1000;

  static final Knob CPUUNITS =
      new Knob(
          "cpuunits",
          KnobKind.NUMBER,
          Double.NaN,
          8,
          500_000,
          "CPU weight of the container (default 1000 = neutral weight 1.0) [R wiki CPU_Fair_scheduler]");
  static final Knob CPULIMIT =
      new Knob(
          "cpulimit",
          KnobKind.PERCENT,
          Double.NaN,
          0,
          100_000,
          "CPU ceiling in % of one core, 0 = none; enforced over 1 s [R docs.openvz.org]");
  static final Knob CPUS =
      new Knob(
          "cpus",
          KnobKind.COUNT,
          Double.NaN,
          1,
          4096,
          "CPUs visible to the container (overrides plan vcpus) [R docs.openvz.org]");

  private final CpuPolicy cpu =
      (host, tenant) -> {
        var plan = tenant.plan();
        var knobs = plan.nativeKnobs();
        double weight =
            knobs.get(CPUUNITS.key(), plan.cpu().weight() * DEFAULT_CPUUNITS) / DEFAULT_CPUUNITS;
        double cap =
            NeutralCpu.percentCap(knobs.get(CPULIMIT.key(), Double.NaN), plan.cpu().limitCores());
        var settings =
            NeutralCpu.share(
                host,
                plan,
                weight,
                plan.cpu().reservationCores(),
                cap,
                Overheads.OPENVZ_CPU_EFFICIENCY,
                false);
        return knobs.has(CPUS.key())
            ? settings.withParallelLimit((int) knobs.get(CPUS.key(), plan.vcpus()))
            : settings;
      };

  private final IoPolicy io = dev.oversold.core.platform.io.SharedKernelIo.openVz();
  private final MemoryPolicy memory =
      dev.oversold.core.platform.memory.SharedKernelMemoryPolicy.openVz();

  @Override
  public PlatformKind kind() {
    return PlatformKind.OPENVZ;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(List.of(), memory.hostOptions(), io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(
        List.of(CPUUNITS, CPULIMIT, CPUS), memory.nativeKnobs(), io.nativeKnobs());
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
