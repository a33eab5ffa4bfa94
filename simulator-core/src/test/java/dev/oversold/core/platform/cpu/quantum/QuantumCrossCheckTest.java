package dev.oversold.core.platform.cpu.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.platform.cpu.CoStopModel;
import dev.oversold.core.sharing.WaterFilling;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fluid model against slice-by-slice scheduling: long-run shares must agree, and the wake-up
 * delay and co-stop models must reproduce what the quantum-level simulator measures.
 */
final class QuantumCrossCheckTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final long MS = SimTime.MILLISECOND;

  /** Water-filling of hogs: the fluid pool's answer, computed independently of the runtime. */
  private static double[] fluid(int cores, List<QuantumDomain> domains) {
    int n = domains.size();
    double[] w = new double[n];
    double[] f = new double[n];
    double[] c = new double[n];
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = domains.get(i).weight();
      f[i] = domains.get(i).reservationCores();
      c[i] = Math.min(domains.get(i).vcpus(), domains.get(i).capCores());
    }
    new WaterFilling().allocate(cores, n, w, f, c, out);
    return out;
  }

  @ParameterizedTest
  @CsvSource({
    "XEN_CREDIT, 1", "XEN_CREDIT, 2", "XEN_CREDIT, 4",
    "CFS, 1", "CFS, 2", "CFS, 4",
    "ESXI, 1", "ESXI, 2", "ESXI, 4"
  })
  void longRunShares_matchTheFluidPool(QuantumScheduler scheduler, int cores) {
    // Weights 1, 2, 1, 0.5 with 1, 2, 1, 2 vCPUs, all CPU-bound, uncapped.
    List<QuantumDomain> domains =
        List.of(
            QuantumDomain.hog("a", 1, INF, 1),
            QuantumDomain.hog("b", 2, INF, 2),
            QuantumDomain.hog("c", 1, INF, 1),
            QuantumDomain.hog("d", 0.5, INF, 2));
    double[] expected = fluid(cores, domains);
    var sim = new QuantumCpuSimulator(scheduler, cores, 3);
    domains.forEach(sim::add);
    List<QuantumResult> results = sim.run(6 * SimTime.SECOND);
    for (int i = 0; i < domains.size(); i++) {
      assertEquals(
          expected[i],
          results.get(i).cores(),
          0.03 * cores,
          scheduler + " " + cores + " cores, " + domains.get(i).name());
    }
  }

  @ParameterizedTest
  @EnumSource(QuantumScheduler.class)
  void caps_areHonouredAndTheRestIsShared(QuantumScheduler scheduler) {
    // 2 cores: a capped at 0.3, b and c uncapped equal weights. Fluid: a 0.3, b and c 0.85 each.
    // Every scheduler keeps a at or under its cap; slices of 20-30 ms can leave a capped domain
    // short of its cap (it waits for a core with part of its period's quota unused): Xen credit1
    // by up to a third here, ESXi by up to a tenth. The fluid pool gives exactly the cap.
    List<QuantumDomain> domains =
        List.of(
            QuantumDomain.hog("a", 1, 0.3, 1),
            QuantumDomain.hog("b", 1, INF, 1),
            QuantumDomain.hog("c", 1, INF, 1));
    var sim = new QuantumCpuSimulator(scheduler, 2, 5);
    domains.forEach(sim::add);
    List<QuantumResult> results = sim.run(6 * SimTime.SECOND);
    double a = results.get(0).cores();
    assertTrue(a <= 0.3 + 1e-9, scheduler + ": capped domain used " + a);
    assertTrue(a >= (scheduler == QuantumScheduler.XEN_CREDIT ? 0.2 : 0.27), "a got " + a);
    double total = a + results.get(1).cores() + results.get(2).cores();
    assertEquals(2.0, total, 0.01, "work conserving");
  }

  @ParameterizedTest
  @CsvSource({"2", "4", "6"})
  void xenOverWaker_waitsAsTheDelayModelPredicts(int hogs) {
    // 1 core, n hogs and a low-weight (0.2) tenant that wakes every ~5 ms for 5 ms: it uses more
    // than its entitlement, so it is OVER and waits in credit1's FIFO behind the queue. Model
    // mean: T/2 + T (n - 1), T = 30 ms. Tolerance 20%: the model ignores credit refills that
    // briefly make it UNDER.
    QuantumResult over = overWaker(QuantumScheduler.XEN_CREDIT, hogs);
    double predicted = 15 + 30.0 * (hogs - 1);
    assertEquals(predicted, over.meanWakeDelayMillis(), 0.2 * predicted);
  }

  @ParameterizedTest
  @CsvSource({"2", "4"})
  void esxiOverWaker_waitsAtLeastTheQueueModel(int hogs) {
    // The same tenant on ESXi's virtual-time scheduler: a low-weight VM that ran ahead waits
    // until its virtual time is the smallest, longer than the queue model's T/2 + T (n - 1)
    // (T = 20 ms). Measured: 1.4-1.5 times the model; the model is a lower bound within a factor
    // of 1.6 (documented in docs/platforms-cpu.md).
    QuantumResult over = overWaker(QuantumScheduler.ESXI, hogs);
    double model = 10 + 20.0 * (hogs - 1);
    assertTrue(over.meanWakeDelayMillis() >= 0.9 * model, "measured " + over.meanWakeDelayMillis());
    assertTrue(over.meanWakeDelayMillis() <= 1.6 * model, "measured " + over.meanWakeDelayMillis());
  }

  private static QuantumResult overWaker(QuantumScheduler scheduler, int hogs) {
    var sim = new QuantumCpuSimulator(scheduler, 1, 11);
    for (int i = 0; i < hogs; i++) {
      sim.add(QuantumDomain.hog("h" + i, 1, INF, 1));
    }
    sim.add(QuantumDomain.waker("over", 0.2, 5 * MS, 5 * MS));
    return sim.run(10 * SimTime.SECOND).get(hogs);
  }

  @ParameterizedTest
  @EnumSource(QuantumScheduler.class)
  void underWaker_preemptsWithinTheRatelimit(QuantumScheduler scheduler) {
    // 1 core, 3 hogs and a light tenant (1 ms bursts every ~50 ms, well under its entitlement):
    // Xen BOOST preempts after the 1 ms ratelimit (model mean 1/60 ms), CFS and ESXi at once.
    // The quantum simulator sees waits in 0.1 ms ticks: agreement within 0.15 ms.
    var sim = new QuantumCpuSimulator(scheduler, 1, 13);
    for (int i = 0; i < 3; i++) {
      sim.add(QuantumDomain.hog("h" + i, 1, INF, 1));
    }
    sim.add(QuantumDomain.waker("light", 1, 50 * MS, MS));
    QuantumResult light = sim.run(10 * SimTime.SECOND).get(3);
    double model = scheduler == QuantumScheduler.XEN_CREDIT ? 1.0 / 60 : 0;
    assertTrue(light.wakeDelaysNanos().length > 100);
    assertEquals(model, light.meanWakeDelayMillis(), 0.15);
  }

  @org.junit.jupiter.api.Test
  void coStop_ofATwoVcpuVmNextToAHog_matchesTheFluidModel() {
    // 2 cores; vm 2 vCPUs (2000 shares) and a 1-vCPU hog: r = 2/3. Fluid co-stop over runnable
    // time: 0.025 * (1 - 2/3) * (4/3) / 2 = 1/180. The quantum simulator co-stops the leading
    // vCPU after a 3 ms skew and co-starts the laggard.
    var sim = new QuantumCpuSimulator(QuantumScheduler.ESXI, 2, 17);
    sim.add(QuantumDomain.hog("vm", 2, INF, 2));
    sim.add(QuantumDomain.hog("hog", 1, INF, 1));
    List<QuantumResult> results = sim.run(10 * SimTime.SECOND);
    double r = results.get(0).cores() / 2;
    assertEquals(2.0 / 3, r, 0.01);
    double fluidCostop = (1 - CoStopModel.esxi().usefulFraction(2, r)) * r;
    assertEquals(1.0 / 180, fluidCostop, 1e-3);
    assertEquals(fluidCostop, results.get(0).costopFraction(), 0.003);
    assertTrue(results.get(0).costopFraction() > 0, "the VM is co-stopped at times");
  }
}
