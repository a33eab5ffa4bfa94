package dev.oversold.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.testing.TestScenarios;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ExperimentPlanTest {
  private static List<String> tenants(PlannedRun run) {
    return run.scenario().tenants().stream().map(TenantSpec::name).toList();
  }

  @Test
  void pairwise_plansSharedBaselinesAndLeaveOneOutPerReplication() {
    var plan = ExperimentPlan.of(TestScenarios.noisy(), 2);
    List<PlannedRun> runs = plan.runs();
    // per replication: 1 shared + 3 baselines + 3 leave-one-out = 7; two replications
    assertEquals(14, runs.size());
    assertEquals(List.of("web-1", "web-2", "hog"), tenants(runs.get(0)));
    assertEquals(List.of("web-2"), tenants(runs.get(2)));
    assertEquals(RunKind.WITHOUT, runs.get(5).kind());
    assertEquals(List.of("web-1", "hog"), tenants(runs.get(5)));
    // replication 1 uses seed + 1
    assertEquals(7, runs.get(0).scenario().seed());
    assertEquals(8, runs.get(7).scenario().seed());
  }

  @Test
  void groups_leaveTheWholeGroupOut() {
    var scenario =
        TestScenarios.noisy(PlatformKind.OPENVZ, TestScenarios.groups(Map.of("web", "web-*")), 20);
    List<PlannedRun> runs = ExperimentPlan.of(scenario, 1).runs();
    // 1 shared + 3 baselines + 2 groups (web, hog)
    assertEquals(6, runs.size());
    assertEquals("web", runs.get(4).subject());
    assertEquals(List.of("hog"), tenants(runs.get(4)));
    assertEquals(List.of("web-1", "web-2"), tenants(runs.get(5)));
  }

  @Test
  void multiHost_runsSimulateOnlyTheHostsOfTheirSubject() {
    List<PlannedRun> runs = ExperimentPlan.of(TestScenarios.twoHosts(), 1).runs();
    // shared, 3 baselines, 3 leave-one-out
    assertEquals(7, runs.size());
    assertEquals(2, runs.get(0).scenario().hosts().size());
    PlannedRun web2Alone = runs.get(2);
    assertEquals("web-2", web2Alone.subject());
    assertEquals(
        List.of("node2"), web2Alone.scenario().hosts().stream().map(h -> h.name()).toList());
    PlannedRun withoutHog = runs.get(6);
    assertEquals("hog", withoutHog.subject());
    assertEquals(List.of("web-1"), tenants(withoutHog));
    assertEquals(
        List.of("node1"), withoutHog.scenario().hosts().stream().map(h -> h.name()).toList());
  }

  @Test
  void none_plansOnlyTheSharedRun() {
    var settings =
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of());
    var scenario = TestScenarios.noisy(PlatformKind.KVM, settings, 20);
    assertEquals(1, ExperimentPlan.of(scenario, 1).runs().size());
  }
}
