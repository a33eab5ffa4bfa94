package dev.oversold.core.metrics;

import dev.oversold.core.engine.Simulation;

/**
 * Counters of one tenant that its workload feeds as things happen. Everything before the warm-up
 * instant is ignored, except the events that end or cripple a tenant whenever they happen: OOM
 * kills and refusals (with the instant of the first) and the work a kill abandons, so a tenant
 * killed or refused during the warm-up is reported as such, not as an idle one. Nothing is stored
 * per request.
 */
public final class TenantRecorder {
  private final Simulation simulation;
  private final long warmupNanos;
  private final LatencyRecorder latency = new LatencyRecorder();
  private final DelayRecorder wakeupDelays = new DelayRecorder();
  private String progressUnit = "requests";
  private boolean hasRequests;
  private boolean hasJobs;

  private long completed;
  private long good;
  private long failed;
  private long rejected;
  private double progress;
  private long refusals;
  private long oomKills;
  private long firstRefusal = -1;
  private long firstOomKill = -1;
  private boolean killed;
  private long majorFaults;

  private long arrivals;
  private int inSystem;
  private long inSystemSince;
  private double inSystemArea;

  private long jobsCompleted;
  private double jobCompletionSecondsSum;
  private long lastJobFinish = -1;

  public TenantRecorder(Simulation simulation, long warmupNanos) {
    this.simulation = simulation;
    this.warmupNanos = warmupNanos;
  }

  private boolean measuring() {
    return simulation.now() >= warmupNanos;
  }

  /** Declares what {@code progress} counts: requests, core-seconds, bytes, allocations, forks. */
  public void progressUnit(String unit) {
    progressUnit = unit;
  }

  public String progressUnit() {
    return progressUnit;
  }

  /** A request finished after {@code latencyNanos}; {@code withinSlo} if it met the SLO. */
  public void requestCompleted(long latencyNanos, boolean withinSlo) {
    hasRequests = true;
    if (!measuring()) {
      return;
    }
    completed++;
    progress++;
    if (withinSlo) {
      good++;
    }
    latency.record(latencyNanos);
  }

  /** A request arrived and is now in the system (queued or in service). */
  public void requestArrived() {
    hasRequests = true;
    accumulateInSystem();
    inSystem++;
    if (measuring()) {
      arrivals++;
    }
  }

  /**
   * A request arrived at a full backlog and was refused: it counts as an arrival and as rejected,
   * and never enters the system.
   */
  public void requestRejected() {
    hasRequests = true;
    if (measuring()) {
      arrivals++;
      rejected++;
    }
  }

  /** A request left the system (completed, failed or abandoned). */
  public void requestLeft() {
    accumulateInSystem();
    inSystem--;
  }

  /** Integrates the number in system over measured time, up to now. */
  private void accumulateInSystem() {
    long now = simulation.now();
    long from = Math.max(inSystemSince, warmupNanos);
    if (now > from) {
      inSystemArea += inSystem * ((now - from) / 1e9);
    }
    inSystemSince = now;
  }

  /** Requests that arrived in the measured window. */
  public long arrivals() {
    return arrivals;
  }

  /** Requests in the system now. */
  public int requestsInSystem() {
    return inSystem;
  }

  /**
   * Time-average number of requests in the system (L in Little's law) over the measured window up
   * to now.
   */
  public double meanRequestsInSystem() {
    accumulateInSystem();
    double seconds = (simulation.now() - warmupNanos) / 1e9;
    return seconds <= 0 ? 0 : inSystemArea / seconds;
  }

  /**
   * A request failed (timed out, or abandoned when the workload stopped). Those a kill abandons
   * count even before the window: they are why a dead tenant served nothing.
   */
  public void requestFailed() {
    hasRequests = true;
    if (measuring() || killed) {
      failed++;
    }
  }

  /** Useful work in the workload's own unit (for workloads that are not request-driven). */
  public void progressed(double amount) {
    if (measuring()) {
      progress += amount;
    }
  }

  /** Operations completed, for workloads that count throughput but have no latency SLO. */
  public void operationsCompleted(long count) {
    if (measuring()) {
      completed += count;
      good += count;
    }
  }

  /** A batch job submitted at {@code submitNanos} finished now. */
  public void jobCompleted(long submitNanos) {
    hasJobs = true;
    long now = simulation.now();
    lastJobFinish = now;
    if (!measuring()) {
      return;
    }
    jobsCompleted++;
    jobCompletionSecondsSum += (now - submitNanos) / 1e9;
  }

  /** A batch job never finished; one a kill abandons counts even before the window. */
  public void jobFailed() {
    hasJobs = true;
    if (measuring() || killed) {
      failed++;
    }
  }

  /** Declares the tenant a batch tenant even before any job finished. */
  public void expectJobs() {
    hasJobs = true;
  }

  /** Declares the tenant request-driven even before any request finished. */
  public void expectRequests() {
    hasRequests = true;
  }

  /** The platform refused an allocation (memory, process, file): counted whenever it happens. */
  public void refused() {
    refusals++;
    if (firstRefusal < 0) {
      firstRefusal = simulation.now();
    }
  }

  /**
   * The OOM killer killed the tenant: counted whenever it happens, and the work the kill abandons
   * next counts as failed even before the window.
   */
  public void oomKilled() {
    oomKills++;
    killed = true;
    if (firstOomKill < 0) {
      firstOomKill = simulation.now();
    }
  }

  /** Instant of the first refusal in nanoseconds from the run's start, -1 if none. */
  public long firstRefusalNanos() {
    return firstRefusal;
  }

  /** Instant of the first OOM kill in nanoseconds from the run's start, -1 if none. */
  public long firstOomKillNanos() {
    return firstOomKill;
  }

  public void majorFaults(long count) {
    if (measuring()) {
      majorFaults += count;
    }
  }

  public LatencyRecorder latency() {
    return latency;
  }

  /** A thread woke an idle vCPU and waited {@code delayNanos} (0 if a core was free) for it. */
  public void wakeupDelay(long delayNanos) {
    if (measuring()) {
      wakeupDelays.record(delayNanos);
    }
  }

  /** Wake-up waits in the measured window, zero waits included. */
  public DelayRecorder wakeupDelays() {
    return wakeupDelays;
  }

  public boolean hasRequests() {
    return hasRequests;
  }

  public boolean hasJobs() {
    return hasJobs;
  }

  public long completed() {
    return completed;
  }

  public long good() {
    return good;
  }

  public long failed() {
    return failed;
  }

  /** Requests refused at a full backlog in the measured window. */
  public long rejected() {
    return rejected;
  }

  public double progress() {
    return progress;
  }

  public long refusals() {
    return refusals;
  }

  public long oomKills() {
    return oomKills;
  }

  public long majorFaults() {
    return majorFaults;
  }

  public long jobsCompleted() {
    return jobsCompleted;
  }

  /** Mean seconds from submit to finish over measured jobs, NaN if none. */
  public double meanJobCompletionSeconds() {
    return jobsCompleted == 0 ? Double.NaN : jobCompletionSecondsSum / jobsCompleted;
  }

  /** Instant of the last job completion in nanoseconds, -1 if none. */
  public long lastJobFinishNanos() {
    return lastJobFinish;
  }
}
