package dev.oversold.core.workload;

import static dev.oversold.core.workload.TestScenarios.GIB;
import static dev.oversold.core.workload.TestScenarios.MIB;
import static dev.oversold.core.workload.TestScenarios.host;
import static dev.oversold.core.workload.TestScenarios.plan;
import static dev.oversold.core.workload.TestScenarios.scenario;
import static dev.oversold.core.workload.TestScenarios.tenant;
import static dev.oversold.core.workload.TestScenarios.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.runtime.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each noisy neighbour, alone on a host, drives its own resource to saturation. Disk and network
 * cases run on bare metal, the reference without virtualization overhead, so the device's own
 * capacity is the target.
 */
final class NoisyNeighbourTest {
  private static TenantMetrics alone(
      PlatformKind platform, int cores, PlanSpec plan, WorkloadSpec workload, double seconds) {
    return alone(platform, cores, plan, workload, seconds, 0);
  }

  private static TenantMetrics alone(
      PlatformKind platform,
      int cores,
      PlanSpec plan,
      WorkloadSpec workload,
      double seconds,
      double warmup) {
    var scenario =
        scenario(11, seconds, warmup, host(platform, cores), tenant("bully", plan, workload));
    return Simulator.run(scenario).tenants().get(0).metrics();
  }

  @ParameterizedTest
  @MethodSource("dev.oversold.core.platform.Platforms#kinds")
  void cpuHog_keepsEveryVcpuBusy(PlatformKind platform) {
    // 6 spinning threads on a 4-vCPU tenant of an 8-core host: all 4 vCPUs run all the time,
    // 4 core-seconds per second for 20 s = 80 core-seconds, with nothing to steal them (the
    // other 4 cores leave room for any host-side work a platform models).
    var m = alone(platform, 8, plan(4), new WorkloadSpec.CpuHog(6, WorkloadSpec.Window.ALWAYS), 20);
    assertEquals(80.0, m.cpu().usedCoreSeconds(), 0.005 * 80);
    assertEquals(0.0, m.cpu().stealFraction(), 0.005);
    assertEquals("core-seconds", m.progressUnit());
    // Useful work is below allocation by the VM overhead but not more than 5%.
    assertTrue(m.progressPerSecond() > 0.95 * 4 && m.progressPerSecond() <= 4.0);
  }

  @Test
  void cpuHog_usesNothingOutsideItsWindow() {
    // Runs from 1 s to 3 s with 2 threads on a dedicated 2-vCPU tenant: 2 * 2 = 4 core-seconds.
    var m =
        alone(PlatformKind.BARE_METAL, 4, plan(2), new WorkloadSpec.CpuHog(2, window(1, 3)), 10);
    assertEquals(4.0, m.cpu().usedCoreSeconds(), 1e-6);
  }

  @Test
  void diskHog_sequentialReadsRunAtDeviceBandwidth() {
    // 4 threads of 1 MiB sequential reads on a 500 MB/s disk. Each run of operations ends with
    // the device's 100 us idle latency, during which a thread has nothing queued; with 4
    // staggered threads another thread keeps the device busy, so throughput is within 3% of
    // the bandwidth and never above it.
    var m =
        alone(
            PlatformKind.BARE_METAL,
            4,
            plan(1),
            new WorkloadSpec.DiskHog(
                4, WorkloadSpec.DiskPattern.SEQUENTIAL_READ, MIB, WorkloadSpec.Window.ALWAYS),
            20);
    assertEquals("bytes", m.progressUnit());
    assertTrue(m.progressPerSecond() <= 500e6 * (1 + 1e-9), "above bandwidth");
    assertTrue(m.progressPerSecond() >= 0.97 * 500e6, "bytes/s " + m.progressPerSecond());
  }

  @Test
  void diskHog_randomWritesRunAtDeviceIops() {
    // 16 threads of random 4 KiB writes on a 20,000 IOPS disk: operations per second near the
    // device's IOPS. On OpenVZ writes are buffered in the shared page cache of a
    // 2.6.32 kernel: the first instant fills it to the writer's own limit (the dirty threshold
    // less 1/8 of it) at no device cost, after which every write past that limit first writes
    // back 1.5 x 4 MiB itself, so writers are released only as fast as writeback drains. The 1 s
    // warm-up leaves that fill out, so the measured rate is the device's. (Re-derived when dirty
    // throttling came in: this ran on bare metal, which now stands for a modern kernel whose
    // IO-less throttle lets writers dirty faster than the device while the level rises from the
    // free-run ceiling to the setpoint, 6.4 GiB on this 256 GiB host: minutes, not 19 s.)
    var m =
        alone(
            PlatformKind.OPENVZ,
            4,
            plan(1),
            new WorkloadSpec.DiskHog(
                16, WorkloadSpec.DiskPattern.RANDOM_WRITE, 4096, WorkloadSpec.Window.ALWAYS),
            20,
            1);
    // Upper bound: the device's IOPS plus what the cache can absorb over the 19 s measured: the
    // level moves between the limit and at most each of the 16 threads' own writeback (6 MiB =
    // 1,536 pages) below it, so by 16 x 1,536 pages / 19 s = 1,293.5 ops/s at most. (Before
    // dirty throttling writers were released page for page as writeback completed and the bound
    // was the IOPS alone; measured now: 20,048.8.)
    double absorbed = 16 * 1536 / 19.0;
    assertTrue(
        m.throughputPerSecond() <= 20_000 + absorbed, "above iops " + m.throughputPerSecond());
    assertTrue(m.throughputPerSecond() >= 0.95 * 20_000, "iops " + m.throughputPerSecond());
    assertEquals(m.throughputPerSecond() * 4096, m.progressPerSecond(), 1e-6);
  }

