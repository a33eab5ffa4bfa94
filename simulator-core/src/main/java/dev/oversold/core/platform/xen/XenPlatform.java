package dev.oversold.core.platform.xen;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.platform.IoPolicy;
import dev.oversold.core.platform.MemoryPolicy;
import dev.oversold.core.platform.MetricNames;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.cpu.CpuKnobs;
import java.util.List;

/**
 * Xen with the credit scheduler: per-domain weight (default 256) and cap (% of one pCPU, 0 =
 * uncapped) (reference: xen sched_credit.c). dom0 has its own vCPUs and memory.
 */
public final class XenPlatform implements Platform {
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

  private final CpuPolicy cpu = new XenCreditCpu(DOM0_VCPUS);

  private final IoPolicy io = new dev.oversold.core.platform.xen.XenIo();
  private final MemoryPolicy memory = new dev.oversold.core.platform.xen.XenMemoryPolicy();

  @Override
  public MetricNames metricNames() {
    return MetricNames.STEAL;
  }

  @Override
  public PlatformKind kind() {
    return PlatformKind.XEN;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(
        List.of(DOM0_VCPUS, DOM0_MEMORY, XenCreditCpu.DOM0_WEIGHT, CpuKnobs.WAKEUP_DELAY),
        memory.hostOptions(),
        io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(XenCreditCpu.NATIVE_KNOBS, memory.nativeKnobs(), io.nativeKnobs());
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
