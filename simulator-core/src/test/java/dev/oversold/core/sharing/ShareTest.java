package dev.oversold.core.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ShareTest {
  @Test
  void processorSharing_finishTimesMatchTheSortedLengthsFormula() {
    // One core, one share, jobs of lengths 1, 2, 4, 7 s all at t=0 (egalitarian PS).
    // Sorted l_k; finish_k = finish_{k-1} + (l_k - l_{k-1}) * (n - k + 1) / capacity (k from 1):
    // f1 = 1*4 = 4; f2 = 4 + 1*3 = 7; f3 = 7 + 2*2 = 11; f4 = 11 + 3*1 = 14.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share share = cpu.addShare("t", ShareSettings.simple(1.0));
    double[] lengths = {7, 1, 4, 2};
    long[] finish = new long[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      int index = i;
      share.submit(lengths[i], job -> finish[index] = simulation.now());
    }
    simulation.runUntil(100 * SimTime.SECOND);
    assertEquals(14 * SimTime.SECOND, finish[0]);
    assertEquals(4 * SimTime.SECOND, finish[1]);
    assertEquals(11 * SimTime.SECOND, finish[2]);
    assertEquals(7 * SimTime.SECOND, finish[3]);
  }

  @Test
  void aShareWhoseCapTiesTheLevel_settlesInsteadOfFlippingForEver() {
    // 3 cores. b (weight 1000, cap 2.4) is pinned at its cap; a (weight 6, cap 0.2) and c (weight
    // 12, no cap) share the rest by weight. By hand the level is (3 - 2.4) / 18 = 1/30 and a's cap
    // per weight is 0.2 / 6 = 1/30: a tie, so a gets 0.2 pinned or free, and c 3 - 2.4 - 0.2 = 0.4.
    // In doubles, a free gives (3 - 2.4) / 18 = 0.03333333333333334 > 0.2 / 6 (pin it) and a pinned
    // gives (3 - 2.6) / 12 = 0.033333333333333326 < 0.2 / 6 (free it): before the fix the pool
    // moved a back and forth, fell back to a full classification that did the same, and recursed
    // until the stack overflowed (found by TenantChurnProperties, seed -8059521926062951406).
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 3.0);
    // (weight, floor, cap, one core per job, any number of jobs at once, efficiency 1, per share)
    Share b = cpu.addShare("b", new ShareSettings(1000, 0, 2.4, 1, Integer.MAX_VALUE, 1, false));
    Share a = cpu.addShare("a", new ShareSettings(6, 0, 0.2, 1, Integer.MAX_VALUE, 1, false));
    Share c =
        cpu.addShare(
            "c",
            new ShareSettings(12, 0, Double.POSITIVE_INFINITY, 1, Integer.MAX_VALUE, 1, false));
    for (int i = 0; i < 3; i++) {
      b.submit(100, job -> {});
      c.submit(100, job -> {});
    }
    a.submit(100, job -> {});
    assertEquals(2.4, b.allocation(), 1e-9);
    assertEquals(0.2, a.allocation(), 1e-9);
    assertEquals(0.4, c.allocation(), 1e-9);
    cpu.checkInvariants();
  }

  @Test
  void share_withOneVcpuCannotUseTwoCores() {
    // 2 cores, a 1-vCPU share with two 1-s jobs: one core shared by both jobs -> both end at 2 s.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 2.0);
    Share share = cpu.addShare("t", ShareSettings.simple(1.0).withParallelLimit(1));
    long[] finish = new long[2];
    share.submit(1, job -> finish[0] = simulation.now());
    share.submit(1, job -> finish[1] = simulation.now());
    assertEquals(1.0, share.allocation(), 1e-12);
    simulation.runUntil(10 * SimTime.SECOND);
    assertEquals(2 * SimTime.SECOND, finish[0]);
    assertEquals(2 * SimTime.SECOND, finish[1]);
  }

  @Test
  void shares_rebalanceWhenANeighbourArrivesAndLeaves() {
    // 1 core. A submits 2 s of work at 0. B submits 0.5 s at t=1, equal weights.
    // [0,1): A alone at 1.0 -> A has 1 s left. [1, 2): both at 0.5 -> B done at 2 (0.5 s at 0.5).
    // A got 0.5 in [1,2) -> 0.5 left, alone again at 1.0 -> done at 2.5 s.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share a = cpu.addShare("a", ShareSettings.simple(1.0));
    Share b = cpu.addShare("b", ShareSettings.simple(1.0));
    long[] finish = new long[2];
    a.submit(2, job -> finish[0] = simulation.now());
    simulation.schedule(SimTime.SECOND, () -> b.submit(0.5, job -> finish[1] = simulation.now()));
    simulation.runUntil(10 * SimTime.SECOND);
    assertEquals(2_500_000_000L, finish[0]);
    assertEquals(2_000_000_000L, finish[1]);
    assertEquals(2.0, a.allocatedWork(), 1e-9);
    // B was runnable for 1 s with ceiling 1 but got 0.5: 0.5 s contended.
    assertEquals(0.5, b.contendedWork(), 1e-9);
  }

  @Test
  void cap_throttlesAShareEvenOnAnIdleHost() {
    // 4 cores, share capped at 0.5 core, one job of 1 s -> 2 s; throttled 0.5 * 2 = 1 core-s.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 4.0);
    Share share = cpu.addShare("t", ShareSettings.simple(1.0).withCap(0.5));
    long[] finish = new long[1];
    share.submit(1, job -> finish[0] = simulation.now());
    simulation.runUntil(10 * SimTime.SECOND);
    assertEquals(2 * SimTime.SECOND, finish[0]);
    assertEquals(1.0, share.throttledWork(), 1e-9);
  }

  @Test
  void efficiency_stretchesWorkByTheOverhead() {
    // 1 core at efficiency 0.8: 1 s of work needs 1.25 s.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share share = cpu.addShare("t", ShareSettings.simple(1.0).withEfficiency(0.8));
    long[] finish = new long[1];
    share.submit(1, job -> finish[0] = simulation.now());
    simulation.runUntil(10 * SimTime.SECOND);
    assertEquals(1_250_000_000L, finish[0]);
  }

  @Test
  void cancel_returnsTheRemainingWorkAndSpeedsUpTheOthers() {
    // 1 core, two 2-s jobs. At t=1 each has 1.5 s left (0.5 each so far); cancel one.
    // The other finishes alone at 1 + 1.5 = 2.5 s.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share share = cpu.addShare("t", ShareSettings.simple(1.0));
    long[] finish = new long[1];
    Job victim = share.submit(2, job -> finish[0] = -1);
    share.submit(2, job -> finish[0] = simulation.now());
    double[] remaining = new double[1];
    simulation.schedule(SimTime.SECOND, () -> remaining[0] = share.cancel(victim));
    simulation.runUntil(10 * SimTime.SECOND);
    assertEquals(1.5, remaining[0], 1e-12);
    assertEquals(2_500_000_000L, finish[0]);
  }

  @Test
  void weightPerJob_givesAMultiThreadedShareMoreOfTheHost() {
    // 1 core, bare-metal style: A runs 3 threads, B 1 thread, weight 1 per thread.
    // A gets 3/4, B 1/4.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share a = cpu.addShare("a", ShareSettings.simple(1.0).withWeightPerJob(true));
    Share b = cpu.addShare("b", ShareSettings.simple(1.0).withWeightPerJob(true));
    for (int i = 0; i < 3; i++) {
      a.submit(100, job -> {});
    }
    b.submit(100, job -> {});
    assertEquals(0.75, a.allocation(), 1e-12);
    assertEquals(0.25, b.allocation(), 1e-12);
    assertEquals(1.0, Arrays.stream(new double[] {a.allocation(), b.allocation()}).sum(), 1e-12);
  }

  @Test
  void aCompletionMovedByThePoolAndTheShare_keepsTheLastMovesOrder() {
    // When a job joins or leaves, the pool sets the share's allocation (which tells its listener),
    // then the share moves its completion event and tells its listener again. The event's sequence
    // number is the one its last move gave it, so at a tie it runs after what the listener
    // scheduled during the allocation and before what it scheduled after the move. Here the
    // listener puts a marker at the instant the running jobs will next finish. By hand: capacity
    // 4, one core per job; a job of 0.25 s, then one of 0.75 s, both at 0 and each at a full core
    // (allocation 2 of 4: unsaturated), so the first ends at 0.25 s; the second then has 0.5 s
    // left at one core and ends at 0.75 s. Markers 1-2 (first submit) and 3-4 (second) are for
    // 0.25 s, 5-6 (the first job leaving) for 0.75 s. A completion that kept the sequence of the
    // allocation's move would run before marker 3 (and 5); one not moved after it, not at all.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 4.0);
    Share share = cpu.addShare("t", ShareSettings.simple(1.0));
    List<String> order = new ArrayList<>();
    int[] markers = {0};
    share.setAllocationListener(
        () -> {
          long now = simulation.now();
          long at =
              now == 0
                  ? SimTime.SECOND / 4
                  : now == SimTime.SECOND / 4 ? 3 * SimTime.SECOND / 4 : -1;
          if (at >= 0) {
            String name = "marker " + ++markers[0];
            simulation.schedule(at, () -> order.add(name));
          }
        });
    share.submit(0.25, job -> order.add("first job at " + simulation.now()));
    share.submit(0.75, job -> order.add("second job at " + simulation.now()));
    simulation.runUntil(SimTime.SECOND);
    assertEquals(
        List.of(
            "marker 1",
            "marker 2",
            "marker 3",
            "first job at 250000000",
            "marker 4",
            "marker 5",
            "second job at 750000000",
            "marker 6"),
        order);
  }
}
