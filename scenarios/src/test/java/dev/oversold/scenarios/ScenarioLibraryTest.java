package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScenarioLibraryTest {
  @Test
  void list_namesEveryBundledScenarioSorted() {
    List<String> names = ScenarioLibrary.list().stream().map(ScenarioLibrary.Entry::name).toList();
    assertEquals(
        List.of(
            "backup-window",
            "budget-vps-node",
            "felter-fio-random",
            "felter-fio-sequential",
            "felter-netperf",
            "kvm-vcpu-overcommit",
            "matthews-disk-hog",
            "matthews-memory-bomb",
            "matthews-receive-flood",
            "matthews-transmit-flood",
            "noisy-cpu-hog",
            "noisy-disk-hog",
            "noisy-fork-bomb",
            "noisy-net-flood",
            "openvz-noisy-neighbour",
            "openvz-vswap-burst",
            "oversold-memory-2to1",
            "page-cache-streaming",
            "platform-efficiency",
            "scaling-guests",
            "vmware-memory-reclamation",
            "xen-credit-latency"),
        names);
  }

  @Test
  void everyBundledScenario_loadsWithItsFileNameAsNameAndADescription() throws ScenarioException {
    for (ScenarioLibrary.Entry entry : ScenarioLibrary.list()) {
      Scenario scenario = ScenarioLibrary.load(entry.name(), List.of());
      assertEquals(entry.name(), scenario.name());
      assertTrue(entry.description().length() > 80, entry.name() + ": " + entry.description());
      assertFalse(entry.description().startsWith("(invalid"), entry.description());
      // Short enough for `oversold run` to finish well under a minute: at most 2 simulated minutes.
      assertTrue(scenario.duration().seconds() <= 120, entry.name());
    }
  }

  @Test
  void budgetNode_hasSixtyTenants() throws ScenarioException {
    assertEquals(60, ScenarioLibrary.load("budget-vps-node", List.of()).tenants().size());
  }

  @Test
  void unknownName_isAProblemWithADidYouMean() {
    assertTrue(ScenarioLibrary.find("nope").isEmpty());
    ScenarioException error =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLibrary.load("openvz-noisy-neighbor", List.of()));
    assertTrue(
        error.problems().get(0).message().contains("did you mean 'openvz-noisy-neighbour'"),
        error.problems().toString());
  }

  @Test
  void overrides_applyToBundledScenarios() throws ScenarioException {
    Scenario scenario =
        ScenarioLibrary.load(
            "noisy-cpu-hog", List.of(new ScenarioLoader.Override("hosts[0].platform", "kvm")));
    assertEquals("kvm", scenario.hosts().get(0).platform().id());
  }
}
