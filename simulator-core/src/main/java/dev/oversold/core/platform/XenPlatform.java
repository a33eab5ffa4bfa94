package dev.oversold.core.platform;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.PlatformKind;
import java.util.List;

/**
 * Xen with the credit scheduler: per-domain weight (default 256) and cap (% of one pCPU, 0 =
 * uncapped) (reference: xen sched_credit.c). dom0 has its own vCPUs and memory.
 */
public final class XenPlatform implements Platform {
  /** Credit scheduler default weight (reference: 1..65535, default 256). */
  static final double DEFAULT_WEIGHT = 256;

  static final Knob WEIGHT =
      new Knob(
          "weight",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          65_535,
          "credit scheduler weight of the domain (default 256 = neutral 1.0) [R sched_credit.c]");
  static final Knob CAP =
      new Knob(
          "cap",
          KnobKind.PERCENT,
          Double.NaN,
          0,
          100_000,
          "credit scheduler cap in % of one pCPU, 0 = uncapped [R sched_credit.c]");

  static final Knob DOM0_VCPUS =
      new Knob(
          "dom0-vcpus",
          KnobKind.COUNT,
          2,
          1,
          4096,
          "vCPUs of dom0, which runs the disk and network backends (assumption: 2)");
  static final Knob DOM0_MEMORY =
      new Knob(
          "dom0-memory",
          KnobKind.BYTES,
          1024.0 * 1024 * 1024,
          128.0 * 1024 * 1024,
          1e15,
          "memory reserved for dom0 (dom0_mem; 1024 MB starting point [R Xen best practices])");

  private final CpuPolicy cpu =
      (host, tenant) -> {
        var plan = tenant.plan();
        var knobs = plan.nativeKnobs();
        double weight =
            knobs.get(WEIGHT.key(), plan.cpu().weight() * DEFAULT_WEIGHT) / DEFAULT_WEIGHT;
        double cap =
            NeutralCpu.percentCap(knobs.get(CAP.key(), Double.NaN), plan.cpu().limitCores());
        return NeutralCpu.share(
            host,
            plan,
            weight,
            plan.cpu().reservationCores(),
            cap,
            Overheads.XEN_CPU_EFFICIENCY,
            false);
      };

  private final IoPolicy io = new dev.oversold.core.platform.io.XenIo();
  private final MemoryPolicy memory = new dev.oversold.core.platform.memory.XenMemoryPolicy();

  @Override
  public PlatformKind kind() {
    return PlatformKind.XEN;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(List.of(DOM0_VCPUS, DOM0_MEMORY), memory.hostOptions(), io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(List.of(WEIGHT, CAP), memory.nativeKnobs(), io.nativeKnobs());
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
