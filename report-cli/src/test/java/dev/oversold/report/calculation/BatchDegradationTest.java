package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.Experiments;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.runner.ProgressListener;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.testing.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch tenant's degradation compares when its jobs end with when they end alone, so a batch that
 * finishes every job, only later, is not reported unharmed.
 */
final class BatchDegradationTest {

  @Test
  void batchNextToAHog_takesTwiceAsLong() throws Exception {
    // One core of bare metal (no virtualization overhead), a one-vCPU batch tenant and a
    // one-thread CPU hog of equal weight. Two jobs submitted at 0 s of 5 and 15 s of CPU share the
    // batch's vCPU (processor sharing): alone, both run at half a core until the 5 s job ends at
    // 10 s, then the other runs alone and ends at 20 s: makespan 20 s, mean completion
    // (10 + 20) / 2 = 15 s. Next to the hog the batch gets half the core, so every rate halves and
    // every instant doubles: ends at 20 and 40 s, makespan 40 s, mean completion 30 s. Both ratios
    // are 2, up to the CPU scheduler's wake-up and slicing effects (allowed: 2%).
    var jobs =
        new WorkloadSpec.JobList(
            List.of(
                new WorkloadSpec.BatchJob(SimDuration.ZERO, 5, 1),
                new WorkloadSpec.BatchJob(SimDuration.ZERO, 15, 1)));
    var scenario =
        new Scenario(
            "batch-next-to-hog",
            "",
            3,
            SimDuration.ofSeconds(60),
            SimDuration.ofSeconds(1),
            SimDuration.ofMillis(500),
            List.of(TestScenarios.host(PlatformKind.BARE_METAL, 1)),
            List.of(
                new TenantSpec(
                    "batch",
                    "node1",
                    TestScenarios.plan(),
                    new WorkloadSpec.Batch(jobs, WorkloadSpec.Window.ALWAYS)),
                new TenantSpec("hog", "node1", TestScenarios.plan(), TestScenarios.hog(1, 0))),
            ReportSettings.DEFAULT);
    var runner = new ParallelRunner(2, SimulationEngine.SIMULATOR, ProgressListener.NONE);
    Report report = ReportBuilder.build(Experiments.run(ExperimentPlan.of(scenario, 1), runner));
    TenantReport batch = report.tenants().get(0);

    assertEquals(20.0, batch.baseline().get(MetricCatalog.JOBS_MAKESPAN), 0.02 * 20);
    assertEquals(15.0, batch.baseline().get(MetricCatalog.JOBS_MEAN_COMPLETION), 0.02 * 15);
    assertEquals(40.0, batch.metrics().get(MetricCatalog.JOBS_MAKESPAN), 0.02 * 40);
    assertEquals(2.0, batch.degradation().get(MetricCatalog.JOBS_MAKESPAN), 0.02 * 2);
    assertEquals(2.0, batch.degradation().get(MetricCatalog.JOBS_MEAN_COMPLETION), 0.02 * 2);
  }
}
