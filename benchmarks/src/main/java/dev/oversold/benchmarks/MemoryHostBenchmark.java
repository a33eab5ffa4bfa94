package dev.oversold.benchmarks;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.runtime.Simulator;
import java.util.Locale;

/**
 * Issue 15's memory speed targets: one KVM host (64 cores, 512 GiB RAM, 64 GiB swap) with 1,000 web
 * tenants for 10 simulated minutes. Case {@code fit}: plans of 512 MiB with 256 MiB working sets
 * (target: at most 30 s wall, 2 GiB RSS). Case {@code oversold}: plans of 1 GiB (1,000 GiB promised
 * on 512 GiB, 2:1) with 768 MiB working sets, so every tenant touches beyond its share of RAM
 * (target: at most 60 s wall). Each request touches 64 KiB of its working set.
 *
 * <p>Usage: {@code memory-host [fit|oversold] [simulatedSeconds=600]}. One run, no warm-up: the
 * target is what a user waits for. Prints wall time, the process's peak RSS (VmHWM) and the memory
 * figures that show the case did what it says.
 */
public final class MemoryHostBenchmark {
  private static final int TENANTS = 1000;
  private static final long MIB = OneHostBenchmark.MIB;
  private static final long GIB = OneHostBenchmark.GIB;

  private MemoryHostBenchmark() {}

  static Scenario scenario(boolean oversold, double seconds) {
    long planRam = oversold ? GIB : 512 * MIB;
    long workingSet = oversold ? 768 * MIB : 256 * MIB;
    PlanSpec plan = OneHostBenchmark.webPlan(planRam);
    WorkloadSpec service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Poisson(10),
            new WorkloadSpec.RequestSpec(
                new Distribution.Exponential(0.004), 0, 0, 20 * 1024, 64 * 1024),
            workingSet,
            32,
            SimDuration.ofSeconds(5),
            SimDuration.ofMillis(200),
            WorkloadSpec.Window.ALWAYS);
    return OneHostBenchmark.scenario(
        "memory-host-benchmark",
        "1,000 web tenants on one 512 GiB KVM host",
        PlatformKind.KVM,
        512 * GIB,
        plan,
        service,
        TENANTS,
        seconds);
  }

  public static void main(String[] args) {
    boolean oversold = args.length > 0 && args[0].equals("oversold");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 600;
    Scenario scenario = scenario(oversold, seconds);
    long begin = System.nanoTime();
    SimulationResult result = Simulator.run(scenario);
    double wall = (System.nanoTime() - begin) / 1e9;
    double faults = 0;
    for (TenantResult tenant : result.tenants()) {
      faults += tenant.metrics().memory().majorFaults();
    }
    System.out.printf(
        Locale.ROOT,
        "memory-host %s: %d tenants, %.0f simulated s: %.1f s wall (target %d s), peak RSS %s"
            + " (target 2 GiB); %.2fM events; major faults %.0f; good %.0f/s of %.0f/s;"
            + " worst p99 %.1f ms%n",
        oversold ? "oversold" : "fit",
        TENANTS,
        seconds,
        wall,
        oversold ? 60 : 30,
        OneHostBenchmark.peakRss(),
        result.eventsRun() / 1e6,
        faults,
        OneHostBenchmark.totalGoodPerSecond(result),
        10.0 * TENANTS,
        OneHostBenchmark.worstP99Ms(result));
  }
}
