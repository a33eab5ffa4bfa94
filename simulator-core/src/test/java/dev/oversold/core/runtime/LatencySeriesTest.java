package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.SimulationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-interval latency series: a tenant without requests reports none, and a service that
 * starts late reports NaN for every interval before its first request, then the interval's
 * quantiles; the series are as long as every other series.
 */
final class LatencySeriesTest {
  @Test
  void aLateService_isUndefinedUntilItStarts_aHogHasNoLatencySeries() {
    // 6 s sampled every 0.5 s: samples end at 0.5, 1.0, ..., 5.5 s and the last at 6.0 s, 12 in
    // all. The web starts at 3 s (100 requests/s of 5 ms: half its one vCPU), so the six
    // intervals ending at or before 3.0 s complete nothing (NaN) and the six after it complete
    // about fifty requests each, none faster than its 5 ms of CPU.
    var request = new WorkloadSpec.RequestSpec(new Distribution.Constant(0.005), 0, 0, 0, 0);
    var lateWeb =
        new WorkloadSpec.Service(
            new ArrivalSpec.Poisson(100),
            request,
            0,
            64,
            SimDuration.ofSeconds(10),
            SimDuration.ofMillis(100),
            new WorkloadSpec.Window(SimDuration.ofSeconds(3), WorkloadSpec.Window.ALWAYS.stop()));
    Scenario scenario =
        new Scenario(
            "latency-series",
            "",
            1,
            SimDuration.ofSeconds(6),
            SimDuration.ofSeconds(0),
            SimDuration.ofMillis(500),
            List.of(host("h", PlatformKind.KVM, 2)),
            List.of(new TenantSpec("web", "h", plan(1), lateWeb), hog("hog", "h", plan(1), 1)),
            new ReportSettings(
                ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of()));
    SimulationResult result = Simulator.run(scenario);

    Map<String, double[]> hog = result.tenant("hog").series().values();
    assertFalse(hog.containsKey("latency_p50_ms"), hog.keySet().toString());
    assertFalse(hog.containsKey("latency_p99_ms"), hog.keySet().toString());
    assertEquals(12, hog.get("cpu_cores").length);

    Map<String, double[]> web = result.tenant("web").series().values();
    for (String name : List.of("latency_p50_ms", "latency_p99_ms")) {
      double[] values = web.get(name);
      assertEquals(12, values.length, name);
      assertEquals(web.get("cpu_cores").length, values.length, name);
      for (int i = 0; i < 6; i++) {
        assertTrue(Double.isNaN(values[i]), name + "[" + i + "] = " + values[i]);
      }
      for (int i = 6; i < 12; i++) {
        assertTrue(values[i] >= 5.0 && values[i] < 100, name + "[" + i + "] = " + values[i]);
      }
    }
  }
}
