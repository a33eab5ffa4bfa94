package dev.oversold.benchmarks;

import dev.oversold.core.engine.SimDuration;
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
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the one-host speed benchmarks (memory-host, network-host, disk-host) share: a 64-core host
 * with a fast disk and a 10 GbE NIC carrying {@code web-1 .. web-n} on one 1-vCPU plan, and the
 * figures that show a run did what it says.
 */
final class OneHostBenchmark {
  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;

  private OneHostBenchmark() {}

  /** A 1-vCPU web plan with {@code ramBytes} of RAM (and as much swap), 20 GiB, 100 Mbit/s. */
  static PlanSpec webPlan(long ramBytes) {
    return new PlanSpec(
        "web",
        1,
        new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
        new PlanSpec.Memory(ramBytes, ramBytes),
        new PlanSpec.Disk(20 * GIB, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0),
        new PlanSpec.Network(12.5e6),
        256,
        KnobValues.NONE);
  }

  /**
   * {@code tenants} copies of {@code service} on {@code plan}, on one host {@code node1} (64 cores,
   * {@code ramBytes} of RAM and 64 GiB of swap, 100,000 IOPS / 2 GB/s / 100 us, 10 Gbit/s / 50 us),
   * run for {@code seconds} with no warm-up.
   */
  static Scenario scenario(
      String name,
      String description,
      PlatformKind platform,
      long ramBytes,
      PlanSpec plan,
      WorkloadSpec service,
      int tenants,
      double seconds) {
    List<TenantSpec> specs = new ArrayList<>();
    for (int i = 1; i <= tenants; i++) {
      specs.add(new TenantSpec("web-" + i, "node1", plan, service));
    }
    HostSpec host =
        new HostSpec(
            "node1",
            platform,
            new HostSpec.Cpu(64, 1.0),
            new HostSpec.Memory(ramBytes, 64 * GIB),
            new HostSpec.Disk(100_000, 2e9, SimDuration.ofMicros(100)),
            new HostSpec.Network(1.25e9, SimDuration.ofMicros(50)),
            KnobValues.NONE);
    return new Scenario(
        name,
        description,
        1,
        SimDuration.ofNanos(Math.round(seconds * 1e9)),
        SimDuration.ZERO,
        SimDuration.ofSeconds(1),
        List.of(host),
        specs,
        ReportSettings.DEFAULT);
  }

  /** One timed run: its result, wall time and CPU of the simulating thread and the process, s. */
  record Timed(SimulationResult result, double wall, double threadCpu, double processCpu) {}

  /** Runs {@code scenario} on this thread, timing it. */
  static Timed run(Scenario scenario) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long begin = System.nanoTime();
    long threadCpuBegin = threads.getCurrentThreadCpuTime();
    SimulationResult result = Simulator.run(scenario);
    double wall = (System.nanoTime() - begin) / 1e9;
    double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpuBegin) / 1e9;
    double processCpu =
        ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
    return new Timed(result, wall, threadCpu, processCpu);
  }

  /**
   * Prints the one-line summary every one-host benchmark ends with: timing, events, peak RSS
   * against the issues' targets (30 s wall, 2 GiB), then the busiest resource ({@code busyLabel} at
   * {@code busyPercent}) and the good rate against the rate offered.
   */
  static void printSummary(
      String name,
      PlatformKind platform,
      int tenants,
      double seconds,
      Timed timed,
      String busyLabel,
      double busyPercent,
      double offeredPerSecond) {
    SimulationResult result = timed.result();
    System.out.printf(
        Locale.ROOT,
        "%s %s: %d tenants, %.0f simulated s: %.1f s wall (target 30 s),"
            + " %.1f s CPU of the simulating thread, %.1f s CPU of the process;"
            + " %.2fM events, %.2fM events/s wall; peak RSS %s (target 2 GiB);"
            + " %s busy %.1f %%, good %.0f/s of %.0f/s, worst p99 %.1f ms%n",
        name,
        platform.id(),
        tenants,
        seconds,
        timed.wall(),
        timed.threadCpu(),
        timed.processCpu(),
        result.eventsRun() / 1e6,
        result.eventsRun() / timed.wall() / 1e6,
        peakRss(),
        busyLabel,
        busyPercent,
        totalGoodPerSecond(result),
        offeredPerSecond,
        worstP99Ms(result));
  }

  /** Good responses per second over every tenant. */
  static double totalGoodPerSecond(SimulationResult result) {
    double good = 0;
    for (TenantResult tenant : result.tenants()) {
      good += tenant.metrics().goodPerSecond();
    }
    return good;
  }

  /** The largest p99 of any tenant, in ms (0 when none completed a request). */
  static double worstP99Ms(SimulationResult result) {
    double p99 = 0;
    for (TenantResult tenant : result.tenants()) {
      var latency = tenant.metrics().latencyMs();
      p99 = Math.max(p99, latency == null ? 0 : latency.p99());
    }
    return p99;
  }

  /** The process's peak resident set (VmHWM in /proc/self/status), or "n/a" off Linux. */
  static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.2f GiB", kib / (1024.0 * 1024.0));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "n/a";
    }
    return "n/a";
  }
}
