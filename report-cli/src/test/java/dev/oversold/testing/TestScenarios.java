package dev.oversold.testing;

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
import dev.oversold.core.platform.Platforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small scenarios built in code, so report and CLI tests need no scenario loader. */
public final class TestScenarios {
  private TestScenarios() {}

  public static HostSpec host(PlatformKind platform, int cores) {
    return host("node1", platform, cores);
  }

  public static HostSpec host(String name, PlatformKind platform, int cores) {
    return new HostSpec(
        name,
        platform,
        new HostSpec.Cpu(cores, 1.0),
        new HostSpec.Memory(8L << 30, 2L << 30),
        new HostSpec.Disk(20_000, 500e6, SimDuration.ofMicros(100)),
        new HostSpec.Network(125e6, SimDuration.ofMicros(50)),
        Platforms.defaultOptions(platform));
  }

  public static PlanSpec plan() {
    return new PlanSpec(
        "small",
        1,
        new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
        new PlanSpec.Memory(1L << 30, 1L << 30),
        new PlanSpec.Disk(20L << 30, 500, 50e6, 1.0),
        new PlanSpec.Network(12.5e6),
        256,
        KnobValues.NONE);
  }

  public static WorkloadSpec service(double ratePerSecond, long cpuMillis) {
    return new WorkloadSpec.Service(
        new ArrivalSpec.Poisson(ratePerSecond),
        new WorkloadSpec.RequestSpec(
            new Distribution.Exponential(cpuMillis / 1000.0), 0, 0, 20 << 10, 0),
        256L << 20,
        16,
        SimDuration.ofSeconds(5),
        SimDuration.ofMillis(100),
        WorkloadSpec.Window.ALWAYS);
  }

  public static WorkloadSpec hog(int threads, long startSeconds) {
    return new WorkloadSpec.CpuHog(
        threads,
        new WorkloadSpec.Window(
            SimDuration.ofSeconds(startSeconds), WorkloadSpec.Window.ALWAYS.stop()));
  }

  /**
   * Two web services at 60 % of a core each and a CPU hog with two threads on a 2-core OpenVZ host:
   * the hog takes CPU from the services once it starts at 4 s.
   */
  public static Scenario noisy() {
    return noisy(PlatformKind.OPENVZ, ReportSettings.DEFAULT, 20);
  }

  public static Scenario noisy(PlatformKind platform, ReportSettings report, long seconds) {
    List<TenantSpec> tenants = new ArrayList<>();
    tenants.add(new TenantSpec("web-1", "node1", plan(), service(60, 10)));
    tenants.add(new TenantSpec("web-2", "node1", plan(), service(60, 10)));
    tenants.add(new TenantSpec("hog", "node1", plan(), hog(2, 4)));
    return new Scenario(
        "noisy-test",
        "test scenario",
        7,
        SimDuration.ofSeconds(seconds),
        SimDuration.ofSeconds(2),
        SimDuration.ofMillis(500),
        List.of(host(platform, 2)),
        tenants,
        report);
  }

  /** node1: web-1 and the hog on one core; node2: web-2 alone on one core. */
  public static Scenario twoHosts() {
    List<TenantSpec> tenants = new ArrayList<>();
    tenants.add(new TenantSpec("web-1", "node1", plan(), service(40, 10)));
    tenants.add(new TenantSpec("web-2", "node2", plan(), service(40, 10)));
    tenants.add(new TenantSpec("hog", "node1", plan(), hog(1, 2)));
    return new Scenario(
        "two-hosts",
        "",
        11,
        SimDuration.ofSeconds(10),
        SimDuration.ofSeconds(1),
        SimDuration.ofMillis(500),
        List.of(host("node1", PlatformKind.KVM, 1), host("node2", PlatformKind.KVM, 1)),
        tenants,
        ReportSettings.DEFAULT);
  }

  public static ReportSettings groups(Map<String, String> groups) {
    return new ReportSettings(
        ReportSettings.Baseline.ISOLATED, ReportSettings.Interference.GROUPS, groups);
  }
}
