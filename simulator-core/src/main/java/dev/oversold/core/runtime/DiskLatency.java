package dev.oversold.core.runtime;

/** Per-operation disk latency accumulated over a window (what SIOC observes on a datastore). */
final class DiskLatency {
  private double weightedNanos;
  private long operations;

  void record(long operationsDone, long perOperationNanos) {
    weightedNanos += (double) operationsDone * perOperationNanos;
    operations += operationsDone;
  }

  /** Mean per-operation latency since the last call, in nanoseconds (0 if none), then resets. */
  long takeMeanNanos() {
    long mean = operations == 0 ? 0 : (long) (weightedNanos / operations);
    weightedNanos = 0;
    operations = 0;
    return mean;
  }
}
