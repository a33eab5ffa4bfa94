package dev.oversold.core.runtime;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;

/**
 * A tenant's disk limit (io.max, OpenVZ iolimit/iopslimit, ESXi IOPS limit, a plan's limits) as
 * blk-throttle enforces it: time is cut into slices ({@code throtl_slice}, 100 ms on rotational
 * devices [block/blk-throttle.c]) and each slice grants a budget. Requests pass at once while the
 * budget of the current slice lasts; a request larger than what is left still passes and the
 * overdraft is paid from the next slices, during which the tenant's requests wait (so the long-run
 * rate is the limit). Unused budget does not carry over to the next slice.
 *
 * <p>The budget is in nominal device-nanoseconds, so one figure covers an IOPS limit (1 / device
 * IOPS per random operation) and a bandwidth limit (bytes / device bandwidth): the tighter of the
 * two decides, as the plan's limits are mapped ({@code DeviceShares.disk}). O(1) per request; one
 * event per slice only while requests wait.
 */
final class SliceLimiter {
  private record Waiting(long cost, Runnable action) {}

  private final Simulation simulation;
  private final long sliceNanos;
  private final long budget;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private long slice = -1;
  private long remaining;
  private EventHandle wake;

  /**
   * @param perSecond device-seconds per second the tenant may use
   * @param sliceNanos the slice length
   */
  SliceLimiter(Simulation simulation, double perSecond, long sliceNanos) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond) || sliceNanos <= 0) {
      throw new IllegalArgumentException(
          "a limit must be positive and finite, slices positive: " + perSecond + ", " + sliceNanos);
    }
    this.simulation = simulation;
    this.sliceNanos = sliceNanos;
    this.budget = Math.max(1, Math.round(perSecond * sliceNanos));
  }

  /**
   * Runs {@code action} once the limit lets a request costing {@code cost} nominal device-seconds
   * through (counted in whole nanoseconds, so slices add up exactly).
   */
  void acquire(double costSeconds, Runnable action) {
    long cost = Math.round(costSeconds * 1e9);
    refresh(simulation.now());
    if (waiting.isEmpty() && remaining > 0) {
      remaining -= cost;
      action.run();
      return;
    }
    waiting.addLast(new Waiting(cost, action));
    armWake();
  }

  private void refresh(long now) {
    long current = now / sliceNanos;
    if (current > slice) {
      long elapsed = slice < 0 ? 1 : current - slice;
      // Each slice grants a budget; a debt is paid off first and no surplus carries over.
      remaining = Math.min(budget, remaining + elapsed * budget);
      slice = current;
    }
  }

  private void armWake() {
    if (wake != null || waiting.isEmpty()) {
      return;
    }
    // The first slice in which the debt is paid and some budget is left.
    long slicesAhead = remaining > 0 ? 1 : -remaining / budget + 1;
    long at = (slice + slicesAhead) * sliceNanos;
    wake = simulation.schedule(at, this::release);
  }

  private void release() {
    wake = null;
    refresh(simulation.now());
    while (!waiting.isEmpty() && remaining > 0) {
      Waiting next = waiting.pollFirst();
      remaining -= next.cost();
      next.action().run();
    }
    armWake();
  }

  /** Requests held back by the limit. */
  int waiting() {
    return waiting.size();
  }

  /** Drops every held request (the tenant was killed). */
  void clear() {
    waiting.clear();
    if (wake != null) {
      wake.cancel();
      wake = null;
    }
  }
}
