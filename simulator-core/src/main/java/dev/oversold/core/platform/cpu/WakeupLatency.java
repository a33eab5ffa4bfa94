package dev.oversold.core.platform.cpu;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.SharedCapacity;

/**
 * The delay model for scheduling latency: how long a thread that wakes one of its tenant's idle
 * vCPUs waits before it runs. The fluid pool hides this (a woken thread starts at its share's rate
 * at once); real schedulers make it wait for a core when every core is busy.
 *
 * <p>Model (calibrated against the quantum-level simulator {@code QuantumCpuSimulator}, a test
 * oracle in the test sources):
 *
 * <ul>
 *   <li>Host not saturated: an idle core takes the thread, no delay (the IPI costs microseconds).
 *   <li>Saturated and the tenant under its fair entitlement ({@code allocation < capacity * weight
 *       / active weight}; Xen: it still has credit, UNDER): the scheduler preempts for it. Xen
 *       BOOSTs it and preempts the running vCPU once that has run the rate limit {@code R}: the
 *       wait is {@code max(0, R - A)} with {@code A} the longest age among the {@code c} running
 *       slices ({@code A = T * max of c uniforms}). CFS wake-up preemption (the sleeper is placed
 *       half a latency period behind and preempts at once) and ESXi (assumption) have {@code R =
 *       0}.
 *   <li>Saturated and the tenant over its entitlement (Xen OVER; CFS: its vruntime is ahead): it
 *       queues behind the {@code q = runnable - c} threads already waiting and waits for the first
 *       of the {@code c} running slices to end: {@code T * (min of c uniforms) + T * q / c}.
 * </ul>
 *
 * @param scheduler name for documentation and reports
 * @param fixedSliceNanos the time slice (Xen credit1 30 ms, ESXi quantum); 0 when it follows the
 *     load (CFS)
 * @param latencyNanos CFS sched_latency (slice = max(min granularity, latency / runnable per core))
 * @param minGranularityNanos CFS sched_min_granularity
 * @param rateLimitNanos a running slice is not preempted before it has run this long (Xen
 *     ratelimit_us)
 * @param enabled false turns the model off (every delay is 0)
 */
public record WakeupLatency(
    String scheduler,
    long fixedSliceNanos,
    long latencyNanos,
    long minGranularityNanos,
    long rateLimitNanos,
    boolean enabled) {

  /** No wake-up delay: the pure fluid model. */
  public static final WakeupLatency NONE = new WakeupLatency("none", 0, 0, 0, 0, false);

  /** Xen credit1: 30 ms timeslice, 1 ms ratelimit [R xen sched_credit.c]. */
  public static final long XEN_TIMESLICE_NANOS = 30 * SimTime.MILLISECOND;

  public static final long XEN_RATELIMIT_NANOS = SimTime.MILLISECOND;

  /**
   * ESXi scheduling quantum. Undocumented: the reference lists 10-20 ms [2nd] as an open question;
   * assumption: 20 ms, the upper end, since ESXi favours throughput over switch rate.
   */
  public static final long ESXI_QUANTUM_NANOS = 20 * SimTime.MILLISECOND;

  public WakeupLatency {
    if (fixedSliceNanos < 0 || latencyNanos < 0 || minGranularityNanos < 0 || rateLimitNanos < 0) {
      throw new IllegalArgumentException("negative scheduler timing");
    }
  }

  /** Xen credit1 timings. */
  public static WakeupLatency xenCredit() {
    return new WakeupLatency("xen-credit", XEN_TIMESLICE_NANOS, 0, 0, XEN_RATELIMIT_NANOS, true);
  }

  /**
   * CFS timings for a host of {@code cpus} CPUs: sched_latency 6 ms and min_granularity 0.75 ms,
   * both scaled by {@code 1 + ilog2(min(cpus, 8))} (the default logarithmic tunable scaling) [M
   * kernel/sched/fair.c].
   */
  public static WakeupLatency cfs(int cpus) {
    int factor = 1 + (31 - Integer.numberOfLeadingZeros(Math.min(Math.max(cpus, 1), 8)));
    return new WakeupLatency(
        "cfs", 0, 6 * SimTime.MILLISECOND * factor, 750 * SimTime.MICROSECOND * factor, 0, true);
  }

  /** ESXi proportional-share scheduler with the assumed quantum. */
  public static WakeupLatency esxi() {
    return new WakeupLatency("esxi", ESXI_QUANTUM_NANOS, 0, 0, 0, true);
  }

  /** The same model switched off or on (host option {@code cpu-wakeup-delay}). */
  public WakeupLatency withEnabled(boolean on) {
    return new WakeupLatency(
        scheduler, fixedSliceNanos, latencyNanos, minGranularityNanos, rateLimitNanos, on);
  }

  /** The slice a running thread gets when {@code runnablePerCore} threads share each core. */
  public long sliceNanos(double runnablePerCore) {
    if (fixedSliceNanos > 0) {
      return fixedSliceNanos;
    }
    double perCore = Math.max(1, runnablePerCore);
    return Math.max(minGranularityNanos, (long) (latencyNanos / perCore));
  }

  /**
   * The credit a tenant can bank, as time of one core: one timeslice for Xen credit (credit1 caps
   * credit at one timeslice), one latency period for CFS (a sleeper is kept within half a latency
   * of the minimum vruntime), one quantum for ESXi (assumption).
   */
  public long usageMemoryNanos() {
    return fixedSliceNanos > 0 ? fixedSliceNanos : latencyNanos;
  }

  /**
   * The wait of a thread waking one of {@code share}'s idle vCPUs now, given whether the tenant
   * still has credit ({@code under}); draws from {@code random} only when the host is saturated (so
   * an unloaded run draws nothing).
   */
  public long delayNanos(Share share, boolean under, RandomStream random) {
    SharedCapacity pool = share.pool();
    if (!enabled || !pool.isSaturated()) {
      return 0;
    }
    int cores = Math.max(1, (int) Math.round(pool.capacity() / share.perJobMaxRate()));
    int runnable = pool.runnableThreads();
    long slice = sliceNanos((runnable + 1.0) / cores);
    if (under) {
      if (rateLimitNanos == 0) {
        return 0;
      }
      double oldestAge = slice * Math.pow(random.nextDouble(), 1.0 / cores);
      return (long) Math.max(0, rateLimitNanos - oldestAge);
    }
    double firstEnd = slice * (1 - Math.pow(random.nextDouble(), 1.0 / cores));
    int waiting = Math.max(0, runnable - cores);
    return (long) (firstEnd + (double) slice * waiting / cores);
  }

  /**
   * The rate (units/s) the share's weight entitles it to among the busy shares while the pool is
   * saturated; the whole pool when it is not (nobody waits then).
   */
  public static double entitlement(Share share, SharedCapacity pool) {
    if (!pool.isSaturated()) {
      return pool.capacity();
    }
    double weights = pool.activeWeight();
    double own = share.effectiveWeight();
    if (share.allocation() <= 0) {
      weights += own; // not busy now: it joins the competition when it wakes
    }
    return weights <= 0 ? pool.capacity() : pool.capacity() * own / weights;
  }
}
