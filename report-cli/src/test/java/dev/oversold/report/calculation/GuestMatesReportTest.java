package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.report.model.GroupReport;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Variant;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.testing.HandBuilt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guest-mates ({@code shares-guest}) each report their guest's CPU, memory and OOM figures; a group
 * row and compare's OOM-kill count take them once per guest. The {@link HandBuilt} results, with
 * web-2 moved into web-1's guest in the shared run: both rows then hold the guest's figures (9
 * core-s used, 256 MiB resident, 1024 B swapped, one OOM kill), as the runtime writes them.
 */
final class GuestMatesReportTest {
  private static final double EPS = 1e-12;

  @Test
  void aGroupOfGuestMates_countsTheGuestsFiguresOnce() {
    Report report = ReportBuilder.build(guestMates());
    GroupReport web = report.groups().get(0);
    assertEquals(List.of("web-1", "web-2"), web.tenants());
    // one guest: its 9 core-s, 256 MiB, 1024 B swapped and one kill once (summed twice: 18, 512
    // MiB, 2048 B, 2 kills)
    assertEquals(9, web.metrics().get(MetricCatalog.CPU_USED), EPS);
    assertEquals(256.0 * (1 << 20), web.metrics().get(MetricCatalog.MEMORY_RESIDENT), EPS);
    assertEquals(1024, web.metrics().get(MetricCatalog.MEMORY_SWAPPED), EPS);
    assertEquals(1, web.metrics().get(MetricCatalog.OOM_KILLS), EPS);
    // the tenants' own figures still add up: good 80 + 30, failed 3 + 3 (HandBuilt)
    assertEquals(110, web.goodPerS(), EPS);
    assertEquals(6, web.metrics().failed(), EPS);
    // alone each web ran in a guest of its own run: 9 + 9 core-s
    assertEquals(18, web.baseline().get(MetricCatalog.CPU_USED), EPS);
  }

  @Test
  void compareCountsAGuestsOomKillOnce() {
    Report report = ReportBuilder.build(guestMates());
    // the guest was killed once; the hog (a guest of its own) never
    assertEquals(1, new Variant(List.of("openvz"), report).oomKills(), EPS);
  }

  /** HandBuilt with the web group, web-2 in web-1's guest and the guest OOM-killed once. */
  private static ExperimentResult guestMates() {
    ExperimentResult base =
        HandBuilt.experiment(
            new ReportSettings(
                ReportSettings.Baseline.ISOLATED,
                ReportSettings.Interference.GROUPS,
                Map.of("web", "web-*")));
    List<ExperimentResult.Replication> reps = new ArrayList<>();
    for (ExperimentResult.Replication rep : base.replications()) {
      List<TenantResult> tenants = new ArrayList<>();
      for (TenantResult t : rep.shared().tenants()) {
        tenants.add(t.name().startsWith("web") ? inGuest(t, "web-1") : t);
      }
      SimulationResult s = rep.shared();
      SimulationResult shared =
          new SimulationResult(
              s.scenario(),
              s.seed(),
              s.durationSeconds(),
              s.warmupSeconds(),
              s.sampleIntervalSeconds(),
              s.hosts(),
              tenants,
              s.eventsRun());
      reps.add(new ExperimentResult.Replication(shared, rep.baselines(), rep.without()));
    }
    return new ExperimentResult(base.scenario(), base.members(), reps);
  }

  /** {@code t} in {@code guest}, which the OOM killer killed once at 5 s. */
  private static TenantResult inGuest(TenantResult t, String guest) {
    TenantMetrics m = t.metrics();
    TenantMetrics killed =
        new TenantMetrics(
            m.throughputPerSecond(),
            m.goodPerSecond(),
            m.progressPerSecond(),
            m.progressUnit(),
            m.failed(),
            m.rejected(),
            m.latencyMs(),
            m.jobs(),
            m.cpu(),
            m.memory(),
            m.refusals(),
            1,
            m.firstRefusalSeconds(),
            5.0);
    return new TenantResult(
        t.name(),
        t.host(),
        t.platform(),
        t.workload(),
        t.victim(),
        killed,
        t.series(),
        t.latency(),
        t.histogram(),
        t.windows(),
        t.beancounters(),
        guest);
  }
}
