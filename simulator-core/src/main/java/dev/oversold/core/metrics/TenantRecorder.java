package dev.oversold.core.metrics;

import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Counters of one tenant that its workload feeds as things happen. Everything before the warm-up
 * instant is ignored, except the events that end or cripple a tenant whenever they happen: OOM
 * kills and refusals (with the instant of the first) and the work a kill abandons, so a tenant
 * killed or refused during the warm-up is reported as such, not as an idle one. Nothing is stored
 * per request.
 *
 * <p>A recorder can feed named measurement windows ({@link #addWindow}): each is a recorder of its
 * own that counts only what happens in {@code [from, to)}, its kills and refusals included.
 */
public final class TenantRecorder {
  private final Simulation simulation;
  private final long warmupNanos;
  private final long endNanos;
  private final boolean wholeRunEvents;
  private final List<TenantRecorder> windows = new ArrayList<>();
  private final LatencyRecorder latency = new LatencyRecorder();
  private final IntervalLatency intervalLatency = new IntervalLatency();
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
  private long reclaimStalls;
  private long reclaimStallNanos;
  private final DelayRecorder reclaimStallDelays = new DelayRecorder();
  private long swapInPages;
  private long swapOutPages;
  private long cacheHits;
  private long cacheMisses;

  private long arrivals;
  private int inSystem;
  private long inSystemSince;
  private double inSystemArea;

  private long jobsCompleted;
  private double jobCompletionSecondsSum;
  private long lastJobFinish = -1;

  public TenantRecorder(Simulation simulation, long warmupNanos) {
    this(simulation, warmupNanos, Long.MAX_VALUE, true);
  }

  private TenantRecorder(
      Simulation simulation, long fromNanos, long toNanos, boolean wholeRunEvents) {
    this.simulation = simulation;
    this.warmupNanos = fromNanos;
    this.endNanos = toNanos;
    this.wholeRunEvents = wholeRunEvents;
  }

  /**
   * A recorder fed with everything this one is told, measuring only {@code [fromNanos, toNanos)}:
   * kills and refusals count only inside it too.
   */
  public TenantRecorder addWindow(long fromNanos, long toNanos) {
    if (fromNanos < 0 || toNanos <= fromNanos) {
      throw new IllegalArgumentException("empty window " + fromNanos + ".." + toNanos);
    }
    TenantRecorder window = new TenantRecorder(simulation, fromNanos, toNanos, false);
    window.progressUnit = progressUnit;
    window.hasRequests = hasRequests;
    window.hasJobs = hasJobs;
    windows.add(window);
    return window;
  }

  private boolean measuring() {
    long now = simulation.now();
    return now >= warmupNanos && now < endNanos;
  }

  /** Whether an event that ends or cripples a tenant, happening now, counts. */
  private boolean countsEvent() {
    return wholeRunEvents || measuring();
  }

  /** Declares what {@code progress} counts: requests, core-seconds, bytes, allocations, forks. */
  public void progressUnit(String unit) {
    progressUnit = unit;
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).progressUnit(unit);
    }
  }

  public String progressUnit() {
    return progressUnit;
  }

  /** A request finished after {@code latencyNanos}; {@code withinSlo} if it met the SLO. */
  public void requestCompleted(long latencyNanos, boolean withinSlo) {
    hasRequests = true;
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).requestCompleted(latencyNanos, withinSlo);
    }
    intervalLatency.record(latencyNanos);
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
    windows.forEach(TenantRecorder::requestArrived);
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
    windows.forEach(TenantRecorder::requestRejected);
    if (measuring()) {
      arrivals++;
      rejected++;
    }
  }

  /** A request left the system (completed, failed or abandoned). */
  public void requestLeft() {
    windows.forEach(TenantRecorder::requestLeft);
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
    windows.forEach(TenantRecorder::requestFailed);
    if (measuring() || (killed && simulation.now() < endNanos)) {
      failed++;
    }
  }

  /** Useful work in the workload's own unit (for workloads that are not request-driven). */
  public void progressed(double amount) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).progressed(amount);
    }
    if (measuring()) {
      progress += amount;
    }
  }

  /** Operations completed, for workloads that count throughput but have no latency SLO. */
  public void operationsCompleted(long count) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).operationsCompleted(count);
    }
    if (measuring()) {
      completed += count;
      good += count;
    }
  }

  /** A batch job submitted at {@code submitNanos} finished now. */
  public void jobCompleted(long submitNanos) {
    hasJobs = true;
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).jobCompleted(submitNanos);
    }
    long now = simulation.now();
    if (now < endNanos) {
      lastJobFinish = now;
    }
    if (!measuring()) {
      return;
    }
    jobsCompleted++;
    jobCompletionSecondsSum += (now - submitNanos) / 1e9;
  }

  /** A batch job never finished; one a kill abandons counts even before the window. */
  public void jobFailed() {
    hasJobs = true;
    windows.forEach(TenantRecorder::jobFailed);
    if (measuring() || (killed && simulation.now() < endNanos)) {
      failed++;
    }
  }

  /** Declares the tenant a batch tenant even before any job finished. */
  public void expectJobs() {
    hasJobs = true;
    windows.forEach(TenantRecorder::expectJobs);
  }

  /** Declares the tenant request-driven even before any request finished. */
  public void expectRequests() {
    hasRequests = true;
    windows.forEach(TenantRecorder::expectRequests);
  }

  /** The platform refused an allocation (memory, process, file): counted whenever it happens. */
  public void refused() {
    windows.forEach(TenantRecorder::refused);
    if (!countsEvent()) {
      return;
    }
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
    windows.forEach(TenantRecorder::oomKilled);
    killed = true;
    if (!countsEvent()) {
      return;
    }
    oomKills++;
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

  /** Buffered reads of file pages: {@code hits} found in the page cache, {@code misses} not. */
  public void cacheReads(long hits, long misses) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).cacheReads(hits, misses);
    }
    if (measuring()) {
      cacheHits += hits;
      cacheMisses += misses;
    }
  }

  /** Buffered page reads the page cache served in the measured window. */
  public long cacheHits() {
    return cacheHits;
  }

  /** Buffered page reads that missed the page cache (each a disk read) in the measured window. */
  public long cacheMisses() {
    return cacheMisses;
  }

  public void majorFaults(long count) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).majorFaults(count);
    }
    if (measuring()) {
      majorFaults += count;
    }
  }

  /** A request waited {@code nanos} in reclaim. */
  public void reclaimStall(long nanos) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).reclaimStall(nanos);
    }
    if (measuring()) {
      reclaimStalls++;
      reclaimStallNanos += nanos;
      reclaimStallDelays.record(nanos);
    }
  }

  /** {@code pages} read back from swap for the tenant's faults. */
  public void swapIn(long pages) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).swapIn(pages);
    }
    if (measuring()) {
      swapInPages += pages;
    }
  }

  /** {@code pages} of the tenant's written to swap. */
  public void swapOut(long pages) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).swapOut(pages);
    }
    if (measuring()) {
      swapOutPages += pages;
    }
  }

  /** Requests that stalled in reclaim in the measured window. */
  public long reclaimStalls() {
    return reclaimStalls;
  }

  /** Their total stall, ns. */
  public long reclaimStallNanos() {
    return reclaimStallNanos;
  }

  /** Their stalls' distribution. */
  public DelayRecorder reclaimStallDelays() {
    return reclaimStallDelays;
  }

  public long swapInPages() {
    return swapInPages;
  }

  public long swapOutPages() {
    return swapOutPages;
  }

  public LatencyRecorder latency() {
    return latency;
  }

  /**
   * Latencies of the requests completed since the sampler last reset it, warm-up included: the
   * per-interval percentiles of the time series.
   */
  public IntervalLatency intervalLatency() {
    return intervalLatency;
  }

  /** A thread woke an idle vCPU and waited {@code delayNanos} (0 if a core was free) for it. */
  public void wakeupDelay(long delayNanos) {
    for (int i = 0; i < windows.size(); i++) {
      windows.get(i).wakeupDelay(delayNanos);
    }
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
