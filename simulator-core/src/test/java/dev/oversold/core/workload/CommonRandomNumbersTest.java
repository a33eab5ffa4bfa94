package dev.oversold.core.workload;

import static dev.oversold.core.workload.TestScenarios.host;
import static dev.oversold.core.workload.TestScenarios.plan;
import static dev.oversold.core.workload.TestScenarios.scenario;
import static dev.oversold.core.workload.TestScenarios.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.runtime.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant's random inputs are its own: neighbours that do not compete for its resources leave its
 * arrivals, demands and so its metrics unchanged. This is what makes baseline and leave-one-out
 * comparisons measure interference rather than noise.
 */
final class CommonRandomNumbersTest {

  @ParameterizedTest
  @MethodSource("dev.oversold.core.platform.Platforms#kinds")
  void neighboursThatDoNotCompete_leaveTheServiceUnchanged(PlatformKind platform) {
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Poisson(40),
            new WorkloadSpec.RequestSpec(new Distribution.Lognormal(0.008, 0.01), 0, 0, 0, 0),
            0,
            4,
            SimDuration.ofSeconds(2),
            SimDuration.ofMillis(50),
            WorkloadSpec.Window.ALWAYS);
    var web = tenant("web", plan(1), service);
    // Two neighbours with their own random streams, on a 16-core host: the web tenant's vCPU
    // always has a core of its own.
    var other =
        tenant(
            "other",
            plan(2),
            TestScenarios.cpuService(
                new ArrivalSpec.Poisson(100),
                new Distribution.Exponential(0.005),
                2,
                SimDuration.ofSeconds(2)));
    var hog = tenant("hog", plan(2), new WorkloadSpec.CpuHog(2, WorkloadSpec.Window.ALWAYS));
    TenantMetrics alone =
        Simulator.run(scenario(9, 60, 5, host(platform, 16), web)).tenants().get(0).metrics();
    TenantMetrics crowded =
        Simulator.run(scenario(9, 60, 5, host(platform, 16), other, web, hog))
            .tenants()
            .get(1)
            .metrics();
    assertEquals(alone.throughputPerSecond(), crowded.throughputPerSecond());
    assertEquals(alone.goodPerSecond(), crowded.goodPerSecond());
    assertEquals(alone.latencyMs().mean(), crowded.latencyMs().mean(), 1e-9);
    assertEquals(alone.latencyMs().p99(), crowded.latencyMs().p99(), 1e-9);
  }
}
