package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.runner.SimulationEngine;
import dev.oversold.scenarios.ScenarioLoader;
import dev.oversold.testing.FixedScenarioSource;
import dev.oversold.testing.TestScenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SetOptionTest {
  @TempDir Path dir;

  @Test
  void run_passesEachSetToTheSource_inOrder() {
    List<List<ScenarioLoader.Override>> seen = new ArrayList<>();
    FixedScenarioSource source =
        new FixedScenarioSource(
            Map.of(
                "noisy",
                (name, overrides) -> {
                  seen.add(overrides);
                  return TestScenarios.noisy();
                }));
    CliHarness.Outcome outcome =
        CliHarness.run(
            source,
            SimulationEngine.SIMULATOR,
            "run",
            "noisy",
            "--set",
            "hosts[0].cpu.cores=4",
            "--set",
            "tenants[web].workload.arrivals.rate=20/s",
            "--out",
            dir.toString());
    assertEquals(0, outcome.code(), outcome.err());
    assertEquals(
        List.of(
            List.of(
                new ScenarioLoader.Override("hosts[0].cpu.cores", "4"),
                new ScenarioLoader.Override("tenants[web].workload.arrivals.rate", "20/s"))),
        seen);
  }

  @Test
  void runAndPlan_rejectASetWithoutValue_withExitTwo() {
    for (String command : List.of("run", "plan")) {
      CliHarness.Outcome outcome =
          CliHarness.run(
              FixedScenarioSource.of("noisy", TestScenarios.noisy()),
              SimulationEngine.SIMULATOR,
              command,
              "noisy",
              "--set",
              "hosts[0].cpu.cores",
              "--out",
              dir.toString());
      assertEquals(2, outcome.code(), command + ": " + outcome.err());
      assertTrue(outcome.err().contains("KEY=VALUE"), outcome.err());
    }
  }
}
