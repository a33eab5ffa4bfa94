package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;

/**
 * Checks that keep a valid scenario meaningful and bounded: at most {@link #MAX_SAMPLES} samples
 * per time series (each sample is an event touching every tenant, and every series is held in
 * memory until the report is written), and no workload that would silently do nothing because it
 * starts, or submits all its jobs, at or after the end of the run.
 */
final class RunLimits {
  /** Samples per run: 500 times the default of 200, far more than a chart can show. */
  static final long MAX_SAMPLES = 100_000;

  private RunLimits() {}

  static void checkSamples(long durationNanos, long sampleNanos, Context context) {
    if (durationNanos <= 0 || sampleNanos <= 0 || durationNanos / sampleNanos <= MAX_SAMPLES) {
      return;
    }
    long shortest = (durationNanos + MAX_SAMPLES - 1) / MAX_SAMPLES;
    context.error(
        "sample-interval",
        "the sample interval "
            + SimTime.format(sampleNanos)
            + " makes "
            + durationNanos / sampleNanos
            + " samples over the duration, more than the "
            + MAX_SAMPLES
            + " a run may keep",
        "a sample interval of at least " + SimTime.format(shortest));
  }

  /** {@code jobsKey} is where the jobs were given: {@code jobs} or {@code jobs-file}. */
  static void checkTimes(
      WorkloadSpec workload, String path, String jobsKey, long durationNanos, Context context) {
    if (durationNanos <= 0) {
      return;
    }
    long start = workload.start().nanos();
    if (start >= durationNanos) {
      context.error(
          path + ".start",
          "the workload starts at "
              + SimTime.format(start)
              + ", not before the run ends ("
              + SimTime.format(durationNanos)
              + "), so it would never run",
          "a start before the duration");
    }
    if (workload instanceof WorkloadSpec.Batch batch
        && batch.jobs() instanceof WorkloadSpec.JobList list
        && !list.jobs().isEmpty()
        && list.jobs().stream().allMatch(job -> start + job.submit().nanos() >= durationNanos)) {
      // Some late jobs are what a shortened run (a sweep over duration) cuts off; all of them
      // late is a workload that would silently do nothing.
      context.error(
          path + "." + jobsKey,
          "every job is submitted at or after the end of the run ("
              + SimTime.format(durationNanos)
              + "), so none would run",
          "a submit time before the duration");
    }
  }
}
