package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.metrics.LatencyRecorder;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.metrics.TimeSeriesRecorder;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.Series;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples every tenant and host each sample interval (one event per interval, O(tenants)), keeps
 * the cumulative counters at the warm-up instant, and turns both into results at the end.
 */
final class MetricsSampler {
  /** Quantiles drawn in latency charts. */
  static final double[] CHART_QUANTILES = {
    0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 1.0
  };

  private final Simulation simulation;
  private final Scenario scenario;
  private final long interval;
  private final long warmup;
  private final TenantTrack[] tracks;
  private final HostTrack[] hostTracks;
  private long lastSample;

  MetricsSampler(
      Simulation simulation,
      List<HostRuntime> hosts,
      List<TenantRuntime> tenants,
      Scenario scenario) {
    this.simulation = simulation;
    this.scenario = scenario;
    this.interval = scenario.sampleInterval().nanos();
    this.warmup = scenario.warmup().nanos();
    int samples = (int) Math.min(1_000_000, scenario.duration().nanos() / interval + 1);
    tracks = new TenantTrack[tenants.size()];
    for (int i = 0; i < tracks.length; i++) {
      tracks[i] = new TenantTrack(tenants.get(i), samples);
    }
    hostTracks = new HostTrack[hosts.size()];
    for (int i = 0; i < hostTracks.length; i++) {
      hostTracks[i] = new HostTrack(hosts.get(i), samples);
    }
  }

  void start() {
    if (warmup > 0) {
      simulation.schedule(warmup, this::markWarmup);
    }
    if (interval < scenario.duration().nanos()) {
      simulation.schedule(interval, this::sample);
    }
  }

  private void markWarmup() {
    for (TenantTrack track : tracks) {
      track.markWarmup();
    }
    for (HostTrack track : hostTracks) {
      track.markWarmup();
    }
  }

  private void sample() {
    takeSample();
    long next = simulation.now() + interval;
    if (next < scenario.duration().nanos()) {
      simulation.schedule(next, this::sample);
    }
  }

  private void takeSample() {
    long now = simulation.now();
    double seconds = SimTime.toSeconds(now - lastSample);
    if (seconds <= 0) {
      return;
    }
    boolean measured = lastSample >= warmup;
    for (TenantTrack track : tracks) {
      track.sample(seconds, measured);
    }
    for (HostTrack track : hostTracks) {
      track.sample(seconds, measured);
    }
    lastSample = now;
  }

  /** Takes the last (possibly partial) sample. */
  void finish() {
    takeSample();
  }

  private double measuredSeconds() {
    return SimTime.toSeconds(scenario.duration().nanos() - warmup);
  }

  List<TenantResult> tenantResults() {
    List<TenantResult> results = new ArrayList<>();
    for (TenantTrack track : tracks) {
      results.add(track.result());
    }
    return results;
  }

  List<HostResult> hostResults() {
    List<HostResult> results = new ArrayList<>();
    for (HostTrack track : hostTracks) {
      results.add(track.result());
    }
    return results;
  }

  /**
   * Cumulative CPU counters of one tenant, for differences between two instants: work units
   * (reference-core-seconds) allocated, wanted but contended (including wake-up waits), held back
   * by its own limit, co-stopped; and wake-ups with their total wait.
   */
  private record CpuCounters(
      double allocated,
      double contended,
      double throttled,
      double costopped,
      long wakeups,
      long wakeupNanos) {
    static final CpuCounters ZERO = new CpuCounters(0, 0, 0, 0, 0, 0);

    static CpuCounters of(TenantRuntime tenant) {
      Share share = tenant.cpuShare();
      TenantCpu cpu = tenant.tenantCpu();
      return new CpuCounters(
          share.allocatedWork(),
          share.contendedWork() + cpu.wakeupDelayWork(),
          share.throttledWork(),
          cpu.costopWork(),
          cpu.wakeups(),
          cpu.wakeupDelayNanos());
    }
  }

