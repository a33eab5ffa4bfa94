package dev.oversold.core.platform.vmware;

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
 * VMware ESXi: proportional shares (normal = 1000 per vCPU), reservation and limit in MHz
 * (reference: vSphere Resource Management).
 */
public final class VmwarePlatform implements Platform {
  static final Knob CORE_MHZ =
      new Knob(
          "core-mhz",
          KnobKind.NUMBER,
          2400,
          100,
          100_000,
          "clock of one physical core, to convert MHz reservations and limits to cores"
              + " (assumption: 2400 MHz)");

  /** esxtop names the CPU wait %RDY (ready) and reports co-stop as %CSTP. */
  private static final MetricNames ESXI_NAMES = new MetricNames("ready", true);

  private final CpuPolicy cpu = new EsxiCpu(CORE_MHZ);

  private final IoPolicy io = new dev.oversold.core.platform.vmware.VmwareIo();
  private final MemoryPolicy memory = new dev.oversold.core.platform.vmware.VmwareMemoryPolicy();

  @Override
  public MetricNames metricNames() {
    return ESXI_NAMES;
  }

  @Override
  public PlatformKind kind() {
    return PlatformKind.VMWARE;
  }

  @Override
  public List<Knob> hostOptions() {
    return Platform.knobs(
        List.of(CORE_MHZ, CpuKnobs.WAKEUP_DELAY), memory.hostOptions(), io.hostOptions());
  }

  @Override
  public List<Knob> nativeKnobs() {
    return Platform.knobs(EsxiCpu.NATIVE_KNOBS, memory.nativeKnobs(), io.nativeKnobs());
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
