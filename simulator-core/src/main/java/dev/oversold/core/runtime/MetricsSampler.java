package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.metrics.IntervalLatency;
import dev.oversold.core.metrics.LatencyRecorder;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.metrics.TimeSeriesRecorder;
import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.LatencyHistogram;
import dev.oversold.core.result.Series;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Samples every tenant and host each sample interval (one event per interval, O(tenants)), keeps
 * the cumulative counters at the warm-up instant and at each measurement window's ends, and turns
 * them into results at the end.
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
  private final boolean keepHistograms;
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
    // only group rows pool their tenants' latencies; other reports need no histogram per run
    this.keepHistograms = !scenario.report().groups().isEmpty();
    int samples = (int) Math.min(1_000_000, scenario.duration().nanos() / interval + 1);
    tracks = new TenantTrack[tenants.size()];
    for (int i = 0; i < tracks.length; i++) {
      tracks[i] = new TenantTrack(tenants.get(i), samples);
    }
    hostTracks = new HostTrack[hosts.size()];
    for (int i = 0; i < hostTracks.length; i++) {
      hostTracks[i] = new HostTrack(hosts.get(i), samples, interval);
    }
  }

  void start() {
    if (warmup > 0) {
      simulation.schedule(warmup, this::markWarmup);
    }
    List<MeasurementWindow> windows = scenario.report().windows();
    long end = scenario.duration().nanos();
    for (int w = 0; w < windows.size(); w++) {
      int index = w;
      MeasurementWindow window = windows.get(w);
      if (window.from().nanos() > 0) {
        simulation.schedule(window.from().nanos(), () -> markWindow(index, true));
      }
      if (window.to().nanos() < end) {
        simulation.schedule(window.to().nanos(), () -> markWindow(index, false));
      }
    }
    if (interval < end) {
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

  private void markWindow(int index, boolean start) {
    for (TenantTrack track : tracks) {
      track.windows[index].mark(start);
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
      track.sample(seconds, measured, lastSample, now);
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
      results.add(track.result(measuredSeconds()));
    }
    return results;
  }

  private final class TenantTrack {
    final TenantRuntime tenant;
    final int expectedSamples;
    final TimeSeriesRecorder cpuCores;
    final TimeSeriesRecorder steal;
    final TimeSeriesRecorder resident;
    final TimeSeriesRecorder swapped;
    final TimeSeriesRecorder goodRate;

    /**
     * The latency series, made when the tenant first has a request: until then each interval's p50
     * and p99 is NaN (its {@link IntervalLatency} holds completed requests only, and completing one
     * marks the tenant as having requests), and a tenant that never has one reports neither series.
     * A batch tenant (the CloudSim Plus peer's 1,000) so neither feeds nor reads them.
     */
    @Nullable TimeSeriesRecorder latencyP50;

    @Nullable TimeSeriesRecorder latencyP99;
    int samplesTaken;
    final WindowTrack[] windows;
    CpuCounters atWarmup = CpuCounters.ZERO;
    // the CPU counters a sample reads, at the previous sample (CpuCounters.of's sums, without
    // making a record per tenant and sample)
    double previousAllocated;
    double previousContended;
    long previousGood;
    double residentSum;
    double swappedSum;
    double measuredSampleSeconds;

    TenantTrack(TenantRuntime tenant, int samples) {
      this.tenant = tenant;
      this.expectedSamples = samples;
      cpuCores = new TimeSeriesRecorder(samples);
      steal = new TimeSeriesRecorder(samples);
      resident = new TimeSeriesRecorder(samples);
      swapped = new TimeSeriesRecorder(samples);
      goodRate = new TimeSeriesRecorder(samples);
      List<MeasurementWindow> measured = scenario.report().windows();
      windows = new WindowTrack[measured.size()];
      for (int w = 0; w < windows.length; w++) {
        windows[w] = new WindowTrack(tenant, measured.get(w));
      }
    }

    void markWarmup() {
      atWarmup = CpuCounters.of(tenant);
    }

    void sample(double seconds, boolean measured, long from, long to) {
      // the same sums as CpuCounters.of, in the same order
      Share share = tenant.cpuShare();
      double allocatedNow = share.allocatedWork();
      double contendedNow = share.contendedWork() + tenant.tenantCpu().wakeupDelayWork();
      double allocated = allocatedNow - previousAllocated;
      double contended = contendedNow - previousContended;
      cpuCores.append(allocated / seconds);
      steal.append(TenantFigures.fraction(contended, allocated + contended));
      long residentBytes = tenant.memory().residentBytes();
      long swappedBytes = tenant.memory().swappedBytes();
      resident.append(residentBytes);
      swapped.append(swappedBytes);
      TenantRecorder recorder = tenant.recorder();
      long good = recorder.good();
      goodRate.append((good - previousGood) / seconds);
      previousGood = good;
      previousAllocated = allocatedNow;
      previousContended = contendedNow;
      if (recorder.hasRequests()) {
        TimeSeriesRecorder p50 = latencyP50;
        TimeSeriesRecorder p99 = latencyP99;
        if (p50 == null || p99 == null) {
          latencyP50 = p50 = undefinedSoFar();
          latencyP99 = p99 = undefinedSoFar();
        }
        // this interval's latencies alone (NaN when it completed none), then start afresh
        IntervalLatency latencies = recorder.intervalLatency();
        p50.append(latencies.quantileMillis(0.50));
        p99.append(latencies.quantileMillis(0.99));
        latencies.reset();
      }
      samplesTaken++;
      if (measured) {
        residentSum += residentBytes * seconds;
        swappedSum += swappedBytes * seconds;
        measuredSampleSeconds += seconds;
      }
      for (WindowTrack window : windows) {
        window.sample(from, to, residentBytes, swappedBytes);
      }
    }

    /** A latency series holding NaN for every sample taken so far. */
    private TimeSeriesRecorder undefinedSoFar() {
      TimeSeriesRecorder series = new TimeSeriesRecorder(expectedSamples);
      for (int i = 0; i < samplesTaken; i++) {
        series.append(Double.NaN);
      }
      return series;
    }

    private double[] latencySeries(@Nullable TimeSeriesRecorder series) {
      return series == null ? undefinedSoFar().toArray() : series.toArray();
    }

    TenantResult result() {
      TenantSpec spec = tenant.spec();
      TenantRecorder recorder = tenant.recorder();
      boolean readyTime = tenant.host().platform().metricNames().readyTime();
      double sampleSeconds = Math.max(measuredSampleSeconds, 1e-12);
      TenantMetrics metrics =
          TenantFigures.of(
              recorder,
              measuredSeconds(),
              atWarmup,
              CpuCounters.of(tenant),
              readyTime,
              residentSum / sampleSeconds,
              swappedSum / sampleSeconds,
              spec.workload().start().nanos());
      LatencyDistribution distribution = LatencyDistribution.EMPTY;
      LatencyHistogram histogram = LatencyHistogram.EMPTY;
      LatencyRecorder l = recorder.latency();
      if (recorder.hasRequests() && l.count() > 0) {
        double[] millis = new double[CHART_QUANTILES.length];
        for (int i = 0; i < millis.length; i++) {
          millis[i] = l.quantileMillis(CHART_QUANTILES[i]);
        }
        distribution = new LatencyDistribution(CHART_QUANTILES, millis);
        if (keepHistograms) {
          histogram = l.snapshot();
        }
      }
      Map<String, TenantMetrics> byWindow = new LinkedHashMap<>();
      for (WindowTrack window : windows) {
        byWindow.put(window.window.name(), window.result(readyTime, spec));
      }
      Map<String, double[]> series = new LinkedHashMap<>();
      series.put("cpu_cores", cpuCores.toArray());
      series.put("steal_fraction", steal.toArray());
      series.put("resident_bytes", resident.toArray());
      series.put("swapped_bytes", swapped.toArray());
      series.put("good_per_s", goodRate.toArray());
      if (recorder.hasRequests()) {
        series.put("latency_p50_ms", latencySeries(latencyP50));
        series.put("latency_p99_ms", latencySeries(latencyP99));
      }
      return new TenantResult(
          spec.name(),
          spec.host(),
          tenant.host().spec().platform().id(),
          Workloads.of(spec.workload()).name(),
          Workloads.of(spec.workload()).victim(),
          metrics,
          new Series(SimTime.toSeconds(interval), series),
          distribution,
          histogram,
          byWindow,
          tenant.kernel().beancounters(),
          spec.guest());
    }
  }

  /** One tenant in one measurement window: its own recorder, CPU counters at its ends, memory. */
  private static final class WindowTrack {
    final TenantRuntime tenant;
    final MeasurementWindow window;
    final TenantRecorder recorder;
    CpuCounters start = CpuCounters.ZERO;
    CpuCounters end;
    double residentSum;
    double swappedSum;
    double sampleSeconds;

    WindowTrack(TenantRuntime tenant, MeasurementWindow window) {
      this.tenant = tenant;
      this.window = window;
      this.recorder = tenant.recorder().addWindow(window.from().nanos(), window.to().nanos());
    }

    void mark(boolean atStart) {
      if (atStart) {
        start = CpuCounters.of(tenant);
      } else {
        end = CpuCounters.of(tenant);
      }
    }

    /** Memory sampled at the end of {@code [from, to)}, weighted by its overlap with the window. */
    void sample(long from, long to, long residentBytes, long swappedBytes) {
      long overlap = Math.min(to, window.to().nanos()) - Math.max(from, window.from().nanos());
      if (overlap > 0) {
        double seconds = SimTime.toSeconds(overlap);
        residentSum += residentBytes * seconds;
        swappedSum += swappedBytes * seconds;
        sampleSeconds += seconds;
      }
    }

    TenantMetrics result(boolean readyTime, TenantSpec spec) {
      double seconds = Math.max(sampleSeconds, 1e-12);
      return TenantFigures.of(
          recorder,
          window.seconds(),
          start,
          end == null ? CpuCounters.of(tenant) : end,
          readyTime,
          residentSum / seconds,
          swappedSum / seconds,
          spec.workload().start().nanos());
    }
  }
}
