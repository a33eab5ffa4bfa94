package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

final class SimulatorDeterminismProperties {
  static Scenario webHost(PlatformKind platform, long seed, int webTenants) {
    HostSpec host =
        new HostSpec(
            "node1",
            platform,
            new HostSpec.Cpu(2, 1.0),
            new HostSpec.Memory(8L << 30, 2L << 30),
            new HostSpec.Disk(20_000, 500e6, SimDuration.ofMicros(100)),
            new HostSpec.Network(125e6, SimDuration.ofMicros(50)),
            Platforms.defaultOptions(platform));
    PlanSpec plan =
        new PlanSpec(
            "small",
            1,
            new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
            new PlanSpec.Memory(1L << 30, 1L << 30),
            new PlanSpec.Disk(20L << 30, 500, 50e6, 1.0),
            new PlanSpec.Network(12.5e6),
            256,
            KnobValues.NONE);
    var request =
        new WorkloadSpec.RequestSpec(new Distribution.Exponential(0.004), 1.0, 0.2, 20_000, 0);
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 1; i <= webTenants; i++) {
      tenants.add(
          new TenantSpec(
              "web-" + i,
              "node1",
              plan,
              new WorkloadSpec.Service(
                  new ArrivalSpec.Poisson(60),
                  request,
                  100L << 20,
                  16,
                  SimDuration.ofSeconds(2),
                  SimDuration.ofMillis(50),
                  WorkloadSpec.Window.ALWAYS)));
    }
    tenants.add(
        new TenantSpec(
            "hog",
            "node1",
            plan,
            new WorkloadSpec.CpuHog(
                1, new WorkloadSpec.Window(SimDuration.ofSeconds(5), SimDuration.ofSeconds(15)))));
    return new Scenario(
        "determinism",
        "",
        seed,
        SimDuration.ofSeconds(20),
        SimDuration.ofSeconds(2),
        SimDuration.ofSeconds(1),
        List.of(host),
        tenants,
        ReportSettings.DEFAULT);
  }

  @Property(tries = 15)
  void sameScenarioAndSeed_giveIdenticalResults(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 4) int webTenants,
      @ForAll PlatformKind platform) {
    SimulationResult first = Simulator.run(webHost(platform, seed, webTenants));
    SimulationResult second = Simulator.run(webHost(platform, seed, webTenants));
    assertEquals(first.eventsRun(), second.eventsRun());
    assertEquals(first.tenants().size(), second.tenants().size());
    for (int i = 0; i < first.tenants().size(); i++) {
      TenantResult a = first.tenants().get(i);
      TenantResult b = second.tenants().get(i);
      assertEquals(a.metrics(), b.metrics());
      for (String series : a.series().values().keySet()) {
        assertArrayEquals(a.series().get(series), b.series().get(series), series);
      }
      assertArrayEquals(a.latency().millis(), b.latency().millis());
    }
  }

  @Property(tries = 5)
  void anotherSeed_givesOtherArrivals(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    // Guards against a seed that is silently ignored.
    SimulationResult first = Simulator.run(webHost(PlatformKind.KVM, seed, 1));
    SimulationResult second = Simulator.run(webHost(PlatformKind.KVM, seed + 1, 1));
    assertNotEquals(first.tenants().get(0).metrics(), second.tenants().get(0).metrics());
  }
}
