package dev.oversold.core.metrics;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static dev.oversold.core.fixtures.Scenarios.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.runtime.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU figures the report prints, end to end, against hand calculation. */
final class CpuFiguresEndToEndTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static TenantMetrics.Cpu cpu(SimulationResult result, String tenant) {
    return result.tenant(tenant).metrics().cpu();
  }

  private static SimulationResult alone(PlatformKind platform, TenantSpec tenant) {
    var host = host("h", platform, 4, 1.0, Map.of("cpu-wakeup-delay", 0.0));
    return Simulator.run(scenario(10, List.of(host), List.of(tenant)));
  }

  @Test
  void kvmTwoBusyVcpusCappedAtOneCore_areHeldBackOneCoreSecondPerSecond() {
    // cpu.max 1 core, period 100 ms: both threads run at a full core and spend the 0.1 core-s
    // quota in 50 ms, then both wait 50 ms: 2 vCPUs * 0.05 s = 0.1 core-s held back per period.
    // Over 10 s (100 periods): used 10 core-s, throttled 10 core-s, half the runnable time.
    var result = alone(PlatformKind.KVM, hog("c", "h", plan(2, 1, 1.0, 0), 2));
    assertEquals(10.0, cpu(result, "c").usedCoreSeconds(), 1e-3);
    assertEquals(10.0, cpu(result, "c").throttledSeconds(), 1e-3);
    assertEquals(0.5, cpu(result, "c").throttledFraction(), 1e-4);
    assertEquals(0.0, cpu(result, "c").stealFraction(), 1e-9);
  }

  @Test
  void openVzCpulimitHalfACoreOneThread_isHeldBackHalfASecondPerSecond() {
    // cpulimit 50% over a 1 s period: the thread runs 0.5 s at a full core, then waits 0.5 s.
    // Over 10 s: used 5 core-s, throttled 5 core-s.
    var result =
        alone(
            PlatformKind.OPENVZ,
            hog("c", "h", plan(4, 1, INF, 0, 256, Map.of("cpulimit", 0.5)), 1));
    assertEquals(5.0, cpu(result, "c").usedCoreSeconds(), 1e-3);
    assertEquals(5.0, cpu(result, "c").throttledSeconds(), 1e-3);
  }

  @Test
  void uncappedTenant_isNeverThrottled() {
    var result = alone(PlatformKind.KVM, hog("c", "h", plan(2), 2));
    assertEquals(0.0, cpu(result, "c").throttledSeconds(), 0.0);
  }

  @Test
  void lightXenServiceWakingBesideHogs_waitsAtMostTheOneMillisecondRatelimit() {
    // Weight 1 among 6 hogs on 2 cores: entitled 2/7 core, using about 0.08, so it wakes UNDER
    // and is boosted; credit1 lets the running vCPU finish at most its 1 ms ratelimit first.
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tenants.add(hog("hog" + i, "h", plan(1), 1));
    }
    tenants.add(service("svc", "h", plan(1, 1.0, INF, 0), 40, 0.002));
    var host = host("h", PlatformKind.XEN, 2, 1.0, Map.of("cpu-wakeup-delay", 1.0));
    var result = Simulator.run(scenario(20, List.of(host), tenants));
    var svc = cpu(result, "svc");
    assertTrue(svc.wakeupDelayP99Ms() <= 1.0 + 1e-3, "p99 " + svc.wakeupDelayP99Ms());
    // Recorded in the same window as the mean, so the mean is bounded by the same ratelimit.
    assertTrue(svc.wakeupDelayMeanMs() <= 1.0 + 1e-3, "mean " + svc.wakeupDelayMeanMs());
    assertTrue(svc.wakeupDelayP50Ms() <= svc.wakeupDelayP99Ms());
  }

  @Test
  void wakeupModelOff_recordsNoWait() {
    List<TenantSpec> tenants =
        List.of(hog("hog", "h", plan(1), 4), service("svc", "h", plan(1, 1.0, INF, 0), 40, 0.002));
    var host = host("h", PlatformKind.XEN, 2, 1.0, Map.of("cpu-wakeup-delay", 0.0));
    var svc = cpu(Simulator.run(scenario(5, List.of(host), tenants)), "svc");
    assertEquals(0.0, svc.wakeupDelayP50Ms(), 0.0);
    assertEquals(0.0, svc.wakeupDelayP99Ms(), 0.0);
    assertEquals(0.0, svc.wakeupDelayMeanMs(), 0.0);
  }
}
