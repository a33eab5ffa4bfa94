package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.CpuPolicy;
import dev.oversold.core.platform.cpu.CoStopModel;
import dev.oversold.core.platform.cpu.WakeupLatency;
import dev.oversold.core.sharing.BandwidthThrottle;
import dev.oversold.core.sharing.Job;
import dev.oversold.core.sharing.JobListener;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.workload.CpuAccess;
import java.util.function.LongConsumer;

/**
 * A guest's vCPUs: its share of the host CPU pool as the platform maps it, the quota controller
 * when the platform enforces the cap per period, and the wake-up delay of a thread that wakes an
 * idle vCPU on a saturated host. Threads are jobs processor-shared on the share.
 */
public final class TenantCpu implements CpuAccess {
  private final HostRuntime host;
  private final Share share;
  private final WakeupLatency wakeup;
  private final RandomStream random;
  private final LongConsumer wakeupDelays;
  private final long capPeriodNanos;
  private final double baseEfficiency;
  private final CoStopModel coStop;
  private BandwidthThrottle throttle;
  private long wakeups;
  private long lastCompletionAt = -1;
  private long creditAt;
  private double credit = Double.NaN;
  private long pendingUntil;
  private final double baseFloor;
  private int boostedThreads;
  private long delayedWakeups;
  private long wakeupDelayNanos;

  TenantCpu(
      HostRuntime host,
      String name,
      TenantSpec spec,
      RandomStream random,
      LongConsumer wakeupDelays) {
    this.host = host;
    this.wakeupDelays = wakeupDelays;
    CpuPolicy policy = host.platform().cpu();
    ShareSettings settings = policy.tenantShare(host.spec(), spec);
    this.capPeriodNanos = policy.capPeriodNanos(host.spec(), spec);
    this.wakeup = policy.wakeupLatency(host.spec());
    this.random = random;
    boolean periodic = capPeriodNanos > 0 && binds(settings, settings.cap());
    this.share =
        host.cpu().addShare(name, periodic ? settings.withCap(Double.POSITIVE_INFINITY) : settings);
    if (periodic) {
      throttle = new BandwidthThrottle(host.simulation(), share, settings.cap(), capPeriodNanos);
    }
    this.baseEfficiency = settings.efficiency();
    this.baseFloor = settings.floor();
    this.coStop = policy.coStop(host.spec());
    if (coStop.enabled() && settings.parallelLimit() >= 2) {
      // ESXi limits are continuous, so no quota controller competes for the listener.
      share.setAllocationListener(this::updateCoStop);
    }
  }

  /**
   * The tenant's scheduler credit (units of work), a token bucket: it refills at the tenant's
   * entitlement (its weight's share of the busy host) and is charged each thread's work when the
   * thread is submitted, as Xen credit1 debits a running vCPU and CFS advances vruntime. Charged at
   * submission: a real scheduler runs a woken burst at full speed, which is how a bursty tenant
   * overdraws (OVER) although the fluid pool spreads the same burst thinly. Bounded above by one
   * usage-memory period of one core (credit1 caps credit at one timeslice; CFS keeps a sleeper at
   * most half a latency behind) and below by that much per vCPU.
   */
  private double credit(long now) {
    if (Double.isNaN(credit)) {
      credit = creditBound(); // a tenant starts with a full bank, UNDER
      creditAt = now;
    }
    if (now > creditAt) {
      double entitled = WakeupLatency.entitlement(share, share.pool());
      credit += entitled * SimTime.toSeconds(now - creditAt);
      creditAt = now;
      credit = Math.min(credit, creditBound());
    }
    return credit;
  }

  private double creditBound() {
    return SimTime.toSeconds(wakeup.usageMemoryNanos()) * share.perJobMaxRate();
  }

  /**
   * Charges a submitted thread: at most one bank's worth, what a real scheduler would run of it at
   * full speed before the next accounting (a long job is not charged all at once).
   */
  private void charge(long now, double work) {
    credit(now);
    double charged = Math.min(work, creditBound());
    credit = Math.max(-creditBound() * share.parallelLimit(), credit - charged);
  }

  /** Sets the efficiency to the useful fraction at the current per-vCPU rate. */
  private void updateCoStop() {
    int busy = Math.min(share.jobCount(), share.parallelLimit());
    double perVcpu = busy == 0 ? 1 : share.allocation() / (busy * share.perJobMaxRate());
    double useful = coStop.usefulFraction(busy, perVcpu);
    double efficiency = baseEfficiency * useful;
    if (efficiency != share.efficiency()) {
      share.setEfficiency(efficiency);
    }
  }

  /** A cap binds when it is below what the vCPUs could use. */
  private static boolean binds(ShareSettings settings, double cap) {
    return Double.isFinite(cap) && cap < settings.parallelLimit() * settings.perJobMaxRate();
  }

