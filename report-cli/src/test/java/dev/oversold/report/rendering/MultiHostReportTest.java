package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Report;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.Experiments;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.runner.ProgressListener;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.testing.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * Baselines and leave-one-out runs simulate only the hosts of their subject; the report must equal
 * what full-size runs give, computed here independently with {@link Simulator#run}.
 */
final class MultiHostReportTest {
  private static double good(SimulationResult run, String tenant) {
    return run.tenant(tenant).metrics().goodPerSecond();
  }

  /** A service's headline, written out: the worse of good responses lost and p99 stretched. */
  private static double headline(SimulationResult run, SimulationResult alone, String tenant) {
    double goodLost = 1 - good(run, tenant) / good(alone, tenant);
    double p99Lost =
        1
            - alone.tenant(tenant).metrics().latencyMs().p99()
                / run.tenant(tenant).metrics().latencyMs().p99();
    return Math.max(goodLost, p99Lost);
  }

  @Test
  void trimmedRuns_giveTheSameFiguresAsFullRuns() throws Exception {
    Scenario scenario = TestScenarios.twoHosts();
    var runner = new ParallelRunner(2, SimulationEngine.SIMULATOR, ProgressListener.NONE);
    Report report = ReportBuilder.build(Experiments.run(ExperimentPlan.of(scenario, 1), runner));

    SimulationResult shared = Simulator.run(scenario);
    SimulationResult withoutHog = Simulator.run(scenario.withTenants(t -> !t.name().equals("hog")));
    SimulationResult web1Alone = Simulator.run(scenario.withTenants(t -> t.name().equals("web-1")));
    SimulationResult web2Alone = Simulator.run(scenario.withTenants(t -> t.name().equals("web-2")));

    // members: web-1, web-2, hog
    InterferenceReport m = report.interference();
    // the part of web-1's headline degradation the hog causes
    double expected =
        headline(shared, web1Alone, "web-1") - headline(withoutHog, web1Alone, "web-1");
    assertEquals(expected, m.get(0, 2), 1e-12);
    // web-2 shares no host with the hog: exactly no interference either way
    assertEquals(0.0, m.get(1, 2), 0);
    assertEquals(0.0, m.get(2, 1), 0);
    double web2Drop = 1 - good(shared, "web-2") / good(web2Alone, "web-2");
    assertEquals(web2Drop, report.tenants().get(1).degradation().goodRate(), 1e-12);
  }
}
