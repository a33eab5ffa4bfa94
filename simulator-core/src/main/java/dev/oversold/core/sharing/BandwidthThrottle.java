package dev.oversold.core.sharing;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;

/**
 * A CPU limit enforced as a quota per period, the way CFS bandwidth control ({@code cpu.max}
 * quota/period), OpenVZ {@code cpulimit} (1 s period) and Xen credit1 caps (parked until the next
 * 30 ms accounting) enforce it: inside a period the share runs as fast as its vCPUs and its weight
 * allow until it has used {@code quota}; then it is throttled (ceiling 0) until the next period
 * starts. The long-run rate is the same as a fluid cap of {@code quota / period}, but a throttled
 * tenant's requests wait for the next period, which is what its tail latency shows.
 *
 * <p>Event-driven: one event per period boundary and one predicted exhaustion, moved whenever the
 * share's allocation changes (the share tells this controller through its allocation listener).
 */
public final class BandwidthThrottle {
  private final Simulation simulation;
  private final Share share;
  private final long periodNanos;
  private double quota;
  private double usedAtPeriodStart;
  private boolean throttled;
  private long throttledSince;
  private long throttledNanos;
  private long periods;
  private long throttledPeriods;
  private EventHandle exhaustion;
  private final EventHandle boundary;
  private final Runnable exhaust = this::exhaust;

  /**
   * Starts enforcing now; the share's own cap should be infinite (this controller owns it).
   *
   * @param quotaPerSecond the limit in units/s (reference cores for CPU)
   * @param periodNanos the enforcement period
   */
  public BandwidthThrottle(
      Simulation simulation, Share share, double quotaPerSecond, long periodNanos) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("period must be > 0 ns, got " + periodNanos);
    }
    this.simulation = simulation;
    this.share = share;
    this.periodNanos = periodNanos;
    setLimit(quotaPerSecond);
    share.setAllocationListener(this::allocationChanged);
    usedAtPeriodStart = share.allocatedWork();
    periods = 1;
    boundary = simulation.schedule(SimTime.plus(simulation.now(), periodNanos), this::newPeriod);
    allocationChanged();
  }

  /** Changes the limit (units/s); takes effect for the rest of the current period. */
  public void setLimit(double quotaPerSecond) {
    if (!(quotaPerSecond >= 0) || Double.isInfinite(quotaPerSecond)) {
      throw new IllegalArgumentException("limit must be finite and >= 0, got " + quotaPerSecond);
    }
    quota = quotaPerSecond * SimTime.toSeconds(periodNanos);
    if (exhaustion != null || throttled) {
      if (throttled && used() < quota) {
        unthrottle();
      } else if (!throttled && used() >= quota) {
        exhaust(); // lowered below what this period already used: throttle now
        return;
      }
      allocationChanged();
    }
  }

  /** Work used in the current period (units). */
  public double usedInPeriod() {
    return used();
  }

  /** The quota of one period (units). */
  public double quota() {
    return quota;
  }

  /** The limit in units/s. */
  public double limit() {
    return quota / SimTime.toSeconds(periodNanos);
  }

  public long periodNanos() {
    return periodNanos;
  }

  public boolean isThrottled() {
    return throttled;
  }

  /** Periods elapsed (cgroup cpu.stat nr_periods). */
  public long periods() {
    return periods;
  }

  /** Periods in which the share was throttled (cpu.stat nr_throttled). */
  public long throttledPeriods() {
    return throttledPeriods;
  }

  /** Total time spent throttled so far (cpu.stat throttled_usec, in ns). */
  public long throttledNanos() {
    return throttledNanos + (throttled ? simulation.now() - throttledSince : 0);
  }

  /** Stops enforcing: the share runs unthrottled from now on. */
  public void stop() {
    boundary.cancel();
    if (exhaustion != null) {
      exhaustion.cancel();
    }
    share.setAllocationListener(null);
    if (throttled) {
      unthrottle();
    }
  }

  private double used() {
    return share.allocatedWork() - usedAtPeriodStart;
  }

  private void newPeriod() {
    periods++;
    usedAtPeriodStart = share.allocatedWork();
    simulation.reschedule(boundary, SimTime.plus(simulation.now(), periodNanos));
    if (throttled) {
      unthrottle();
    }
    allocationChanged();
  }

  private void unthrottle() {
    throttled = false;
    throttledNanos += simulation.now() - throttledSince;
    share.setCap(Double.POSITIVE_INFINITY);
  }

  private void allocationChanged() {
    if (throttled) {
      return;
    }
    double rate = share.allocation();
    double remaining = quota - used();
    if (remaining <= 0 && rate > 0) {
      scheduleExhaustion(simulation.now());
    } else if (rate <= 0) {
      if (exhaustion != null) {
        exhaustion.cancel();
      }
    } else {
      scheduleExhaustion(SimTime.plus(simulation.now(), SimTime.ceilNanos(remaining / rate)));
    }
  }

  private void scheduleExhaustion(long due) {
    if (exhaustion == null) {
      exhaustion = simulation.schedule(due, exhaust);
    } else {
      simulation.reschedule(exhaustion, due);
    }
  }

  private void exhaust() {
    if (throttled) {
      return;
    }
    // The event rounds up to whole nanoseconds; anything left below a nanosecond's work is noise.
    if (quota - used() > share.allocation() * 1e-9 + 1e-12) {
      allocationChanged();
      return;
    }
    throttled = true;
    throttledPeriods++;
    throttledSince = simulation.now();
    share.setCap(0);
  }
}
