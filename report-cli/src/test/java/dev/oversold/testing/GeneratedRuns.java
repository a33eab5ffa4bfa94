package dev.oversold.testing;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.Series;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.PlannedRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Experiments over {@link HandBuilt}'s scenario (web-1 and web-2 services, a cpu-hog; 20 s with 2 s
 * warm-up) whose figures a property chooses per run and tenant, for checks that must hold whatever
 * the simulator measured.
 */
public final class GeneratedRuns {
  private GeneratedRuns() {}

  /** The figures of one tenant in one run. */
  public interface Figures {
    /**
     * The tenant's figures in one run.
     *
     * @param run the run: {@code shared}, {@code alone} or {@code without <member>}
     * @param replication the replication index
     * @param tenant the tenant's name
     */
    TenantMetrics of(String run, int replication, String tenant);
  }

  public static ExperimentResult experiment(
      ReportSettings report, int replications, Figures figures) {
    ExperimentPlan plan = ExperimentPlan.of(HandBuilt.scenario(report), replications);
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
        boolean service = spec.name().startsWith("web");
        tenants.add(
            new TenantResult(
                spec.name(),
                "node1",
                "openvz",
                service ? "service" : "cpu-hog",
                service,
                figures.of(key, run.replication(), spec.name()),
                Series.EMPTY,
                LatencyDistribution.EMPTY));
      }
      results.add(
          new SimulationResult(
              "noisy-test",
              run.scenario().seed(),
              20,
              2,
              0.5,
              List.of(HandBuilt.host()),
              tenants,
              1000));
    }
    return plan.assemble(results);
  }

  /**
   * A service's figures as the core reports them: {@code completedPerS} requests per second, of
   * which {@code goodShare} within the SLO, latencies from {@code p99Ms} (all zero when nothing
   * completed, as the core writes them), {@code cpuS} core-seconds used.
   */
  public static TenantMetrics service(
      double completedPerS, double goodShare, double p99Ms, double cpuS) {
    double p99 = completedPerS > 0 ? p99Ms : 0;
    return new TenantMetrics(
        completedPerS,
        completedPerS * goodShare,
        completedPerS,
        "requests",
        0,
        0,
        new TenantMetrics.Latency(p99 / 4, p99 / 5, p99 / 2, p99, p99 * 2),
        null,
        new TenantMetrics.Cpu(cpuS, 0),
        new TenantMetrics.Memory(1 << 20, 0, 0),
        0,
        0,
        Double.NaN,
        Double.NaN);
  }

  /** A cpu-hog's figures: no completions, {@code coresPerS} core-seconds of progress per second. */
  public static TenantMetrics hog(double coresPerS, double cpuS) {
    return new TenantMetrics(
        0,
        coresPerS,
        coresPerS,
        "core-seconds",
        0,
        0,
        null,
        null,
        new TenantMetrics.Cpu(cpuS, 0),
        new TenantMetrics.Memory(1 << 20, 0, 0),
        0,
        0,
        Double.NaN,
        Double.NaN);
  }
}
