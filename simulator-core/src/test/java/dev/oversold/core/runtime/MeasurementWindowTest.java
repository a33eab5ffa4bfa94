package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Named measurement windows ({@code report.windows}) count what happens inside them, and windows
 * that tile the measured run add up to the whole run.
 */
final class MeasurementWindowTest {
  private static MeasurementWindow window(String name, long from, long to) {
    return new MeasurementWindow(name, SimDuration.ofSeconds(from), SimDuration.ofSeconds(to));
  }

  /** 30 s, warm-up 5 s, one service (20 req/s of 5 ms) next to two hogs on one core. */
  private static SimulationResult run(List<MeasurementWindow> windows) {
    var tenants =
        List.of(
            service("web", "h", plan(1), 20, 0.005),
            hog("hog-1", "h", plan(1), 1),
            hog("hog-2", "h", plan(1), 1));
    Scenario scenario =
        new Scenario(
            "windows",
            "",
            1,
            SimDuration.ofSeconds(30),
            SimDuration.ofSeconds(5),
            SimDuration.ofNanos(SimTime.SECOND),
            List.of(host("h", PlatformKind.KVM, 1)),
            tenants,
            new ReportSettings(
                ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of(), windows));
    return Simulator.run(scenario);
  }

  @Test
  void windowsThatTileTheMeasuredRun_addUpToIt() {
    // [5, 12) + [12, 20) + [20, 30) = the measured [5, 30)
    SimulationResult result =
        run(List.of(window("a", 5, 12), window("b", 12, 20), window("c", 20, 30)));
    for (String tenant : List.of("web", "hog-1")) {
      TenantMetrics whole = result.tenant(tenant).metrics();
      Map<String, TenantMetrics> windows = result.tenant(tenant).windows();
      assertEquals(List.of("a", "b", "c"), List.copyOf(windows.keySet()));
      double[] seconds = {7, 8, 10};
      double completed = 0;
      double progress = 0;
      double cpu = 0;
      long failed = 0;
      long rejected = 0;
      int i = 0;
      for (TenantMetrics w : windows.values()) {
        // rates are per second of their own window: back to counts
        completed += w.throughputPerSecond() * seconds[i];
        progress += w.progressPerSecond() * seconds[i];
        cpu += w.cpu().usedCoreSeconds();
        failed += w.failed();
        rejected += w.rejected();
        i++;
      }
      assertEquals(whole.throughputPerSecond() * 25, completed, 1e-6, tenant + " completions");
      assertEquals(whole.progressPerSecond() * 25, progress, 1e-6, tenant + " progress");
      assertEquals(whole.cpu().usedCoreSeconds(), cpu, 1e-6, tenant + " core-seconds");
      assertEquals(whole.failed(), failed, tenant + " failed");
      assertEquals(whole.rejected(), rejected, tenant + " rejected");
    }
    assertTrue(result.tenant("web").metrics().throughputPerSecond() > 0, "the service served");
  }

  @Test
  void aWindowOverTheWholeMeasuredRun_reportsTheWholeRunsFigures() {
    SimulationResult result = run(List.of(window("all", 5, 30)));
    TenantMetrics whole = result.tenant("web").metrics();
    TenantMetrics all = result.tenant("web").windows().get("all");
    assertEquals(whole.throughputPerSecond(), all.throughputPerSecond(), 1e-12);
    assertEquals(whole.goodPerSecond(), all.goodPerSecond(), 1e-12);
    assertEquals(whole.latencyMs().p99(), all.latencyMs().p99(), 1e-12);
    assertEquals(whole.latencyMs().mean(), all.latencyMs().mean(), 1e-12);
    assertEquals(whole.cpu().usedCoreSeconds(), all.cpu().usedCoreSeconds(), 1e-9);
    assertEquals(whole.cpu().stealFraction(), all.cpu().stealFraction(), 1e-12);
  }

  @Test
  void aWindowInTheWarmup_countsWhatTheWholeRunIgnores() {
    // the whole run ignores [0, 5); a window there sees the service's Poisson 20 requests per
    // second: 100 expected in 5 s, standard deviation sqrt(100) = 10, so within 3 sigma 20 +- 6/s
    SimulationResult result = run(List.of(window("start", 0, 5)));
    TenantMetrics start = result.tenant("web").windows().get("start");
    assertEquals(20, start.throughputPerSecond(), 6.0);
    assertTrue(start.cpu().usedCoreSeconds() > 0, "the window counts the warm-up's CPU time");
  }
}
