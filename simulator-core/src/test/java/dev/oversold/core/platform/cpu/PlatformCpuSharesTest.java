package dev.oversold.core.platform.cpu;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.runtime.Simulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Long-run CPU shares per platform, end to end, against hand-computed water-filling. */
final class PlatformCpuSharesTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  /** Long-run shares only: the wake-up delay model (start-up waits at t = 0) is off. */
  private static SimulationResult run(PlatformKind platform, int cores, TenantSpec... tenants) {
    var host = host("h", platform, cores, 1.0, Map.of("cpu-wakeup-delay", 0.0));
    return Simulator.run(scenario(10, List.of(host), List.of(tenants)));
  }

  private static TenantMetrics.Cpu cpu(SimulationResult result, String tenant) {
    return result.tenant(tenant).metrics().cpu();
  }

  @Test
  void kvm_oneCore_splitsByCgroupWeight() {
    // 1 core; cpu.weight 100 vs 300 -> 1/4 and 3/4 of the core. Over 10 s: 2.5 and 7.5 core-s.
    var result =
        run(
            PlatformKind.KVM,
            1,
            hog("a", "h", plan(1, 1, INF, 0, 256, Map.of("cpu.weight", 100.0)), 1),
            hog("b", "h", plan(1, 1, INF, 0, 256, Map.of("cpu.weight", 300.0)), 1));
    assertEquals(2.5, cpu(result, "a").usedCoreSeconds(), 1e-6);
    assertEquals(7.5, cpu(result, "b").usedCoreSeconds(), 1e-6);
    // KVM steal: a wanted 1 core for 10 s and got 2.5 -> 7.5 / 10 = 0.75 of runnable time.
    assertEquals(0.75, cpu(result, "a").stealFraction(), 1e-6);
    // Progress is what the guest got done: used * (1 - KVM overhead 3%).
    assertEquals(2.5 * 0.97, result.tenant("a").metrics().progressPerSecond() * 10, 0.05 * 0.97);
  }

  @Test
  void xen_twoCores_weightsAndACreditCapOverItsAccountingPeriod() {
    // 2 cores. a weight 256, b weight 512 with 2 vCPUs busy, c cap 30% (quota 9 ms per 30 ms).
    // While c runs, weights 1:2:1 give a 0.5, b 1.0, c 0.5 -> c uses its 9 ms in 18 ms, then is
    // parked 12 ms while a gets 2/3 and b 4/3. Per 30 ms: a 0.5*18 + 2/3*12 = 17 ms, b 18 + 16 =
    // 34 ms, c 9 ms: rates 0.5667, 1.1333, 0.3 (the fluid water-filling answer). Over 10 s there
    // are 333 whole periods and 10 ms of a running one: c 333*9 + 5 = 3002 ms, a 333*17 + 5 =
    // 5666 ms, b 333*34 + 10 = 11332 ms.
    var result =
        run(
            PlatformKind.XEN,
            2,
            hog("a", "h", plan(1), 1),
            hog("b", "h", plan(2, 1, INF, 0, 256, Map.of("weight", 512.0)), 2),
            hog("c", "h", plan(1, 1, INF, 0, 256, Map.of("cap", 0.30)), 1));
    assertEquals(5.666, cpu(result, "a").usedCoreSeconds(), 2e-3);
    assertEquals(11.332, cpu(result, "b").usedCoreSeconds(), 2e-3);
    assertEquals(3.002, cpu(result, "c").usedCoreSeconds(), 2e-3);
    // c is parked 12 of every 30 ms of its runnable time: throttled 0.4.
    assertEquals(0.4, cpu(result, "c").throttledFraction(), 0.005);
  }

  @Test
  void openVz_fourCores_cpuunitsAndCpulimitOverOneSecond() {
    // 4 cores. a cpuunits 1000 and b 3000, 4 threads each; c cpulimit 50%, one thread.
    // Running: weights 1:3:1 -> level 4/5: a 0.8, b 2.4, c 0.8 -> c spends its 0.5 core-s in
    // 0.625 s, then waits 0.375 s while a gets 1 and b 3. Per second: a 0.8*0.625 + 0.375 = 0.875,
    // b 1.5 + 1.125 = 2.625, c 0.5. Over 10 whole periods: 8.75, 26.25, 5.
    // c: runnable 1 core-s per s = 0.5 used + 0.375 throttled + 0.2*0.625 = 0.125 contended.
    var result =
        run(
            PlatformKind.OPENVZ,
            4,
            hog("a", "h", plan(4, 1, INF, 0, 256, Map.of("cpuunits", 1000.0)), 4),
            hog("b", "h", plan(4, 1, INF, 0, 256, Map.of("cpuunits", 3000.0)), 4),
            hog("c", "h", plan(4, 1, INF, 0, 256, Map.of("cpulimit", 0.5)), 1));
    assertEquals(8.75, cpu(result, "a").usedCoreSeconds(), 1e-3);
    assertEquals(26.25, cpu(result, "b").usedCoreSeconds(), 1e-3);
    assertEquals(5.0, cpu(result, "c").usedCoreSeconds(), 1e-3);
    assertEquals(0.375, cpu(result, "c").throttledFraction(), 1e-3);
    assertEquals(0.125, cpu(result, "c").stealFraction(), 1e-3);
  }

  @Test
  void esxi_fourCores_sharesGrowWithVcpus() {
    // 4 cores. a: 1 vCPU (1000 shares); b: 4 vCPUs (4000 shares), 4 threads. Level: 4 / 5 per
    // 1000 shares -> a 0.8, b 3.2 (b's ceiling 4). Over 10 s: 8 and 32 core-s.
    var result = run(PlatformKind.VMWARE, 4, hog("a", "h", plan(1), 1), hog("b", "h", plan(4), 4));
    assertEquals(8.0, cpu(result, "a").usedCoreSeconds(), 1e-6);
    assertEquals(32.0, cpu(result, "b").usedCoreSeconds(), 1e-6);
    // ESXi shows contention as ready time: a wanted 1 core, got 0.8 -> 0.2.
    assertEquals(0.2, cpu(result, "a").readyFraction(), 1e-6);
  }

  @Test
  void esxi_reservationIsNotTakenByABusyNeighbour() {
    // 2 cores of 2400 MHz. r: 1 vCPU, 1000 shares, reservation 1500 MHz = 0.625 cores.
    // n: 2 vCPUs, 8000 shares, 2 threads. Shares alone would give r 2 * 1/9 = 0.222 cores; the
    // reservation is a floor: r 0.625, n the remaining 1.375. Over 10 s: 6.25 and 13.75.
    var result =
        run(
            PlatformKind.VMWARE,
            2,
            hog("r", "h", plan(1, 1, INF, 0, 256, Map.of("reservation-mhz", 1500.0)), 1),
            hog("n", "h", plan(2, 1, INF, 0, 256, Map.of("shares", 8000.0)), 2));
    assertEquals(6.25, cpu(result, "r").usedCoreSeconds(), 1e-6);
    assertEquals(13.75, cpu(result, "n").usedCoreSeconds(), 1e-6);
  }

  @Test
  void esxi_coStopsATwoVcpuVmNextToAOneVcpuHog() {
    // 2 cores; vm: 2 vCPUs busy (2000 shares), hog: 1 vCPU (1000). Shares give vm 4/3, hog 2/3;
    // each vm vCPU runs r = 2/3 of the time. Co-stopped part of held time: 0.025 * (1 - r) =
    // 1/120. vm runnable time 2 vCPU-s per s -> co-stop fraction (1/120) * (4/3) / 2 = 1/180.
    // Its useful work: 4/3 * 0.97 * (1 - 1/120) per second; over 10 s 12.8244 core-s.
    var result =
        run(PlatformKind.VMWARE, 2, hog("vm", "h", plan(2), 2), hog("hog", "h", plan(1), 1));
    assertEquals(40.0 / 3, cpu(result, "vm").usedCoreSeconds(), 1e-6);
    assertEquals(1.0 / 180, cpu(result, "vm").costopFraction(), 1e-6);
    assertEquals(0, cpu(result, "hog").costopFraction(), 1e-12);
    double useful = 40.0 / 3 * 0.97 * (1 - 1.0 / 120);
    // The hog workload counts progress in 0.05 core-s chunks: within two chunks (one per thread).
    assertEquals(useful, result.tenant("vm").metrics().progressPerSecond() * 10, 0.1);
  }

  @Test
  void bareMetal_twoCores_weighsEveryThread() {
    // 2 cores, no group scheduling: a's 1 thread and b's 3 threads each get 2/4 = 0.5 core.
    // Over 10 s: a 5, b 15 core-s.
    var result =
        run(PlatformKind.BARE_METAL, 2, hog("a", "h", plan(4), 1), hog("b", "h", plan(4), 3));
    assertEquals(5.0, cpu(result, "a").usedCoreSeconds(), 1e-6);
    assertEquals(15.0, cpu(result, "b").usedCoreSeconds(), 1e-6);
  }

  @Test
  void kvm_groupWeighsTheVmNotItsThreads() {
    // Same load as bare metal but each VM is one cgroup of weight 100: 1 core each over 10 s.
    var result = run(PlatformKind.KVM, 2, hog("a", "h", plan(4), 1), hog("b", "h", plan(4), 3));
    assertEquals(10.0, cpu(result, "a").usedCoreSeconds(), 1e-6);
    assertEquals(10.0, cpu(result, "b").usedCoreSeconds(), 1e-6);
  }
}
