package dev.oversold.core.testkit;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.Platforms;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small model objects for tests: a 4-core host, plain plans, idle and service tenants. */
public final class Specs {
  /** Disk of the test host: 1000 IOPS (1 ms per random read), 100 MB/s, 100 us latency. */
  public static final HostSpec.Disk DISK =
      new HostSpec.Disk(1000, 100e6, SimDuration.ofMicros(100));

  /** NIC of the test host: 1 Gbit/s = 125 MB/s, 50 us. */
  public static final HostSpec.Network NIC = new HostSpec.Network(125e6, SimDuration.ofMicros(50));

  private Specs() {}

  public static HostSpec host(
      String name, String platform, long ramBytes, long swapBytes, Map<String, Double> options) {
    PlatformKind kind = Platforms.byId(platform).orElseThrow();
    Map<String, Double> values = new HashMap<>(Platforms.defaultOptions(kind).values());
    values.putAll(options);
    return new HostSpec(
        name,
        kind,
        new HostSpec.Cpu(4, 1.0),
        new HostSpec.Memory(ramBytes, swapBytes),
        DISK,
        NIC,
        new KnobValues(values));
  }

  public static PlanSpec plan(
      String name, long ramBytes, long swapBytes, Map<String, Double> nativeKnobs) {
    return new PlanSpec(
        name,
        1,
        new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
        new PlanSpec.Memory(ramBytes, swapBytes),
        new PlanSpec.Disk(10L << 30, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0),
        new PlanSpec.Network(Double.POSITIVE_INFINITY),
        256,
        new KnobValues(nativeKnobs));
  }

  public static TenantSpec idleTenant(
      String name, String host, long ramBytes, Map<String, Double> nativeKnobs) {
    return new TenantSpec(
        name,
        host,
        plan(name, ramBytes, 0, nativeKnobs),
        new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS));
  }

  /**
   * A web-like service: Poisson {@code rate}/s, 2 ms exponential CPU, {@code touchBytes} touched
   * per request over a working set, 8 workers, 5 s timeout, 100 ms SLO.
   */
  public static WorkloadSpec.Service service(
      double rate, long workingSetBytes, long touchBytes, double diskReads) {
    return new WorkloadSpec.Service(
        new ArrivalSpec.Poisson(rate),
        new WorkloadSpec.RequestSpec(
            new Distribution.Exponential(0.002), diskReads, 0, 16 * 1024, touchBytes),
        workingSetBytes,
        8,
        SimDuration.ofSeconds(5),
        SimDuration.ofMillis(100),
        WorkloadSpec.Window.ALWAYS);
  }

  public static Scenario scenario(
      String name, long seed, SimDuration duration, List<HostSpec> hosts, List<TenantSpec> t) {
    return new Scenario(
        name,
        "",
        seed,
        duration,
        SimDuration.ZERO,
        SimDuration.ofSeconds(1),
        hosts,
        t,
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of()));
  }
}
