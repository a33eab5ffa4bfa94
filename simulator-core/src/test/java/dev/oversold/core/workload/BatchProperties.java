package dev.oversold.core.workload;

import static dev.oversold.core.workload.TestScenarios.host;
import static dev.oversold.core.workload.TestScenarios.plan;
import static dev.oversold.core.workload.TestScenarios.scenario;
import static dev.oversold.core.workload.TestScenarios.tenant;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.runtime.Simulator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of batch jobs. */
final class BatchProperties {

  @Provide
  Arbitrary<List<WorkloadSpec.BatchJob>> jobs() {
    Arbitrary<WorkloadSpec.BatchJob> job =
        Combinators.combine(
                Arbitraries.integers().between(0, 5_000),
                Arbitraries.doubles().between(0.01, 3.0),
                Arbitraries.integers().between(1, 4))
            .as(
                (submitMillis, cpu, parallelism) ->
                    new WorkloadSpec.BatchJob(
                        SimDuration.ofMillis(submitMillis), cpu, parallelism));
    return job.list().ofMinSize(1).ofMaxSize(12);
  }

  private static double totalWork(List<WorkloadSpec.BatchJob> jobs) {
    return jobs.stream().mapToDouble(WorkloadSpec.BatchJob::cpuSeconds).sum();
  }

  /** Long enough for every job to finish even on one core shared with {@code competitors}. */
  private static double runSeconds(List<WorkloadSpec.BatchJob> jobs, int competitors) {
    return 6 + (competitors + 1) * totalWork(jobs) * 1.1;
  }

  /**
   * A batch's completed work equals its jobs' demands: progress sums the core-seconds of its
   * finished threads, and on bare metal (no overhead) the CPU it used is exactly that work.
   */
  @Property(tries = 60)
  void completedWork_equalsJobDemands(
      @ForAll("jobs") List<WorkloadSpec.BatchJob> jobs,
      @ForAll @IntRange(min = 1, max = 4) int vcpus,
      @ForAll @IntRange(min = 1, max = 4) int cores) {
    double seconds = runSeconds(jobs, 0);
    var batch = new WorkloadSpec.Batch(new WorkloadSpec.JobList(jobs), WorkloadSpec.Window.ALWAYS);
    var scenario =
        scenario(
            1, seconds, 0, host(PlatformKind.BARE_METAL, cores), tenant("b", plan(vcpus), batch));
    TenantMetrics m = Simulator.run(scenario).tenants().get(0).metrics();
    double total = totalWork(jobs);
    check(m.jobs().completed() == jobs.size(), "completed " + m.jobs().completed());
    check(Math.abs(m.progressPerSecond() * seconds - total) < 1e-6 * total, "progress " + m);
    check(Math.abs(m.cpu().usedCoreSeconds() - total) < 1e-6 * total, "cpu used " + m);
    check(m.failed() == 0, "failed " + m.failed());
  }

  /**
   * Adding a neighbour never makes a tenant's CPU-bound batch finish earlier: the neighbour can
   * only take CPU away, whatever the platform's sharing rule.
   */
  @Property(tries = 60)
  void neighbour_neverShortensMakespan(
      @ForAll("jobs") List<WorkloadSpec.BatchJob> jobs,
      @ForAll PlatformKind platform,
      @ForAll @IntRange(min = 1, max = 3) int cores,
      @ForAll @IntRange(min = 1, max = 4) int vcpus,
      @ForAll @IntRange(min = 1, max = 6) int hogThreads) {
    double seconds = runSeconds(jobs, hogThreads);
    var batch = new WorkloadSpec.Batch(new WorkloadSpec.JobList(jobs), WorkloadSpec.Window.ALWAYS);
    var victim = tenant("victim", plan(vcpus), batch);
    var hog =
        tenant(
            "hog",
            plan(Math.min(hogThreads, 4)),
            new WorkloadSpec.CpuHog(hogThreads, WorkloadSpec.Window.ALWAYS));
    var alone = Simulator.run(scenario(1, seconds, 0, host(platform, cores), victim));
    var shared = Simulator.run(scenario(1, seconds, 0, host(platform, cores), victim, hog));
    TenantMetrics.Jobs before = alone.tenants().get(0).metrics().jobs();
    TenantMetrics.Jobs after = shared.tenants().get(0).metrics().jobs();
    check(before.completed() == jobs.size() && after.completed() == jobs.size(), "unfinished");
    check(
        after.makespanSeconds() >= before.makespanSeconds() - 1e-9,
        "makespan " + after.makespanSeconds() + " < alone " + before.makespanSeconds());
    check(
        after.meanCompletionSeconds() >= before.meanCompletionSeconds() - 1e-9,
        "mean completion shorter with a neighbour");
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
