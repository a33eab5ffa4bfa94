package dev.oversold.testing;

import dev.oversold.core.metrics.LatencyRecorder;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.LatencyHistogram;
import dev.oversold.core.result.Series;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.PlannedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built simulation results (no simulation) whose report figures can be worked out by hand.
 *
 * <p>Scenario {@link TestScenarios#noisy()}: web-1 and web-2 (services, victims) and hog (cpu-hog).
 * Good responses per second, by run:
 *
 * <pre>
 *   run            web-1  web-2  hog (core-s/s)
 *   shared            80     30   1.0
 *   web-1 alone      100      -     -
 *   web-2 alone        -     60     -
 *   hog alone          -      -   2.0
 *   without web-1      -     45   1.2
 *   without web-2     90      -   1.5
 *   without hog       98     57     -
 *   without web        -      -   1.6   (group web = web-1 + web-2)
 * </pre>
 *
 * Throughput is good + 10 for services (shared: 90 and 40; alone 110 and 70); p99 is 200 ms and 900
 * ms shared, 50 ms and 100 ms alone; each service's latency histogram holds 100 requests, 98 at its
 * p50 (p99 / 5) and 2 at its p99. Every run gets {@code offset} added to every good rate so
 * replications can differ.
 */
public final class HandBuilt {
  private HandBuilt() {}

  /** Good rates by run kind and subject, then tenant. */
  private static final Map<String, Map<String, Double>> GOOD = new LinkedHashMap<>();

  static {
    GOOD.put("shared", Map.of("web-1", 80.0, "web-2", 30.0, "hog", 1.0));
    GOOD.put("alone", Map.of("web-1", 100.0, "web-2", 60.0, "hog", 2.0));
    GOOD.put("without web-1", Map.of("web-2", 45.0, "hog", 1.2));
    GOOD.put("without web-2", Map.of("web-1", 90.0, "hog", 1.5));
    GOOD.put("without hog", Map.of("web-1", 98.0, "web-2", 57.0));
    GOOD.put("without web", Map.of("hog", 1.6));
  }

  public static Scenario scenario(ReportSettings report) {
    return TestScenarios.noisy(PlatformKind.OPENVZ, report, 20);
  }

  /** The experiment with one replication (offset 0). */
  public static ExperimentResult experiment(ReportSettings report) {
    return experiment(report, new double[] {0});
  }

  /** One replication per offset; replication r adds {@code offsets[r]} to every good rate. */
  public static ExperimentResult experiment(ReportSettings report, double[] offsets) {
    ExperimentPlan plan = ExperimentPlan.of(scenario(report), offsets.length);
    List<SimulationResult> results = new ArrayList<>();
    for (PlannedRun run : plan.runs()) {
      String key =
          switch (run.kind()) {
            case SHARED -> "shared";
            case BASELINE -> "alone";
            case WITHOUT -> "without " + run.subject();
          };
      List<TenantResult> tenants = new ArrayList<>();
      for (var spec : run.scenario().tenants()) {
        double good = GOOD.get(key).get(spec.name()) + offsets[run.replication()];
        boolean shared = key.equals("shared");
        tenants.add(tenant(spec.name(), good, shared));
      }
      results.add(
          new SimulationResult(
              "noisy-test", run.scenario().seed(), 20, 2, 0.5, List.of(host()), tenants, 1000));
    }
    return plan.assemble(results);
  }

  static TenantResult tenant(String name, double good, boolean shared) {
    boolean service = name.startsWith("web");
    TenantMetrics.Latency latency = null;
    if (service) {
      double p99 = name.equals("web-1") ? (shared ? 200 : 50) : (shared ? 900 : 100);
      latency = new TenantMetrics.Latency(p99 / 4, p99 / 5, p99 / 2, p99, p99 * 2);
    }
    var metrics =
        new TenantMetrics(
            service ? good + 10 : 0,
            good,
            service ? good + 10 : good,
            service ? "requests" : "core-seconds",
            shared && service ? 3 : 0,
            0,
            latency,
            null,
            cpu(service, shared),
            new TenantMetrics.Memory(256.0 * (1 << 20), shared ? 1024 : 0, 0),
            shared && !service ? 2 : 0,
            0,
            // the hog's first refusal, 4.5 s into the run; no OOM kill
            shared && !service ? 4.5 : Double.NaN,
            Double.NaN);
    return new TenantResult(
        name,
        "node1",
        "openvz",
        service ? "service" : "cpu-hog",
        service,
        metrics,
        Series.EMPTY,
        LatencyDistribution.EMPTY,
        service ? requests(latency.p50(), latency.p99()) : LatencyHistogram.EMPTY,
        Map.of(),
        List.of(),
        name);
  }

  /**
   * A service's requests: 98 at {@code p50Ms} and 2 at {@code p99Ms}, so the 99th of 100 (its p99)
   * is {@code p99Ms}, within HdrHistogram's 0.1%.
   */
  static LatencyHistogram requests(double p50Ms, double p99Ms) {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 0; i < 98; i++) {
      recorder.record((long) (p50Ms * 1e6));
    }
    recorder.record((long) (p99Ms * 1e6));
    recorder.record((long) (p99Ms * 1e6));
    return recorder.snapshot();
  }

  /**
   * CPU figures: web tenants use 9 core-s, the hog 18; shared, everyone waits 0.25 of runnable
   * time. The hog is capped: shared it is held back 6 core-s (throttled 6 / (18 + 6 + 8) = 0.1875
   * with 8 core-s of contention), alone 2 core-s. Web tenants' wake-ups wait 0.2 ms at the median
   * and 3.5 ms at p99 shared, 0 and 0.5 ms alone; the hog's threads never sleep. No co-stop (not
   * ESXi).
   */
  static TenantMetrics.Cpu cpu(boolean service, boolean shared) {
    if (service) {
      return new TenantMetrics.Cpu(
          9,
          shared ? 0.25 : 0,
          0,
          0,
          0,
          0,
          shared ? 0.6 : 0.1,
          shared ? 0.2 : 0,
          shared ? 3.5 : 0.5);
    }
    return new TenantMetrics.Cpu(
        18, shared ? 0.25 : 0, shared ? 0.1875 : 0.1, shared ? 6 : 2, 0, 0, 0, 0, 0);
  }

  public static HostResult host() {
    return new HostResult(
        "node1",
        "openvz",
        new HostResult.Oversell(1.5, 0.375, 0.075),
        0.75,
        768.0 * (1 << 20),
        0,
        Series.EMPTY);
  }
}
