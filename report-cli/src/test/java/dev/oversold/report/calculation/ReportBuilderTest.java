package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.report.model.GroupReport;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Interval;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.TenantReport;
import dev.oversold.testing.HandBuilt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Report figures from {@link HandBuilt} results, checked against hand calculations. */
final class ReportBuilderTest {
  private static final double EPS = 1e-12;

  @Test
  void degradation_isOneMinusSharedOverAlone() {
    Report report = ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT));
    TenantReport web1 = report.tenants().get(0);
    // good: 1 - 80/100 = 0.2; throughput: 1 - 90/110 = 0.181818...; p99: 200/50 = 4
    assertEquals(0.2, web1.degradation().goodRate(), EPS);
    assertEquals(1 - 90.0 / 110, web1.degradation().throughput(), EPS);
    assertEquals(4.0, web1.degradation().p99Ratio(), EPS);
    // mean latency (HandBuilt: p99 / 4): 200/4 = 50 ms shared over 50/4 = 12.5 ms alone = 4
    assertEquals(4.0, web1.degradation().get(MetricCatalog.LATENCY_MEAN), EPS);
    TenantReport hog = report.tenants().get(2);
    // the hog has no SLO, so no good rate to lose, and no requests, so no p99 ratio; its headline
    // is its progress lost: 1 - 1.0/2.0 = 0.5
    assertTrue(Double.isNaN(hog.degradation().goodRate()));
    assertEquals(0.5, hog.degradation().headline(), EPS);
    assertTrue(Double.isNaN(hog.degradation().p99Ratio()));
  }

  @Test
  void summary_coversVictimsOnly() {
    Summary summary = ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT)).summary();
    // headlines (services: the worse of 1 - good/good alone and 1 - p99 alone/p99 shared):
    // web-1 max(1 - 80/100, 1 - 50/200) = 0.75, web-2 max(1 - 30/60, 1 - 100/900) = 8/9;
    // the hog's 0.5 is not counted
    assertEquals(2, summary.victims());
    assertEquals((0.75 + 8.0 / 9) / 2, summary.victimDegradationMean(), EPS);
    assertEquals(8.0 / 9, summary.victimDegradationMax(), EPS);
    assertEquals("web-2", summary.worstVictim());
    // Jain over x = (0.8, 0.5): (1.3)^2 / (2 * (0.64 + 0.25)) = 1.69 / 1.78
    assertEquals(1.69 / 1.78, summary.jainFairness(), EPS);
  }

  @Test
  void interference_isThePartOfTheHeadlineDegradationThatPresenceCauses() {
    InterferenceReport m =
        ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT)).interference();
    assertEquals(List.of("web-1", "web-2", "hog"), m.members());
    // h_i(all) - h_i(all but j). Row web-1: h(all) = 0.75 (above); without web-2 good 90 and
    // p99 50 ms (as alone): max(1 - 90/100, 1 - 50/50) = 0.1; without hog max(0.02, 0) = 0.02
    assertEquals(0.75 - 0.10, m.get(0, 1), EPS);
    assertEquals(0.75 - 0.02, m.get(0, 2), EPS);
    // row web-2: h(all) = 8/9; without web-1 max(1 - 45/60, 0) = 0.25, without hog 1 - 57/60
    assertEquals(8.0 / 9 - 0.25, m.get(1, 0), EPS);
    assertEquals(8.0 / 9 - 0.05, m.get(1, 2), EPS);
    // the hog's rule is its progress alone: (1 - 1.0/2) - (1 - 1.2/2) = (1.2 - 1.0)/2
    assertEquals(0.10, m.get(2, 0), EPS);
    assertEquals(0.25, m.get(2, 1), EPS);
    assertTrue(Double.isNaN(m.get(1, 1)));
  }

  @Test
  void interference_withoutBaselines_dividesByTheRunWithoutTheNeighbour() {
    var settings =
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.PAIRWISE, Map.of());
    InterferenceReport m = ReportBuilder.build(HandBuilt.experiment(settings)).interference();
    // web-1 with hog present against absent: max(1 - 80/98, 1 - 50/200) = 0.75
    assertEquals(0.75, m.get(0, 2), EPS);
    // the hog with web-2 present against absent (progress): 1 - 1.0/1.5
    assertEquals(1 - 1.0 / 1.5, m.get(2, 1), EPS);
  }

  @Test
  void baselineNone_leavesBaselineDegradationAndSummaryUndefined() {
    var settings =
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of());
    Report report = ReportBuilder.build(HandBuilt.experiment(settings));
    assertNull(report.tenants().get(0).baseline());
    assertNull(report.tenants().get(0).degradation());
    assertTrue(Double.isNaN(report.summary().victimDegradationMean()));
    assertTrue(report.interference().isEmpty());
    assertEquals(0, report.interference().matrix().length);
  }

  @Test
  void groups_aggregateTheirTenantsAndLeaveTheGroupOutTogether() {
    Report report = ReportBuilder.build(HandBuilt.experiment(settingsWithWebGroup()));
    GroupReport web = report.groups().get(0);
    assertEquals("web", web.name());
    assertEquals(List.of("web-1", "web-2"), web.tenants());
    // shared 80 + 30 = 110, alone 100 + 60 = 160: 1 - 110/160 = 0.3125
    assertEquals(110, web.goodPerS(), EPS);
    assertEquals(160, web.baselineGoodPerS(), EPS);
    assertEquals(0.3125, web.degradationGoodRate(), EPS);
    // p99 of the 200 requests pooled (HandBuilt: web-1 98 x 40 ms + 2 x 200 ms, web-2 98 x 180 ms
    // + 2 x 900 ms): sorted, the 198th is 200 ms, not web-2's 900 ms. HdrHistogram reports the
    // top of 200 ms's bucket (128 us wide there): 200.063 ms
    assertEquals(200.063, web.p99Ms(), 1e-9);
    // alone: 98 x 10, 98 x 20, 2 x 50, 2 x 100 ms: the 198th is 50 ms (bucket 32 us: 50.015 ms)
    assertEquals(50.015, web.baselineP99Ms(), 1e-9);
    // mean of all the requests: the means weighted by completions, (50 * 90 + 225 * 40) / 130
    assertEquals(13500.0 / 130, web.metrics().get(MetricCatalog.LATENCY_MEAN), 1e-9);
    // headline by the members' rule over the pooled figures: max(0.3125, 1 - 50.015 / 200.063)
    assertEquals(1 - 50.015 / 200.063, web.degradationHeadline(), 1e-9);
    assertEquals(6, web.metrics().failed(), EPS);
    // declared group rules: steal the mean (0.25, 0.25), wake-up p99 the worst (3.5, 3.5 ms),
    // throttled time summed (the hog alone: 6 core-s shared, 2 alone)
    assertEquals(0.25, web.metrics().stealFraction(), EPS);
    assertEquals(3.5, web.metrics().get(MetricCatalog.WAKEUP_P99), EPS);
    GroupReport hog = report.groups().get(1);
    assertEquals(6, hog.metrics().get(MetricCatalog.CPU_THROTTLED), EPS);
    assertEquals(2, hog.baseline().get(MetricCatalog.CPU_THROTTLED), EPS);
    // the hog matched no glob: it stands alone
    assertEquals("hog", report.groups().get(1).name());
    // a group of noisy neighbours has no good rate: its harm is its progress lost, 1 - 1.0/2.0,
    // and a warning says why its good-rate figures are null
    assertEquals(0.5, hog.degradationHeadline(), EPS);
    assertTrue(Double.isNaN(hog.degradationGoodRate()));
    assertTrue(
        report.warnings().stream()
            .anyMatch(
                w ->
                    w.code().equals("group-figure")
                        && w.message()
                            .startsWith(
                                "group hog: good_per_s, baseline_good_per_s,"
                                    + " degradation_good_rate are null")),
        report.warnings().toString());
    InterferenceReport m = report.interference();
    assertEquals(List.of("web", "hog"), m.members());
    // web: good summed, p99 of the pooled requests. All: max(1 - 110/160, 1 - 50.015/200.063);
    // without hog (latencies as alone): 98 + 57 = 155, p99 50.015 both sides: 1 - 155/160
    assertEquals(1 - 50.015 / 200.063 - 0.03125, m.get(0, 1), 1e-9);
    // hog without the web group: (1.6 - 1.0) / 2.0 = 0.3
    assertEquals(0.3, m.get(1, 0), EPS);
  }

  private static ReportSettings settingsWithWebGroup() {
    return new ReportSettings(
        ReportSettings.Baseline.ISOLATED,
        ReportSettings.Interference.GROUPS,
        Map.of("web", "web-*"));
  }

  @Test
  void replications_reportMeansAndStudentIntervals() {
    // offsets 0, 10, 20 on every good rate
    Report report =
        ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT, new double[] {0, 10, 20}));
    TenantReport web2 = report.tenants().get(1);
    // web-2 good 30, 40, 50: mean 40, s = 10, t(0.975, 2) = 4.302652730,
    // half width 4.302652730 * 10 / sqrt(3) = 24.841377...
    Interval good = web2.ci95().byName().get("good_per_s");
    assertEquals(40, good.mean(), 1e-9);
    assertEquals(40 - 24.8413771, good.low(), 1e-6);
    assertEquals(40 + 24.8413771, good.high(), 1e-6);
    // degradation per replication 1 - 30/60, 1 - 40/70, 1 - 50/80 -> mean of the three
    double expected = ((1 - 30.0 / 60) + (1 - 40.0 / 70) + (1 - 50.0 / 80)) / 3;
    assertEquals(expected, web2.degradation().goodRate(), EPS);
    assertEquals(3, report.replications());
    assertEquals(40, web2.metrics().goodPerS(), EPS);
  }
}
