package dev.oversold.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader.Override;
import dev.oversold.testing.TestScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CostEstimateTest {
  /** The shortened runs BundledScenariosTest uses. */
  private static final List<Override> SHORT =
      List.of(
          new Override("duration", "30s"),
          new Override("warmup", "2s"),
          new Override("sample-interval", "1s"));

  static Scenario sharedOnly(Scenario scenario) {
    return new Scenario(
        scenario.name(),
        scenario.description(),
        scenario.seed(),
        scenario.duration(),
        scenario.warmup(),
        scenario.sampleInterval(),
        scenario.hosts(),
        scenario.tenants(),
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of()));
  }

  @Test
  void of_pairwise_countsSharedBaselinesAndLeaveOneOutPerReplication() {
    // 3 tenants, isolated baselines, pairwise: 1 shared + 3 baselines + 3 leave-one-out = 7 runs.
    Scenario noisy = TestScenarios.noisy(PlatformKind.OPENVZ, ReportSettings.DEFAULT, 8);
    assertEquals(7, CostEstimate.of(List.of(noisy), 1, 2).simulations());
    assertEquals(14, CostEstimate.of(List.of(noisy), 2, 2).simulations());
    assertEquals(1, CostEstimate.of(List.of(sharedOnly(noisy)), 1, 2).simulations());
  }

  @Test
  void of_tenThousandTenantsPairwise_isOverBudgetAndGroupsBringItUnder() {
    // Issue 18, item 2: 10,000 tenants with isolated baselines and pairwise interference died of
    // heap exhaustion after 144 s. 1 + 10,000 + 10,000 = 20,001 simulations; the leave-one-out
    // runs alone touch 10,000 x 9,999 tenants 17 times (8 s at 0.5 s samples, plus the first),
    // 1.7 x 10^9 sample visits: past the 10^9 events budget before any workload event.
    Scenario noisy = TestScenarios.noisy(PlatformKind.OPENVZ, ReportSettings.DEFAULT, 8);
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      tenants.add(
          new TenantSpec(
              "t" + i,
              "node1",
              TestScenarios.plan(),
              new dev.oversold.core.model.WorkloadSpec.Idle(
                  dev.oversold.core.model.WorkloadSpec.Window.ALWAYS)));
    }
    Scenario many = noisy.withTenants(t -> false);
    many =
        new Scenario(
            many.name(),
            "",
            1,
            many.duration(),
            many.warmup(),
            many.sampleInterval(),
            many.hosts(),
            tenants,
            ReportSettings.DEFAULT);
    CostEstimate pairwise = CostEstimate.of(List.of(many), 1, 2);
    assertEquals(20_001, pairwise.simulations());
    assertTrue(pairwise.events() > 1.7e9, pairwise.summary());
    assertTrue(pairwise.overBudget(Double.MAX_VALUE));
    Scenario grouped =
        new Scenario(
            many.name(),
            "",
            1,
            many.duration(),
            many.warmup(),
            many.sampleInterval(),
            many.hosts(),
            tenants,
            new ReportSettings(
                ReportSettings.Baseline.NONE,
                ReportSettings.Interference.GROUPS,
                Map.of("all", "t*")));
    CostEstimate small = CostEstimate.of(List.of(grouped), 1, 2);
    assertEquals(2, small.simulations(), "the shared run and one leave-one-out run for 'all'");
    assertFalse(small.overBudget(Double.MAX_VALUE), small.summary());
  }

  @Test
  void bundledScenarios_estimateBoundsTheEventsRunFromAbove() throws Exception {
    for (ScenarioLibrary.Entry entry : ScenarioLibrary.list()) {
      Scenario scenario = sharedOnly(ScenarioLibrary.load(entry.name(), SHORT));
      double estimate = CostEstimate.of(List.of(scenario), 1, 1).events();
      long actual = Simulator.run(scenario).eventsRun();
      // An upper estimate, but a useful one: within 20 times what really runs.
      assertTrue(estimate >= actual, entry.name() + ": " + estimate + " < " + actual);
      assertTrue(estimate <= 20.0 * actual, entry.name() + ": " + estimate + " vs " + actual);
    }
  }

  @Test
  void workloadEvents_countEveryRunsJobsWithoutTheFlatAllowances() throws Exception {
    // By hand: a batch job is CostModel.EVENTS_PER_REQUEST = 8 events; a has 3 jobs, b 2; bare
    // metal without oversold memory has no page faults. Runs: shared (a + b: 5 jobs), isolated
    // baselines (a: 3, b: 2), pairwise leave-one-out (without a: 2, without b: 3) = 15 jobs =
    // 120 events; twice that with 2 replications. The 60/s per tenant, 100/s per host and the
    // samples are in events() only.
    String yaml =
        """
        scenario: jobs
        duration: 10s
        hosts:
          - { name: h, platform: bare-metal, cpu: { cores: 4 }, memory: { ram: 8GiB } }
        plans:
          vm: { vcpus: 1, memory: { ram: 1GiB } }
        tenants:
          - { name: a, plan: vm, workload: { kind: batch, jobs: { count: 3, cpu: 1s } } }
          - { name: b, plan: vm, workload: { kind: batch, jobs: { count: 2, cpu: 1s } } }
        report: { baseline: isolated, interference: pairwise }
        """;
    Scenario scenario =
        dev.oversold.scenarios.ScenarioLoader.parse(
            yaml, "jobs.yaml", java.nio.file.Path.of("."), List.of());
    CostEstimate once = CostEstimate.of(List.of(scenario), 1, 1);
    assertEquals(5, once.simulations());
    assertEquals(120.0, once.workloadEvents(), 1e-9);
    assertEquals(240.0, CostEstimate.of(List.of(scenario), 2, 1).workloadEvents(), 1e-9);
    assertEquals(40.0, CostEstimate.of(List.of(sharedOnly(scenario)), 1, 1).workloadEvents(), 1e-9);
    assertTrue(once.events() > once.workloadEvents());
    // the longest run is the shared one, with all 5 jobs; replications do not lengthen a run
    assertEquals(40.0, once.longestRunWorkloadEvents(), 1e-9);
    assertEquals(40.0, CostEstimate.of(List.of(scenario), 2, 1).longestRunWorkloadEvents(), 1e-9);
  }

  @Test
  void refusal_namesTheEstimateTheBudgetAndTheRemedies() {
    CostEstimate estimate =
        new CostEstimate(20_001, 4e10, 8.0 * (1L << 30), List.of("t1 2.0e+06"), 4e10, 4e10);
    String refusal = estimate.refusal(4.0 * (1L << 30));
    assertEquals(
        "too expensive to simulate: 20001 simulations, about 4.0e+10 events, about 8.0 GiB of"
            + " memory; events over 1.0e+09, memory over 4.0 GiB (70% of the Java heap); most"
            + " events from t1 2.0e+06. Reduce it with interference: groups or none, baseline:"
            + " none, fewer tenants or replications, a shorter duration, a longer"
            + " sample-interval, lower rates; or run anyway with --force",
        refusal);
  }
}