  private final class TenantTrack {
    final TenantRuntime tenant;
    final TimeSeriesRecorder cpuCores;
    final TimeSeriesRecorder steal;
    final TimeSeriesRecorder resident;
    final TimeSeriesRecorder swapped;
    final TimeSeriesRecorder goodRate;
    CpuCounters atWarmup = CpuCounters.ZERO;
    CpuCounters previous = CpuCounters.ZERO;
    long previousGood;
    double residentSum;
    double swappedSum;
    double measuredSampleSeconds;

    TenantTrack(TenantRuntime tenant, int samples) {
      this.tenant = tenant;
      cpuCores = new TimeSeriesRecorder(samples);
      steal = new TimeSeriesRecorder(samples);
      resident = new TimeSeriesRecorder(samples);
      swapped = new TimeSeriesRecorder(samples);
      goodRate = new TimeSeriesRecorder(samples);
    }

    void markWarmup() {
      atWarmup = CpuCounters.of(tenant);
    }

    void sample(double seconds, boolean measured) {
      CpuCounters now = CpuCounters.of(tenant);
      double allocated = now.allocated() - previous.allocated();
      double contended = now.contended() - previous.contended();
      cpuCores.append(allocated / seconds);
      steal.append(fraction(contended, allocated + contended));
      long residentBytes = tenant.memory().residentBytes();
      long swappedBytes = tenant.memory().swappedBytes();
      resident.append(residentBytes);
      swapped.append(swappedBytes);
      long good = tenant.recorder().good();
      goodRate.append((good - previousGood) / seconds);
      previousGood = good;
      previous = now;
      if (measured) {
        residentSum += residentBytes * seconds;
        swappedSum += swappedBytes * seconds;
        measuredSampleSeconds += seconds;
      }
    }

    TenantResult result() {
      TenantSpec spec = tenant.spec();
      TenantRecorder recorder = tenant.recorder();
      double window = measuredSeconds();
      CpuCounters end = CpuCounters.of(tenant);
      double allocated = end.allocated() - atWarmup.allocated();
      double contended = end.contended() - atWarmup.contended();
      double throttled = end.throttled() - atWarmup.throttled();
      double costopped = end.costopped() - atWarmup.costopped();
      double runnable = allocated + contended + throttled;
      boolean readyTime = tenant.host().platform().metricNames().readyTime();
      long wakeups = end.wakeups() - atWarmup.wakeups();
      double wakeupMs =
          wakeups == 0 ? 0 : SimTime.toMillis(end.wakeupNanos() - atWarmup.wakeupNanos()) / wakeups;
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
      double sampleSeconds = Math.max(measuredSampleSeconds, 1e-12);
      var memory =
          new TenantMetrics.Memory(
              residentSum / sampleSeconds, swappedSum / sampleSeconds, recorder.majorFaults());
      TenantMetrics.Latency latency = null;
      LatencyDistribution distribution = LatencyDistribution.EMPTY;
      if (recorder.hasRequests()) {
        LatencyRecorder l = recorder.latency();
        latency =
            new TenantMetrics.Latency(
                nanToZero(l.meanMillis()),
                nanToZero(l.quantileMillis(0.50)),
                nanToZero(l.quantileMillis(0.95)),
                nanToZero(l.quantileMillis(0.99)),
                nanToZero(l.maxMillis()));
        if (l.count() > 0) {
          double[] millis = new double[CHART_QUANTILES.length];
          for (int i = 0; i < millis.length; i++) {
            millis[i] = l.quantileMillis(CHART_QUANTILES[i]);
          }
          distribution = new LatencyDistribution(CHART_QUANTILES, millis);
        }
      }
      TenantMetrics.Jobs jobs = null;
      if (recorder.hasJobs()) {
        long last = recorder.lastJobFinishNanos();
        double makespan = last < 0 ? 0 : SimTime.toSeconds(last - spec.workload().start().nanos());
        jobs =
            new TenantMetrics.Jobs(
                recorder.jobsCompleted(), makespan, nanToZero(recorder.meanJobCompletionSeconds()));
      }
      double progress = recorder.progress() / window;
      double good = recorder.hasRequests() ? recorder.good() / window : progress;
      var metrics =
          new TenantMetrics(
              recorder.completed() / window,
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
      Map<String, double[]> series = new LinkedHashMap<>();
      series.put("cpu_cores", cpuCores.toArray());
      series.put("steal_fraction", steal.toArray());
      series.put("resident_bytes", resident.toArray());
      series.put("swapped_bytes", swapped.toArray());
      series.put("good_per_s", goodRate.toArray());
      return new TenantResult(
          spec.name(),
          spec.host(),
          tenant.host().spec().platform().id(),
          Workloads.of(spec.workload()).name(),
          Workloads.of(spec.workload()).victim(),
          metrics,
          new Series(SimTime.toSeconds(interval), series),
          distribution,
          tenant.kernel().beancounters());
    }
  }

