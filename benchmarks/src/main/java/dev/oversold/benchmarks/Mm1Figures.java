package dev.oversold.benchmarks;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.runtime.Simulator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The M/M/1 check as figures: one service tenant (Poisson 50/s, exponential 10 ms of CPU, one
 * worker, 1 vCPU) on a 4-core bare-metal host, R independent replications (seeds 1000..), each
 * {@code seconds} long after a 20 s warm-up. Prints the simulated mean and quantiles of the sojourn
 * time with 95% t-intervals over replications against M/M/1 theory (exponential with rate mu -
 * lambda = 50/s).
 *
 * <p>Usage: {@code Mm1Figures [replications=30] [seconds=1000]}.
 */
public final class Mm1Figures {
  private Mm1Figures() {}

  static TenantMetrics run(long seed, double seconds) {
    var host =
        new HostSpec(
            "h1",
            PlatformKind.BARE_METAL,
            new HostSpec.Cpu(4, 1.0),
            new HostSpec.Memory(16L << 30, 0),
            new HostSpec.Disk(20_000, 500e6, SimDuration.ofMicros(100)),
            new HostSpec.Network(125e6, SimDuration.ofMicros(50)),
            KnobValues.NONE);
    var plan =
        new PlanSpec(
            "one",
            1,
            new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
            new PlanSpec.Memory(1L << 30, 0),
            new PlanSpec.Disk(1L << 30, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0),
            new PlanSpec.Network(Double.POSITIVE_INFINITY),
            64,
            KnobValues.NONE);
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Poisson(50),
            new WorkloadSpec.RequestSpec(new Distribution.Exponential(0.010), 0, 0, 0, 0),
            0,
            1,
            SimDuration.ofSeconds(3600),
            SimDuration.ofSeconds(1),
            WorkloadSpec.Window.ALWAYS);
    var scenario =
        new Scenario(
            "mm1",
            "",
            seed,
            SimDuration.ofNanos(Math.round((seconds + 20) * 1e9)),
            SimDuration.ofSeconds(20),
            SimDuration.ofSeconds(10),
            List.of(host),
            List.of(new TenantSpec("web", "h1", plan, service)),
            ReportSettings.DEFAULT);
    return Simulator.run(scenario).tenants().get(0).metrics();
  }

  private static void print(
      String name, double theory, TenantMetrics[] runs, ToDoubleFunction<TenantMetrics> value) {
    SummaryStatistics stats = new SummaryStatistics();
    for (TenantMetrics m : runs) {
      stats.addValue(value.applyAsDouble(m));
    }
    double t = new TDistribution(runs.length - 1).inverseCumulativeProbability(0.975);
    double half = t * stats.getStandardDeviation() / Math.sqrt(runs.length);
    System.out.printf(
        Locale.ROOT,
        "%-10s theory %8.3f   simulated %8.3f +- %.3f (95%% CI)   %s%n",
        name,
        theory,
        stats.getMean(),
        half,
        Math.abs(stats.getMean() - theory) <= half ? "inside" : "OUTSIDE");
  }

  public static void main(String[] args) {
    int replications = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
    TenantMetrics[] runs = new TenantMetrics[replications];
    long begin = System.nanoTime();
    for (int i = 0; i < replications; i++) {
      runs[i] = run(1000 + i, seconds);
    }
    double wall = (System.nanoTime() - begin) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "M/M/1, lambda 50/s, mu 100/s; %d replications of %.0f s (%.1f s wall)%n",
        replications,
        seconds,
        wall);
    double rate = 50; // mu - lambda, per second
    print("mean ms", 1000 / rate, runs, m -> m.latencyMs().mean());
    print("p50 ms", 1000 * Math.log(2) / rate, runs, m -> m.latencyMs().p50());
    print("p95 ms", 1000 * Math.log(20) / rate, runs, m -> m.latencyMs().p95());
    print("p99 ms", 1000 * Math.log(100) / rate, runs, m -> m.latencyMs().p99());
    print("X /s", 50, runs, TenantMetrics::throughputPerSecond);
  }
}
