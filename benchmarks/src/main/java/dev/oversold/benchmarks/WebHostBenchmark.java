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
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.runtime.Simulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulated requests per wall-clock second for one oversold host full of web tenants: a 64-core KVM
 * host (speed 1.0, 1.5 TiB RAM, 10 Gbit/s NIC) with 1,000 tenants of 1 vCPU and 1 GiB, each a
 * service with Poisson arrivals, exponential CPU demand of 4 ms, 20 KiB responses, 32 workers, 5 s
 * timeout and a 200 ms SLO. At 20 requests/s per tenant the CPU demand is 1,000 * 20 * 4 ms = 80
 * cores on 64 (oversold 1.25x, overloaded); at 10/s it is 40 cores (62%).
 *
 * <p>Usage: {@code WebHostBenchmark [ratePerTenant=20] [simulatedSeconds=60] [runs=3]}. One untimed
 * warm-up run, then {@code runs} timed runs; prints each and the median.
 */
public final class WebHostBenchmark {
  private static final int TENANTS = 1000;
  private static final long GIB = 1L << 30;

  /**
   * CPU time of the simulating thread: on a machine shared with other processes, requests per CPU
   * second of that thread is a steadier figure than per wall-clock second.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private WebHostBenchmark() {}

  static Scenario scenario(double ratePerTenant, double seconds) {
    PlanSpec plan = plan();
    WorkloadSpec service = service(ratePerTenant);
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 1; i <= TENANTS; i++) {
      tenants.add(new TenantSpec("web-" + i, "node1", plan, service));
    }
    long nanos = Math.round(seconds * 1e9);
    return new Scenario(
        "web-host-benchmark",
        "1,000 web tenants on one 64-core KVM host",
        1,
        SimDuration.ofNanos(nanos),
        SimDuration.ZERO,
        SimDuration.ofSeconds(1),
        List.of(host("node1")),
        tenants,
        ReportSettings.DEFAULT);
  }

  /** The 64-core KVM host. */
  static HostSpec host(String name) {
    return new HostSpec(
        name,
        PlatformKind.KVM,
        new HostSpec.Cpu(64, 1.0),
        new HostSpec.Memory(1536 * GIB, 64 * GIB),
        new HostSpec.Disk(100_000, 2e9, SimDuration.ofMicros(100)),
        new HostSpec.Network(1.25e9, SimDuration.ofMicros(50)),
        KnobValues.NONE);
  }

  /** 1 vCPU, 1 GiB RAM + 1 GiB swap, 100 Mbit/s. */
  static PlanSpec plan() {
    return new PlanSpec(
        "web",
        1,
        new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
        new PlanSpec.Memory(GIB, GIB),
        new PlanSpec.Disk(20 * GIB, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0),
        new PlanSpec.Network(12.5e6),
        256,
        KnobValues.NONE);
  }

  /** Poisson arrivals, 4 ms exponential CPU, 20 KiB responses, 32 workers, 200 ms SLO. */
  static WorkloadSpec service(double ratePerTenant) {
    return new WorkloadSpec.Service(
        new ArrivalSpec.Poisson(ratePerTenant),
        new WorkloadSpec.RequestSpec(new Distribution.Exponential(0.004), 0, 0, 20 * 1024, 0),
        256L << 20,
        32,
        SimDuration.ofSeconds(5),
        SimDuration.ofMillis(200),
        WorkloadSpec.Window.ALWAYS);
  }

  /** Requests that finished (completed or failed) in the run. */
  static double requests(SimulationResult result) {
    double total = 0;
    for (TenantResult tenant : result.tenants()) {
      total += tenant.metrics().throughputPerSecond() * result.durationSeconds();
      total += tenant.metrics().failed();
    }
    return total;
  }

  public static void main(String[] args) {
    double rate = args.length > 0 ? Double.parseDouble(args[0]) : 20;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 60;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Scenario scenario = scenario(rate, seconds);
    System.out.printf(
        Locale.ROOT,
        "%d tenants, %.0f req/s each, %.0f simulated s, 64-core KVM host%n",
        TENANTS,
        rate,
        seconds);
    Simulator.run(scenario); // warm-up: JIT compilation
    double[] perSecond = new double[runs];
    double[] perCpuSecond = new double[runs];
    for (int r = 0; r < runs; r++) {
      long begin = System.nanoTime();
      long cpuBegin = THREADS.getCurrentThreadCpuTime();
      SimulationResult result = Simulator.run(scenario);
      double wall = (System.nanoTime() - begin) / 1e9;
      double cpu = (THREADS.getCurrentThreadCpuTime() - cpuBegin) / 1e9;
      perCpuSecond[r] = requests(result) / cpu;
      double requests = requests(result);
      perSecond[r] = requests / wall;
      double good = 0;
      for (TenantResult tenant : result.tenants()) {
        good += tenant.metrics().goodPerSecond();
      }
      System.out.printf(
          Locale.ROOT,
          "run %d: %.0f requests, %.2f s wall (%.2f s thread cpu), %.0f requests/s wall,"
              + " %.0f requests/s cpu, %.2fM events/s wall, host cpu %.3f,"
              + " good %.0f/s of %.0f/s offered%n",
          r + 1,
          requests,
          wall,
          cpu,
          perSecond[r],
          perCpuSecond[r],
          result.eventsRun() / wall / 1e6,
          result.hosts().get(0).cpuUtilization(),
          good,
          rate * TENANTS);
    }
    java.util.Arrays.sort(perSecond);
    java.util.Arrays.sort(perCpuSecond);
    // The best run is the least disturbed by other processes on a shared machine.
    System.out.printf(
        Locale.ROOT,
        "median: %.0f, best: %.0f simulated requests per wall-clock second;"
            + " median %.0f per CPU second of the simulating thread%n",
        perSecond[runs / 2],
        perSecond[runs - 1],
        perCpuSecond[runs / 2]);
  }
}