  private final class HostTrack {
    final HostRuntime host;
    final TimeSeriesRecorder utilization;
    final TimeSeriesRecorder used;
    final TimeSeriesRecorder swappedSeries;
    double allocatedAtWarmup;
    double previousAllocated;
    double usedSum;
    double swappedSum;
    double measuredSampleSeconds;

    HostTrack(HostRuntime host, int samples) {
      this.host = host;
      utilization = new TimeSeriesRecorder(samples);
      used = new TimeSeriesRecorder(samples);
      swappedSeries = new TimeSeriesRecorder(samples);
    }

    double allocatedTotal() {
      double sum = 0;
      for (Share share : host.cpu().shares()) {
        sum += share.allocatedWork();
      }
      return sum;
    }

    void markWarmup() {
      allocatedAtWarmup = allocatedTotal();
    }

    void sample(double seconds, boolean measured) {
      double total = allocatedTotal();
      utilization.append((total - previousAllocated) / seconds / host.cpu().capacity());
      previousAllocated = total;
      // Host RAM held by tenants (their pages, vSwap kept in RAM, VM overhead) and host swap.
      long resident = dev.oversold.core.memory.Pages.bytes(host.memory().ramUsedPages());
      long swapped = dev.oversold.core.memory.Pages.bytes(host.memory().swapUsedPages());
      used.append(resident);
      swappedSeries.append(swapped);
      if (measured) {
        usedSum += resident * seconds;
        swappedSum += swapped * seconds;
        measuredSampleSeconds += seconds;
      }
    }

    HostResult result() {
      var spec = host.spec();
      double vcpus = 0;
      double ram = 0;
      double iops = 0;
      for (TenantRuntime tenant : host.tenants()) {
        var plan = tenant.spec().plan();
        vcpus += plan.vcpus();
        ram += plan.memory().ramBytes();
        iops += Math.min(plan.disk().iopsLimit(), spec.disk().iops());
      }
      var oversell =
          new HostResult.Oversell(
              vcpus / spec.cpu().cores(),
              ram / spec.memory().ramBytes(),
              iops / spec.disk().iops());
      double window = measuredSeconds();
      double cpuUtilization =
          (allocatedTotal() - allocatedAtWarmup) / window / host.cpu().capacity();
      double sampleSeconds = Math.max(measuredSampleSeconds, 1e-12);
      Map<String, double[]> series = new LinkedHashMap<>();
      series.put("cpu_utilization", utilization.toArray());
      series.put("memory_used_bytes", used.toArray());
      series.put("memory_swapped_bytes", swappedSeries.toArray());
      return new HostResult(
          spec.name(),
          spec.platform().id(),
          oversell,
          cpuUtilization,
          usedSum / sampleSeconds,
          swappedSum / sampleSeconds,
          new Series(SimTime.toSeconds(interval), series));
    }
  }

  private static double fraction(double part, double whole) {
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
