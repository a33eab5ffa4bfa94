package dev.oversold.core.workload;

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
import java.util.List;

/** Scenarios built in code for workload tests: one host, plans without limits unless asked. */
final class TestScenarios {
  static final long GIB = 1L << 30;
  static final long MIB = 1L << 20;

  /** Disk of the test host: 20,000 IOPS, 500 MB/s, 100 us per operation when idle. */
  static final HostSpec.Disk DISK = new HostSpec.Disk(20_000, 500e6, SimDuration.ofMicros(100));

  /** NIC of the test host: 1 Gbit/s = 125e6 B/s, 50 us latency. */
  static final HostSpec.Network NIC = new HostSpec.Network(125e6, SimDuration.ofMicros(50));

  private TestScenarios() {}

  static HostSpec host(PlatformKind platform, int cores) {
    return new HostSpec(
        "h1",
        platform,
        new HostSpec.Cpu(cores, 1.0),
        new HostSpec.Memory(256 * GIB, 0),
        DISK,
        NIC,
        KnobValues.NONE);
  }

  static PlanSpec plan(int vcpus) {
    return plan(vcpus, GIB, GIB, 256, Double.POSITIVE_INFINITY);
  }

  static PlanSpec plan(
      int vcpus, long ramBytes, long swapBytes, int processLimit, double networkLimit) {
    return new PlanSpec(
        "p" + vcpus,
        vcpus,
        new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
        new PlanSpec.Memory(ramBytes, swapBytes),
        new PlanSpec.Disk(20 * GIB, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0),
        new PlanSpec.Network(networkLimit),
        processLimit,
        KnobValues.NONE);
  }

  static TenantSpec tenant(String name, PlanSpec plan, WorkloadSpec workload) {
    return new TenantSpec(name, "h1", plan, workload);
  }

  static Scenario scenario(
      long seed,
      double durationSeconds,
      double warmupSeconds,
      HostSpec host,
      TenantSpec... tenants) {
    long duration = Math.round(durationSeconds * 1e9);
    return new Scenario(
        "test",
        "",
        seed,
        SimDuration.ofNanos(duration),
        SimDuration.ofNanos(Math.round(warmupSeconds * 1e9)),
        SimDuration.ofNanos(Math.max(1, duration / 10)),
        List.of(host),
        List.of(tenants),
        ReportSettings.DEFAULT);
  }

  /** A CPU-only service: no disk, network or memory work per request. */
  static WorkloadSpec.Service cpuService(
      ArrivalSpec arrivals, Distribution cpuSeconds, int workers, SimDuration timeout) {
    return new WorkloadSpec.Service(
        arrivals,
        new WorkloadSpec.RequestSpec(cpuSeconds, 0, 0, 0, 0),
        0,
        workers,
        timeout,
        SimDuration.ofSeconds(1),
        WorkloadSpec.Window.ALWAYS);
  }

  static WorkloadSpec.Window window(double startSeconds, double stopSeconds) {
    return new WorkloadSpec.Window(
        SimDuration.ofNanos(Math.round(startSeconds * 1e9)),
        SimDuration.ofNanos(Math.round(stopSeconds * 1e9)));
  }
}
