package dev.oversold.core.workload;

import dev.oversold.core.model.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch jobs: each job is submitted at its time and runs as {@code parallelism} threads that split
 * its CPU work evenly; it completes when its last thread does. Progress is counted in
 * reference-core-seconds of finished threads.
 */
final class BatchWorkload implements Workload {
  private final WorkloadSpec.Batch spec;
  private TenantContext context;
  private int unfinished;
  private boolean running = true;

  BatchWorkload(WorkloadSpec.Batch spec) {
    this.spec = spec;
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    tenant.recorder().progressUnit("core-seconds");
    tenant.recorder().expectJobs();
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
      double work = Math.max(1e-9, cpu.next());
      jobs.add(
          new WorkloadSpec.BatchJob(
              dev.oversold.core.engine.SimDuration.ZERO, work, generated.parallelism()));
    }
    return jobs;
  }

  private void submit(WorkloadSpec.BatchJob job) {
    if (!running) {
      return;
    }
    long submitted = context.simulation().now();
    double perThread = job.cpuSeconds() / job.parallelism();
    int[] remaining = {job.parallelism()};
    for (int t = 0; t < job.parallelism(); t++) {
      context
          .cpu()
          .run(
              perThread,
              done -> {
                context.recorder().progressed(perThread);
                if (--remaining[0] == 0) {
                  unfinished--;
                  context.recorder().operationsCompleted(1);
                  context.recorder().jobCompleted(submitted);
                }
              });
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public void runEnded() {
    for (int i = 0; i < unfinished; i++) {
      context.recorder().jobFailed();
    }
  }
}
