package dev.oversold.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.testing.HandBuilt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group p99 over replications with a Student-t interval computed by hand. */
final class GroupTailsTest {
  /** The hand-built experiment, with web-1's and web-2's shared p99 replaced per replication. */
  private static ExperimentResult withP99(double[] web1, double[] web2) {
    ExperimentResult base = HandBuilt.experiment(ReportSettings.DEFAULT, new double[web1.length]);
    List<ExperimentResult.Replication> reps = new ArrayList<>();
    for (int r = 0; r < web1.length; r++) {
      ExperimentResult.Replication rep = base.replications().get(r);
      List<TenantResult> tenants = new ArrayList<>();
      for (TenantResult t : rep.shared().tenants()) {
        double p99 = t.name().equals("web-1") ? web1[r] : web2[r];
        tenants.add(t.metrics().latencyMs() == null ? t : withP99(t, p99));
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

  private static TenantResult withP99(TenantResult t, double p99) {
    TenantMetrics m = t.metrics();
    TenantMetrics.Latency l = m.latencyMs();
    TenantMetrics metrics =
        new TenantMetrics(
            m.throughputPerSecond(),
            m.goodPerSecond(),
            m.progressPerSecond(),
            m.progressUnit(),
            m.failed(),
            m.rejected(),
            new TenantMetrics.Latency(l.mean(), l.p50(), l.p95(), p99, Math.max(p99, l.max())),
            m.jobs(),
            m.cpu(),
            m.memory(),
            m.refusals(),
            m.oomKills(),
            m.firstRefusalSeconds(),
            m.firstOomKillSeconds());
    return new TenantResult(
        t.name(),
        t.host(),
        t.platform(),
        t.workload(),
        t.victim(),
        metrics,
        t.series(),
        t.latency());
  }

  @Test
  void groupP99_isTheWorstServicePerReplication_withATInterval() {
    // worst of web-1 and web-2 per replication: 10, 20, 14 ms. Mean 14.667; s = sqrt(((-4.667)^2
    // + 5.333^2 + (-0.667)^2) / 2) = sqrt(25.333) = 5.0332; t(0.975, 2 df) = 4.3027 (table);
    // half-width 4.3027 * 5.0332 / sqrt(3) = 12.503: [2.163, 27.170]
    Map<String, GroupTails.Tail> tails =
        GroupTails.of(withP99(new double[] {10, 12, 14}, new double[] {5, 20, 6}));
    assertEquals(List.of("web"), List.copyOf(tails.keySet())); // the hog has no latency
    GroupTails.Tail web = tails.get("web");
    assertEquals(14.667, web.mean(), 0.001);
    assertEquals(2.163, web.ci95().low(), 0.001);
    assertEquals(27.170, web.ci95().high(), 0.001);
  }

  @Test
  void oneReplication_hasNoInterval() {
    GroupTails.Tail web = GroupTails.of(withP99(new double[] {10}, new double[] {30})).get("web");
    assertEquals(30, web.mean(), 0);
    assertNull(web.ci95());
  }

  @Test
  void definitions_groupNumberedTenants() {
    assertEquals("web", GroupTails.definition("web-12"));
    assertEquals("db", GroupTails.definition("db"));
    assertEquals("node-a", GroupTails.definition("node-a"));
  }
}
