package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Warning;
import dev.oversold.testing.HandBuilt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warnings of hand-built reports whose nulls and suspect figures are known in advance. */
final class WarningsTest {
  private static List<Warning> warnings(Report report, String code) {
    return report.warnings().stream().filter(w -> w.code().equals(code)).toList();
  }

  @Test
  void warnings_nameTheHogThatCompletesNothing_andNothingElse() {
    Report report = ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT));
    // HandBuilt: the hog's throughput is 0 alone and shared, so degradation.throughput is the
    // report's only null that applies; the services completed 90 and 40 requests per second over
    // 18 s (1620 and 720 requests), enough for a p99.
    assertEquals(1, report.warnings().size(), report.warnings().toString());
    // a suspect without an SLO is not expected to complete anything: one report-level line names
    // every such suspect instead of a line each
    Warning w = report.warnings().get(0);
    assertEquals("no-completions", w.code());
    assertNull(w.tenant());
    assertTrue(w.message().contains("suspects hog "), w.message());
    assertTrue(w.message().contains("degradation.throughput"), w.message());
  }

  @Test
  void warnings_withoutBaselines_explainTheNullBaselinesOnce() {
    var settings =
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of());
    Report report = ReportBuilder.build(HandBuilt.experiment(settings));
    List<Warning> none = warnings(report, "no-baseline");
    assertEquals(1, none.size());
    assertNull(none.get(0).tenant());
    assertTrue(none.get(0).message().contains("jain_fairness"));
  }

  @Test
  void warnings_flagAP99FromFewerThanAHundredRequests() {
    // HandBuilt adds the offset to every good rate (throughput = good + 10 for services): -35
    // leaves web-2 shared at 30 - 35 + 10 = 5 requests/s, 5/s * 18 s = 90 requests, below the 100
    // a p99 needs; web-1 shared completes 55/s * 18 s = 990, alone 75 and 35 per s. (The hog's
    // rates go negative here; only the services' short-window warnings are checked.)
    Report report =
        ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT, new double[] {-35}));
    List<Warning> shortWindow = warnings(report, "short-window");
    assertEquals(1, shortWindow.size(), report.warnings().toString());
    assertEquals("web-2", shortWindow.get(0).tenant());
    assertTrue(shortWindow.get(0).message().contains(" 90 requests"), shortWindow.get(0).message());
  }

  @Test
  void jain_leavesOutAVictimWithAZeroBaseline_andNamesIt() {
    // web-2 serves nothing alone or shared (0/s); web-1 keeps 80 of its 100 good responses per s
    Report report =
        ReportBuilder.build(
            dev.oversold.testing.GeneratedRuns.experiment(
                ReportSettings.DEFAULT,
                1,
                (run, r, tenant) ->
                    switch (tenant) {
                      case "web-1" ->
                          dev.oversold.testing.GeneratedRuns.service(
                              run.equals("alone") ? 100 : 80, 1, 10, 1);
                      case "web-2" -> dev.oversold.testing.GeneratedRuns.service(0, 1, 10, 1);
                      default -> dev.oversold.testing.GeneratedRuns.hog(1, 1);
                    }));
    // Jain over web-1 alone: x = (0.8): 0.64 / (1 * 0.64) = 1; with web-2 counted as 0 it would be
    // 0.64 / (2 * 0.64) = 0.5
    assertEquals(1.0, report.summary().jainFairness(), 1e-12);
    List<Warning> left = warnings(report, "fairness-without");
    assertEquals(1, left.size(), report.warnings().toString());
    assertTrue(left.get(0).message().contains("web-2"));
    assertTrue(!left.get(0).message().contains("web-1"));
  }
}