  @Test
  void netFlood_transmitsAtLineRate() {
    // Asks for 10 Gbit/s on a 1 Gbit/s NIC (125e6 B/s): gets the line rate less Ethernet's
    // overhead, 38 B a 1500 B packet, and progress counts the data, a 1500 B IP packet less 20 B
    // of IPv4 and 8 B of UDP: 125e6 x 1472 / 1538 = 119.64e6 B/s.
    double line = 125e6 * 1472 / 1538;
    var m =
        alone(
            PlatformKind.BARE_METAL,
            4,
            plan(1),
            new WorkloadSpec.NetFlood(
                WorkloadSpec.Direction.TRANSMIT, 1.25e9, 1500, WorkloadSpec.Window.ALWAYS),
            10);
    assertTrue(m.progressPerSecond() <= line * (1 + 1e-9), "B/s " + m.progressPerSecond());
    assertTrue(m.progressPerSecond() >= 0.99 * line, "B/s " + m.progressPerSecond());
    // Throughput counts 1500-byte packets, each 1472 B of data.
    assertEquals(m.progressPerSecond() / 1472, m.throughputPerSecond(), 1e-6);
  }

  @Test
  void netFlood_receivesAtItsPlanLimit() {
    // A plan limited to 100 Mbit/s = 12.5e6 B/s, flood asks for 1 Gbit/s: gets the limit (less
    // the at most 2 * 256 KiB still in flight at the end, 0.14% of 30 s of traffic), plus at most
    // the token bucket's initial credit, 50 ms of the rate = 625,000 B over the 30 s. The bucket
    // counts IP packets (1500 B) and progress their data (1472 B): 1472 / 1500 of that.
    double data = 1472.0 / 1500;
    var limited = plan(1, GIB, GIB, 256, 12.5e6);
    var m =
        alone(
            PlatformKind.BARE_METAL,
            4,
            limited,
            new WorkloadSpec.NetFlood(
                WorkloadSpec.Direction.RECEIVE, 125e6, 1500, WorkloadSpec.Window.ALWAYS),
            30);
    assertTrue(
        m.progressPerSecond() <= (12.5e6 * 30 + 625_000) / 30 * data * (1 + 1e-9),
        "B/s " + m.progressPerSecond());
    assertTrue(m.progressPerSecond() >= 0.99 * 12.5e6 * data, "B/s " + m.progressPerSecond());
  }

  @Test
  void netFlood_belowLineRateRunsAtItsOwnRate() {
    // 50 Mbit/s = 6.25e6 B/s of 1500 B IP packets on an idle 1 Gbit/s link: paced at its rate,
    // 1472 B of data a packet.
    var m =
        alone(
            PlatformKind.BARE_METAL,
            4,
            plan(1),
            new WorkloadSpec.NetFlood(
                WorkloadSpec.Direction.TRANSMIT, 6.25e6, 1500, WorkloadSpec.Window.ALWAYS),
            10);
    assertEquals(6.25e6 * 1472 / 1500, m.progressPerSecond(), 0.01 * 6.25e6);
  }

  @Test
  void memoryBomb_reachesItsLimitAndIsRefused() {
    // 200 MiB/s in steps of 2 MiB every 10 ms against RAM 1 GiB + swap 1 GiB = 524,288 pages.
    // OpenVZ counts kernel memory against the container (page tables: one 4 KiB page per 512
    // pages mapped), so each 2 MiB step costs 512 + 1 = 513 pages: floor(524,288 / 513) = 1022
    // steps fit (1022 * 513 = 524,286 pages), the 1023rd is refused, and it allocates nothing
    // more: one refusal, 1022 * 2 MiB = 2,143,289,344 bytes of progress. (A platform that
    // OOM-kills at the limit instead of refusing reports the one event as an OOM kill.)
    // Timing: the first GiB takes ~512 steps of 10 ms = ~5.1 s; past physpages every page goes
    // to vSwap and costs vswap-delay (100 us), so a 2 MiB step takes 512 * 100 us = 51.2 ms and
    // the second GiB ~510 * 51.2 ms = ~26 s: the limit is reached at ~31 s, inside the 60 s run.
    var m =
        alone(
            PlatformKind.OPENVZ,
            4,
            plan(1),
            new WorkloadSpec.MemoryBomb(200.0 * MIB, WorkloadSpec.Window.ALWAYS),
            60);
    assertEquals(1, m.refusals() + m.oomKills());
    assertEquals(1022 * 2.0 * MIB, m.progressPerSecond() * 60, 1.0);
    assertEquals("bytes", m.progressUnit());
  }

  @Test
  void forkBomb_reachesItsProcessLimitAndKeepsBeingRefused() {
    // 100 forks/s, one attempt every 10 ms at 0, 0.01, ..., 9.99 s: 1000 attempts in 9.995 s.
    // The table holds 256, so 256 forks succeed and the other 744 attempts are refused.
    var m =
        alone(
            PlatformKind.OPENVZ,
            4,
            plan(1, GIB, GIB, 256, Double.POSITIVE_INFINITY),
            new WorkloadSpec.ForkBomb(100, 2 * MIB, WorkloadSpec.Window.ALWAYS),
            9.995);
    assertEquals(256, m.progressPerSecond() * 9.995, 1e-6);
    assertEquals(744, m.refusals());
    assertEquals("forks", m.progressUnit());
  }

  @Test
  void idle_doesNothing() {
    var m =
        alone(PlatformKind.KVM, 4, plan(1), new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS), 5);
    assertEquals(0.0, m.cpu().usedCoreSeconds());
    assertEquals(0.0, m.progressPerSecond());
    assertEquals(0, m.refusals());
  }
}
