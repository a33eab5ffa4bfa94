package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.Report;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.Experiments;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.runner.ProgressListener;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.testing.TestScenarios;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Real simulations: the same scenario and seed give the same bytes, whatever the thread count. */
final class DeterminismTest {
  private static String reportJson(int threads, int replications)
      throws IOException, InterruptedException {
    var plan = ExperimentPlan.of(TestScenarios.noisy(), replications);
    var runner = new ParallelRunner(threads, SimulationEngine.SIMULATOR, ProgressListener.NONE);
    Report report = ReportBuilder.build(Experiments.run(plan, runner));
    StringWriter json = new StringWriter();
    new JsonReportWriter().write(report, json);
    StringWriter html = new StringWriter();
    new HtmlReportWriter().write(report, html);
    return json + html.toString();
  }

  @Test
  void report_sameBytesWhenRunTwice() throws Exception {
    assertEquals(reportJson(2, 1), reportJson(2, 1));
  }

  @Test
  void report_sameBytesWithOneAndFourThreads() throws Exception {
    assertEquals(reportJson(1, 2), reportJson(4, 2));
  }
}
