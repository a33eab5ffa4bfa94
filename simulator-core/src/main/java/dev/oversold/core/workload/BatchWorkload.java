package dev.oversold.core.workload;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.sharing.Job;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Batch jobs: each job is submitted at its time (relative to the workload's start) and runs as
 * {@code parallelism} threads that split its CPU work evenly; it completes when its last thread
 * does. Progress is counted in reference-core-seconds of finished threads, so once every job is
 * done it equals the sum of the jobs' CPU work. A job still running when the workload stops or the
 * run ends counts as failed.
 */
final class BatchWorkload implements Workload {
  /** The batch kind's declaration. */
  static final WorkloadKind<WorkloadSpec.Batch> KIND =
      WorkloadKind.victim(
              "batch",
              WorkloadSpec.Batch.class,
              WorkloadKind.Figures.JOBS,
              "core-seconds",
              BatchWorkload::new)
          .costing(
              CostModel.<WorkloadSpec.Batch>paced((batch, host) -> 0)
                  .plusEventsInAll(
                      batch -> CostModel.EVENTS_PER_REQUEST * BatchWorkload.jobCount(batch))
                  .holding(
                      (batch, tenant) -> BatchWorkload.jobCount(batch) * CostModel.BYTES_PER_JOB));

  private final WorkloadSpec.Batch spec;
  private TenantContext context;
  private int unfinished;
  private final Set<Job> running = new LinkedHashSet<>();
  private boolean stopped;

  BatchWorkload(WorkloadSpec.Batch spec) {
    this.spec = spec;
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    KIND.announce(tenant.recorder());
    long start = spec.start().nanos();
    for (WorkloadSpec.BatchJob job : jobs(tenant)) {
      unfinished++;
      tenant.simulation().schedule(start + job.submit().nanos(), () -> submit(job));
    }
  }

  private List<WorkloadSpec.BatchJob> jobs(TenantContext tenant) {
    if (spec.jobs() instanceof WorkloadSpec.JobList list) {
      return list.jobs();
    }
    var generated = (WorkloadSpec.JobDistribution) spec.jobs();
    Sampler cpu = new Sampler(generated.cpuSeconds(), tenant.random("batch-jobs"));
    List<WorkloadSpec.BatchJob> jobs = new ArrayList<>(generated.count());
    for (int i = 0; i < generated.count(); i++) {
      // A job needs some work; a draw of exactly 0 (constant 0, uniform from 0) becomes 1 ns.
      double work = Math.max(1e-9, cpu.next());
      jobs.add(new WorkloadSpec.BatchJob(SimDuration.ZERO, work, generated.parallelism()));
    }
    return jobs;
  }

  private void submit(WorkloadSpec.BatchJob job) {
    if (stopped) {
      return;
    }
    long submitted = context.simulation().now();
    double perThread = job.cpuSeconds() / job.parallelism();
    int[] remaining = {job.parallelism()};
    for (int t = 0; t < job.parallelism(); t++) {
      running.add(
          context
              .cpu()
              .run(
                  perThread,
                  done -> {
                    running.remove(done);
                    context.recorder().progressed(perThread);
                    if (--remaining[0] == 0) {
                      unfinished--;
                      context.recorder().operationsCompleted(1);
                      context.recorder().jobCompleted(submitted);
                    }
                  }));
    }
  }

  /** Kills every running thread (their work is lost) and submits nothing more. */
  @Override
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    for (Job job : running.toArray(new Job[0])) {
      context.cpu().cancel(job);
    }
    running.clear();
  }

  @Override
  public void runEnded() {
    for (int i = 0; i < unfinished; i++) {
      context.recorder().jobFailed();
    }
  }

  /** Jobs the batch will submit, from its list or its distribution's count. */
  static double jobCount(WorkloadSpec.Batch batch) {
    if (batch.jobs() instanceof WorkloadSpec.JobList list) {
      return list.jobs().size();
    }
    if (batch.jobs() instanceof WorkloadSpec.JobDistribution drawn) {
      return drawn.count();
    }
    return 0;
  }
}