  @Override
  public Job run(double work, JobListener listener) {
    long delay = 0;
    long now = host.simulation().now();
    Boost boost = null;
    long boostNanos = 0;
    // A thread that submits more work the instant its previous piece finished never slept.
    boolean continuing = now == lastCompletionAt;
    if (wakeup.enabled()
        && !continuing
        && share.jobCount() + share.pendingJobCount() < share.parallelLimit()) {
      wakeups++;
      double available = credit(now);
      delay = wakeup.delayNanos(share, available >= 0, random);
      if (available > 0 && share.pool().isSaturated()) {
        boost = new Boost();
        boostNanos = SimTime.ceilNanos(Math.min(work, available) / share.perJobMaxRate());
      }
      if (delay > 0) {
        delayedWakeups++;
        wakeupDelayNanos += delay;
        pendingUntil = Math.max(pendingUntil, now + delay);
      }
      wakeupDelays.accept(delay);
    } else if (!continuing && share.pendingJobCount() > 0 && pendingUntil > now) {
      // Every vCPU is busy or still waking: the guest queues the thread behind them (guest
      // run-queue wait, not steal).
      delay = pendingUntil - now;
    }
    if (wakeup.enabled()) {
      charge(now, work);
    }
    Boost started = boost;
    Job job =
        share.submitAfter(
            delay,
            work,
            done -> {
              lastCompletionAt = host.simulation().now();
              if (started != null) {
                endBoost(started);
              }
              listener.completed(done);
            });
    if (boost != null) {
      startBoost(boost, SimTime.plus(now, SimTime.plus(delay, boostNanos)));
    }
    return job;
  }

  /**
   * A woken thread with credit runs at a full core until its credit is spent or it finishes, as
   * BOOST/UNDER priority (Xen) or wake-up preemption with sleeper credit (CFS) give it: the share
   * gets a floor of one core per such thread for that long. Without this the fluid pool would run a
   * light tenant's burst at its weight's share of a busy host, overstating its latency.
   */
  private static final class Boost {
    boolean active = true;
    dev.oversold.core.engine.EventHandle end;
  }

  private void startBoost(Boost boost, long until) {
    boostedThreads++;
    updateFloor();
    boost.end = host.simulation().schedule(until, () -> endBoost(boost));
  }

  private void endBoost(Boost boost) {
    if (!boost.active) {
      return;
    }
    boost.active = false;
    if (boost.end != null) {
      boost.end.cancel();
    }
    boostedThreads--;
    updateFloor();
  }

  private void updateFloor() {
    share.setFloor(baseFloor + boostedThreads * share.perJobMaxRate());
  }

  /** Threads running boosted now (a full core each while their credit lasts). */
  public int boostedThreads() {
    return boostedThreads;
  }

  @Override
  public double cancel(Job job) {
    return share.cancel(job);
  }

  public Share share() {
    return share;
  }

  /** The quota controller, or null when the cap is fluid or absent. */
  public BandwidthThrottle throttle() {
    return throttle;
  }

  /**
   * Changes the tenant's CPU limit (reference cores; infinity for none), as an administrator would
   * with cpulimit, cpu.max, a credit cap or an ESXi limit.
   */
  public void setLimit(double cores) {
    ShareSettings settings =
        new ShareSettings(
            share.weight(),
            share.floor(),
            cores,
            share.perJobMaxRate(),
            share.parallelLimit(),
            share.efficiency(),
            false);
    boolean periodic = capPeriodNanos > 0 && binds(settings, cores);
    if (periodic && throttle != null) {
      throttle.setLimit(cores);
    } else if (periodic) {
      share.setCap(Double.POSITIVE_INFINITY);
      throttle = new BandwidthThrottle(host.simulation(), share, cores, capPeriodNanos);
    } else {
      if (throttle != null) {
        throttle.stop();
        throttle = null;
      }
      share.setCap(cores);
    }
  }

  /** Removes every thread and stops the quota controller (the guest left or was killed). */
  public void shutdown() {
    share.cancelAll();
    if (throttle != null) {
      throttle.stop();
      throttle = null;
    }
  }

  /** Wake-ups of an idle vCPU seen while the delay model was on. */
  public long wakeups() {
    return wakeups;
  }

  /** Wake-ups that waited for a core. */
  public long delayedWakeups() {
    return delayedWakeups;
  }

  /** Total wake-up wait so far, in ns. */
  public long wakeupDelayNanos() {
    return wakeupDelayNanos;
  }

  /** Wake-up wait as work the vCPUs wanted but did not get (reference-core-seconds). */
  public double wakeupDelayWork() {
    return SimTime.toSeconds(wakeupDelayNanos) * share.perJobMaxRate();
  }

  /**
   * Core time held but co-stopped so far (reference-core-seconds): allocated work that did not
   * become useful beyond the platform's fixed overhead.
   */
  public double costopWork() {
    double lost = share.allocatedWork() - share.usefulWork() / baseEfficiency;
    return lost > 1e-9 * Math.max(1, share.allocatedWork()) ? lost : 0;
  }

  /** Time throttled by the tenant's own limit so far, in ns (cgroup cpu.stat throttled_usec). */
  public long throttledNanos() {
    return throttle == null ? 0 : throttle.throttledNanos();
  }
}
