package dev.oversold.runner;

/** Told after each run of a batch finishes; called from worker threads, one call at a time. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total, simulatedSeconds) -> {};

  /**
   * Called after each finished run.
   *
   * @param done runs finished so far
   * @param total runs in the batch
   * @param simulatedSeconds simulated time covered by the finished runs
   */
  void runFinished(int done, int total, double simulatedSeconds);
}
