package dev.oversold.core.platform.cpu.quantum;

import java.util.Arrays;

/**
 * What one domain got in a quantum-level run. Times are vCPU-nanoseconds summed over its vCPUs.
 *
 * @param name the domain
 * @param runNanos time its vCPUs held a core
 * @param readyNanos runnable, not co-stopped, not parked, but waiting for a core (steal / ready)
 * @param costopNanos runnable but co-stopped
 * @param parkedNanos runnable but held back by its own cap (throttled)
 * @param wakeDelaysNanos the wait of every wake-up, wake to first run, in order
 * @param seconds the length of the run
 */
public record QuantumResult(
    String name,
    long runNanos,
    long readyNanos,
    long costopNanos,
    long parkedNanos,
    long[] wakeDelaysNanos,
    double seconds) {

  /** Cores used on average. */
  public double cores() {
    return runNanos / 1e9 / seconds;
  }

  public double meanWakeDelayMillis() {
    return wakeDelaysNanos.length == 0
        ? 0
        : Arrays.stream(wakeDelaysNanos).average().orElse(0) / 1e6;
  }

  /** Co-stop time over runnable time. */
  public double costopFraction() {
    long runnable = runNanos + readyNanos + costopNanos + parkedNanos;
    return runnable == 0 ? 0 : (double) costopNanos / runnable;
  }

  /** Ready (steal) time over runnable time. */
  public double readyFraction() {
    long runnable = runNanos + readyNanos + costopNanos + parkedNanos;
    return runnable == 0 ? 0 : (double) readyNanos / runnable;
  }
}
