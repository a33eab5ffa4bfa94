package dev.oversold.core.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class SharingProperties {
  private static final double TOLERANCE = 1e-9;

  /** One consumer of a water-filling problem. */
  record Consumer(double weight, double floor, double ceiling) {}

  @Provide
  Arbitrary<List<Consumer>> consumers() {
    Arbitrary<Double> weight = Arbitraries.doubles().between(0.01, 100);
    Arbitrary<Double> floor =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(0.0)),
            net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0, 4)));
    Arbitrary<Double> ceiling =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
            net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(0.01, 16)));
    return Combinators.combine(weight, floor, ceiling)
        .as(Consumer::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  /**
   * An independent reference: the same clamp(level * w, f, c) rule, with the level found by
   * bisection on the monotone total instead of the breakpoint sweep.
   */
  private static double[] reference(double capacity, List<Consumer> consumers) {
    int n = consumers.size();
    double[] out = new double[n];
    double sumCeiling = 0;
    double sumFloor = 0;
    for (Consumer c : consumers) {
      sumCeiling += c.ceiling();
      sumFloor += Math.min(c.floor(), c.ceiling());
    }
    if (sumCeiling <= capacity) {
      for (int i = 0; i < n; i++) {
        out[i] = consumers.get(i).ceiling();
      }
      return out;
    }
    if (sumFloor >= capacity) {
      for (int i = 0; i < n; i++) {
        Consumer c = consumers.get(i);
        out[i] = Math.min(c.floor(), c.ceiling()) * capacity / sumFloor;
      }
      return out;
    }
    double lo = 0;
    double hi = 1e12;
    for (int iteration = 0; iteration < 400; iteration++) {
      double mid = (lo + hi) / 2;
      double total = 0;
      for (Consumer c : consumers) {
        total += clamp(mid * c.weight(), Math.min(c.floor(), c.ceiling()), c.ceiling());
      }
      if (total < capacity) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    for (int i = 0; i < n; i++) {
      Consumer c = consumers.get(i);
      out[i] = clamp(hi * c.weight(), Math.min(c.floor(), c.ceiling()), c.ceiling());
    }
    return out;
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }

  @Property(tries = 500)
  void waterFilling_matchesAnIndependentBisection_andHonoursCapsFloorsAndCapacity(
      @ForAll("consumers") List<Consumer> consumers, @ForAll("capacities") double capacity) {
    int n = consumers.size();
    double[] w = new double[n];
    double[] f = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = consumers.get(i).weight();
      f[i] = consumers.get(i).floor();
      c[i] = consumers.get(i).ceiling();
    }
    double[] out = new double[n];
    new WaterFilling().allocate(capacity, n, w, f, c, out);
    double[] expected = reference(capacity, consumers);
    double sum = 0;
    double sumFloor = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], out[i], 1e-7 * Math.max(1, capacity), "consumer " + i);
      assertTrue(out[i] <= c[i] + TOLERANCE, "above ceiling");
      sum += out[i];
      sumFloor += Math.min(f[i], c[i]);
    }
    assertTrue(sum <= capacity * (1 + TOLERANCE), "capacity exceeded");
    double sumCeiling = java.util.Arrays.stream(c).sum();
    // Work conservation: either everyone has its ceiling or the capacity is fully used.
    assertEquals(Math.min(capacity, sumCeiling), sum, 1e-9 * Math.max(1, capacity));
    if (sumFloor <= capacity) {
      for (int i = 0; i < n; i++) {
        assertTrue(out[i] >= Math.min(f[i], c[i]) - TOLERANCE, "below floor");
      }
    }
  }

  @Provide
  Arbitrary<Double> capacities() {
    return Arbitraries.doubles().between(0.5, 64);
  }

  @Property(tries = 300)
  void saturatedEqualDemand_sharesAreProportionalToWeights(
      @ForAll("weights") List<Double> weights) {
    // Nobody capped below its weighted share (ceiling = capacity): allocations proportional.
    int n = weights.size();
    double capacity = 4;
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    double[] f = new double[n];
    double[] c = new double[n];
    java.util.Arrays.fill(c, capacity);
    double[] out = new double[n];
    new WaterFilling().allocate(capacity, n, w, f, c, out);
    double totalWeight = java.util.Arrays.stream(w).sum();
    if (n == 1) {
      assertEquals(capacity, out[0], 1e-9);
      return;
    }
    for (int i = 0; i < n; i++) {
      assertEquals(capacity * w[i] / totalWeight, out[i], 1e-9);
    }
  }

  @Provide
  Arbitrary<List<Double>> weights() {
    return Arbitraries.doubles().between(0.1, 10).list().ofMinSize(2).ofMaxSize(20);
  }

  /** A random action on a live pool. */
  record Action(int kind, int share, double amount, long delayMicros) {}

  @Provide
  Arbitrary<List<Action>> actions() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 5),
            Arbitraries.doubles().between(0.001, 3).ofScale(4),
            Arbitraries.longs().between(0, 500_000))
        .as(Action::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(120);
  }

  @Property(tries = 200)
  void livePool_neverExceedsCapacity_conservesWork_andDeliversNoMoreThanCapacityTimesTime(
      @ForAll("actions") List<Action> actions) {
    Simulation simulation = new Simulation();
    double capacity = 2.0;
    SharedCapacity pool = new SharedCapacity(simulation, "cpu", capacity);
    List<Share> shares = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ShareSettings settings =
          new ShareSettings(
              1 + i,
              i == 2 ? 0.5 : 0,
              i == 3 ? 0.4 : Double.POSITIVE_INFINITY,
              1.0,
              1 + i % 3,
              1.0,
              i == 5);
      shares.add(pool.addShare("s" + i, settings));
    }
    List<Job> jobs = new ArrayList<>();
    for (Action action : actions) {
      Share share = shares.get(action.share());
      switch (action.kind()) {
        case 0, 1 -> jobs.add(share.submit(action.amount(), job -> {}));
        case 2 -> {
          if (!jobs.isEmpty()) {
            Job job = jobs.remove(jobs.size() - 1);
            if (job.isActive()) {
              job.share.cancel(job);
            }
          }
        }
        case 3 -> share.setWeight(action.amount());
        case 4 -> share.setCap(action.amount());
        default -> share.setFloor(action.amount() / 4);
      }
      checkAllocations(pool, shares, capacity);
      simulation.runUntil(simulation.now() + action.delayMicros() * SimTime.MICROSECOND);
      checkAllocations(pool, shares, capacity);
    }
    double delivered = shares.stream().mapToDouble(Share::allocatedWork).sum();
    double elapsed = SimTime.toSeconds(simulation.now());
    assertTrue(delivered <= capacity * elapsed * (1 + 1e-9) + 1e-12, "delivered above capacity");
  }

  private static void checkAllocations(SharedCapacity pool, List<Share> shares, double capacity) {
    pool.checkInvariants();
    double sum = 0;
    double sumCeiling = 0;
    for (Share share : shares) {
      sum += share.allocation();
      sumCeiling += share.ceiling();
      assertTrue(share.allocation() <= share.ceiling() * (1 + 1e-9) + 1e-12);
    }
    assertEquals(Math.min(capacity, sumCeiling), sum, 1e-9, "not work-conserving");
  }

  @Property(tries = 200)
  void processorSharing_finishTimesMatchTheSortedLengthsFormula(
      @ForAll("lengths") List<Double> lengths, @ForAll("capacities") double capacity) {
    // n jobs at t=0 on one share with no per-job limit: egalitarian PS at `capacity`.
    // Independent formula on sorted lengths l_1 <= ... <= l_n (l_0 = 0, f_0 = 0):
    // f_k = f_{k-1} + (l_k - l_{k-1}) * (n - k + 1) / capacity.
    Simulation simulation = new Simulation();
    SharedCapacity pool = new SharedCapacity(simulation, "cpu", capacity);
    Share share = pool.addShare("t", ShareSettings.simple(capacity));
    int n = lengths.size();
    long[] finish = new long[n];
    for (int i = 0; i < n; i++) {
      int index = i;
      share.submit(lengths.get(i), job -> finish[index] = simulation.now());
    }
    simulation.runUntil(SimTime.DAY);
    double[] sorted = lengths.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] expectedSorted = new double[n];
    double previousLength = 0;
    double previousFinish = 0;
    for (int k = 0; k < n; k++) {
      previousFinish += (sorted[k] - previousLength) * (n - k) / capacity;
      previousLength = sorted[k];
      expectedSorted[k] = previousFinish;
    }
    double[] actualSorted =
        java.util.Arrays.stream(finish).mapToDouble(SimTime::toSeconds).sorted().toArray();
    for (int k = 0; k < n; k++) {
      // Event times are whole nanoseconds rounded up: allow a few ns plus 1e-9 relative.
      assertEquals(expectedSorted[k], actualSorted[k], 1e-9 * expectedSorted[k] + 5e-9, "job " + k);
    }
  }

  @Provide
  Arbitrary<List<Double>> lengths() {
    return Arbitraries.doubles().between(0.001, 100).ofScale(4).list().ofMinSize(1).ofMaxSize(60);
  }
}
