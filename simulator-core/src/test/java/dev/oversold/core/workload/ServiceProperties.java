package dev.oversold.core.workload;

import static dev.oversold.core.workload.TestScenarios.host;
import static dev.oversold.core.workload.TestScenarios.plan;
import static dev.oversold.core.workload.TestScenarios.scenario;
import static dev.oversold.core.workload.TestScenarios.tenant;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.runtime.Simulator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Invariants of the service workload that hold for any load. */
final class ServiceProperties {

  @Provide
  Arbitrary<ArrivalSpec> openArrivals() {
    Arbitrary<ArrivalSpec> poisson =
        Arbitraries.doubles().between(5, 80).map(ArrivalSpec.Poisson::new);
    Arbitrary<ArrivalSpec> onOff =
        Arbitraries.doubles()
            .between(10, 120)
            .map(
                rate ->
                    new ArrivalSpec.OnOff(
                        rate, rate / 10, SimDuration.ofMillis(500), SimDuration.ofMillis(1500)));
    Arbitrary<ArrivalSpec> periodic =
        Arbitraries.doubles()
            .between(5, 60)
            .map(
                rate ->
                    new ArrivalSpec.Periodic(
                        rate, List.of(0.5, 1.5, 1.0, 0.2), SimDuration.ofSeconds(8)));
    return Arbitraries.oneOf(poisson, onOff, periodic);
  }

  /**
   * Little's law L = lambda W: the time-average number of requests in the system equals the
   * throughput times the mean sojourn time, on any stable run (only requests straddling the ends of
   * the window make the two sides differ, by O(L W / T)).
   */
  @Property(tries = 60)
  void littlesLaw_holdsOnSteadyRuns(
      @ForAll("openArrivals") ArrivalSpec arrivals,
      @ForAll @Scale(6) @DoubleRange(min = 0.002, max = 0.02) double meanCpu,
      @ForAll @IntRange(min = 1, max = 4) int workers,
      @ForAll @IntRange(min = 1, max = 4) int vcpus,
      @ForAll @IntRange(min = 0, max = 3) int reads,
      @ForAll long seed) {
    int servers = Math.min(workers, vcpus);
    double peakRate =
        arrivals instanceof ArrivalSpec.OnOff onOff
            ? onOff.onRatePerSecond()
            : arrivals.meanRatePerSecond() * 1.5;
    Assume.that(arrivals.meanRatePerSecond() * meanCpu / servers < 0.8);
    Assume.that(peakRate * meanCpu / servers < 2.0);
    var service =
        new WorkloadSpec.Service(
            arrivals,
            new WorkloadSpec.RequestSpec(
                new Distribution.Exponential(meanCpu), reads, 0.5, 20_000, 0),
            0,
            workers,
            SimDuration.ofSeconds(3600),
            SimDuration.ofMillis(100),
            WorkloadSpec.Window.ALWAYS);
    // Disk 1 ms per operation, network 8 ns per byte (125 MB/s).
    FakeTenant tenant =
        new FakeTenant(seed, vcpus, 1.0, 10 * SimTime.SECOND, 1_000_000, 8, Long.MAX_VALUE, 100);
    new ServiceWorkload(service).start(tenant);
    long end = 410 * SimTime.SECOND;
    tenant.simulation.runUntil(end);
    double seconds = 400;
    double throughput = tenant.recorder.completed() / seconds;
    double w = tenant.recorder.latency().meanMillis() / 1000;
    double l = tenant.recorder.meanRequestsInSystem();
    double littles = throughput * w;
    if (Math.abs(l - littles) > 0.03 * l + 0.002) {
      throw new AssertionError("L " + l + " but lambda W " + littles);
    }
  }

