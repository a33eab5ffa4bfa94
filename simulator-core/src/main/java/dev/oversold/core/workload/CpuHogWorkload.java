package dev.oversold.core.workload;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.sharing.Job;

/**
 * cpu-hog: {@code threads} threads that never block (the Isolation Benchmark Suite's CPU stress).
 * Each thread runs back-to-back chunks of {@link #CHUNK} reference-core-seconds, so progress
 * (core-seconds) is counted as it happens, to within one chunk.
 */
final class CpuHogWorkload implements Workload {
  /** The cpu-hog kind's declaration. */
  static final WorkloadKind<WorkloadSpec.CpuHog> KIND =
      WorkloadKind.suspect(
              "cpu-hog", WorkloadSpec.CpuHog.class, "core-seconds", CpuHogWorkload::new)
          .costing(
              CostModel.paced(
                  (hog, host) -> hog.threads() * host.cpu().speed() / CpuHogWorkload.CHUNK));

  /** Work per chunk: small against a run, large against the scheduler's granularity. */
  static final double CHUNK = 0.05;

  private final WorkloadSpec.CpuHog spec;
  private TenantContext context;
  private Job[] threads;
  private boolean running;
  private boolean stopped;

  CpuHogWorkload(WorkloadSpec.CpuHog spec) {
    this.spec = spec;
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    KIND.announce(tenant.recorder());
    threads = new Job[spec.threads()];
    tenant.simulation().schedule(spec.start().nanos(), this::begin);
  }

  private void begin() {
    if (stopped) {
      return;
    }
    running = true;
    for (int i = 0; i < threads.length; i++) {
      spin(i);
    }
  }

  private void spin(int thread) {
    threads[thread] =
        context
            .cpu()
            .run(
                CHUNK,
                job -> {
                  context.recorder().progressed(CHUNK);
                  if (running) {
                    spin(thread);
                  }
                });
  }

  @Override
  public void stop() {
    stopped = true;
    running = false;
    if (threads == null) {
      return;
    }
    for (Job job : threads) {
      if (job != null && job.isActive()) {
        context.cpu().cancel(job);
      }
    }
  }
}
