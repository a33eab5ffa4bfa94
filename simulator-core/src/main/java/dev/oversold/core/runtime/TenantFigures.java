package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.metrics.LatencyRecorder;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.result.TenantMetrics;

/**
 * A tenant's {@link TenantMetrics} over one measured stretch (the run after its warm-up, or a named
 * window) from what was counted in it: the recorder that measured it, the CPU counters at its two
 * ends and its time-weighted memory.
 */
final class TenantFigures {
  private TenantFigures() {}

  /**
   * @param seconds the stretch's length
   * @param start CPU counters at its start; {@code end} at its end
   * @param residentBytes mean resident bytes over it; {@code swappedBytes} likewise
   * @param workloadStartNanos when the workload starts (a batch's makespan counts from there)
   */
  static TenantMetrics of(
      TenantRecorder recorder,
      double seconds,
      CpuCounters start,
      CpuCounters end,
      boolean readyTime,
      double residentBytes,
      double swappedBytes,
      long workloadStartNanos) {
    double allocated = end.allocated() - start.allocated();
    double contended = end.contended() - start.contended();
    double throttled = end.throttled() - start.throttled();
    double costopped = end.costopped() - start.costopped();
    double runnable = allocated + contended + throttled;
    long wakeups = end.wakeups() - start.wakeups();
    double wakeupMs =
        wakeups == 0 ? 0 : SimTime.toMillis(end.wakeupNanos() - start.wakeupNanos()) / wakeups;
    var cpu =
        new TenantMetrics.Cpu(
            allocated,
            fraction(contended, runnable),
            fraction(throttled, runnable),
            Math.max(0, throttled),
            readyTime ? fraction(contended, runnable) : 0,
            fraction(costopped, runnable),
            wakeupMs,
            recorder.wakeupDelays().quantileMillis(0.50),
            recorder.wakeupDelays().quantileMillis(0.99));
    var memory =
        new TenantMetrics.Memory(
            residentBytes,
            swappedBytes,
            recorder.majorFaults(),
            recorder.cacheHits(),
            recorder.cacheMisses(),
            recorder.reclaimStalls(),
            SimTime.toMillis(recorder.reclaimStallNanos()),
            recorder.reclaimStallDelays().quantileMillis(0.99),
            (double) Pages.bytes(recorder.swapInPages()),
            (double) Pages.bytes(recorder.swapOutPages()));
    TenantMetrics.Latency latency = null;
    if (recorder.hasRequests()) {
      LatencyRecorder l = recorder.latency();
      latency =
          new TenantMetrics.Latency(
              nanToZero(l.meanMillis()),
              nanToZero(l.quantileMillis(0.50)),
              nanToZero(l.quantileMillis(0.95)),
              nanToZero(l.quantileMillis(0.99)),
              nanToZero(l.maxMillis()));
    }
    TenantMetrics.Jobs jobs = null;
    if (recorder.hasJobs()) {
      long last = recorder.lastJobFinishNanos();
      double makespan = last < 0 ? 0 : SimTime.toSeconds(last - workloadStartNanos);
      jobs =
          new TenantMetrics.Jobs(
              recorder.jobsCompleted(), makespan, nanToZero(recorder.meanJobCompletionSeconds()));
    }
    double progress = recorder.progress() / seconds;
    double good = recorder.hasRequests() ? recorder.good() / seconds : progress;
    return new TenantMetrics(
        recorder.completed() / seconds,
        good,
        progress,
        recorder.progressUnit(),
        recorder.failed(),
        recorder.rejected(),
        latency,
        jobs,
        cpu,
        memory,
        recorder.refusals(),
        recorder.oomKills(),
        instantSeconds(recorder.firstRefusalNanos()),
        instantSeconds(recorder.firstOomKillNanos()));
  }

  static double fraction(double part, double whole) {
    return whole <= 0 ? 0 : part / whole;
  }

  /** An instant in seconds from the run's start; NaN for the -1 of "never happened". */
  private static double instantSeconds(long nanos) {
    return nanos < 0 ? Double.NaN : SimTime.toSeconds(nanos);
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