  /**
   * No request completes before its demand could be served: with constant demands every latency is
   * at least the CPU work at the core's speed plus its fixed disk and network delays.
   */
  @Property(tries = 60)
  void noRequest_completesBeforeItsDemand(
      @ForAll @Scale(6) @DoubleRange(min = 0.0005, max = 0.05) double cpu,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 3.0) double speed,
      @ForAll @Scale(6) @DoubleRange(min = 1, max = 200) double rate,
      @ForAll @IntRange(min = 1, max = 8) int workers,
      @ForAll @IntRange(min = 1, max = 4) int vcpus,
      @ForAll @IntRange(min = 0, max = 100_000) int networkBytes,
      @ForAll long seed) {
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Poisson(rate),
            new WorkloadSpec.RequestSpec(new Distribution.Constant(cpu), 0, 0, networkBytes, 4096),
            0,
            workers,
            SimDuration.ofSeconds(2),
            SimDuration.ofMillis(100),
            WorkloadSpec.Window.ALWAYS);
    FakeTenant tenant = new FakeTenant(seed, vcpus, speed, 0, 1_000_000, 8, Long.MAX_VALUE, 100);
    new ServiceWorkload(service).start(tenant);
    tenant.simulation.runUntil(20 * SimTime.SECOND);
    Assume.that(tenant.recorder.completed() > 0);
    // CPU at one thread's speed; network at 8 ns per byte; rounding to whole nanoseconds.
    double floorMillis = cpu / speed * 1000 + networkBytes * 8e-6 - 1e-5;
    double min = tenant.recorder.latency().minMillis();
    if (min < floorMillis) {
      throw new AssertionError("completed in " + min + " ms, demand needs " + floorMillis);
    }
  }

  /**
   * The same scenario and seed give the same metrics, whatever the platform, with every workload
   * kind on the host (which also shows every kind runs on every platform).
   */
  @Property(tries = 12)
  void sameSeed_givesSameMetrics(@ForAll PlatformKind platform, @ForAll long seed) {
    var web =
        new WorkloadSpec.Service(
            new ArrivalSpec.OnOff(80, 10, SimDuration.ofMillis(300), SimDuration.ofMillis(700)),
            new WorkloadSpec.RequestSpec(
                new Distribution.Lognormal(0.004, 0.006), 1.5, 0.5, 20_000, 1 << 20),
            64L << 20,
            8,
            SimDuration.ofSeconds(1),
            SimDuration.ofMillis(50),
            WorkloadSpec.Window.ALWAYS);
    var closed =
        TestScenarios.cpuService(
            new ArrivalSpec.Closed(5, new Distribution.Uniform(0.01, 0.2)),
            new Distribution.Exponential(0.01),
            2,
            SimDuration.ofSeconds(1));
    var batch =
        new WorkloadSpec.Batch(
            new WorkloadSpec.JobDistribution(20, new Distribution.Uniform(0.1, 2), 2),
            WorkloadSpec.Window.ALWAYS);
    var scenario =
        scenario(
            seed,
            12,
            2,
            host(platform, 2),
            tenant("web", plan(1), web),
            tenant("closed", plan(2), closed),
            tenant("batch", plan(2), batch),
            tenant("hog", plan(1), new WorkloadSpec.CpuHog(2, TestScenarios.window(3, 9))),
            tenant(
                "disk",
                plan(1),
                new WorkloadSpec.DiskHog(
                    2, WorkloadSpec.DiskPattern.RANDOM_READ, 4096, WorkloadSpec.Window.ALWAYS)),
            tenant(
                "net",
                plan(1),
                new WorkloadSpec.NetFlood(
                    WorkloadSpec.Direction.TRANSMIT, 50e6, 1500, WorkloadSpec.Window.ALWAYS)),
            tenant(
                "mem",
                plan(1),
                new WorkloadSpec.MemoryBomb(
                    300.0 * TestScenarios.MIB, TestScenarios.window(2, 10))),
            tenant(
                "fork",
                plan(1),
                new WorkloadSpec.ForkBomb(50, 4 * TestScenarios.MIB, WorkloadSpec.Window.ALWAYS)),
            tenant("idle", plan(1), new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS)));
    List<TenantResult> first = Simulator.run(scenario).tenants();
    List<TenantResult> second = Simulator.run(scenario).tenants();
    for (int i = 0; i < first.size(); i++) {
      if (!first.get(i).metrics().equals(second.get(i).metrics())) {
        throw new AssertionError(first.get(i).metrics() + " != " + second.get(i).metrics());
      }
    }
  }
}
