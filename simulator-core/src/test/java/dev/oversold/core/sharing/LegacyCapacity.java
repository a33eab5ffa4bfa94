package dev.oversold.core.sharing;

import dev.oversold.core.engine.Invariants;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Test-only copy of the pool as it was before the pool's virtual clock (main at 37f34e8): every
 * change of a saturated pool runs a full water-filling pass and reschedules every busy share whose
 * allocation moved. Kept unchanged as the independent implementation that {@link
 * VirtualClockEquivalenceProperties} compares the current pool with.
 *
 * <p>* A capacity (units/s) shared fluidly among {@link LegacyShare}s: a host's cores, a disk, a
 * NIC.
 *
 * <p>Rates are recomputed only when something changes: a share's ceiling (jobs arrive or leave, a
 * cap moves), a weight or floor, or the capacity. When all ceilings fit in the capacity, a change
 * touches only the share that changed (O(1)); otherwise weighted max-min (water-filling) runs over
 * the shares that have work, O(a log a) for {@code a} busy shares (never over jobs), and only
 * shares whose allocation moved reschedule their completion.
 */
public final class LegacyCapacity {
  private static final double SLACK = 1e-12;

  private final Simulation simulation;
  private final String name;
  private double capacity;
  private final List<LegacyShare> shares = new ArrayList<>();
  private LegacyShare[] active = new LegacyShare[8];
  private int activeCount;
  private double sumCeiling;
  private boolean saturated;

  private final WaterFilling waterFilling = new WaterFilling();
  private double[] weights = new double[8];
  private double[] floors = new double[8];
  private double[] ceilings = new double[8];
  private double[] allocations = new double[8];
  private double activeWeight;
  private int runnableThreads;

  public LegacyCapacity(Simulation simulation, String name, double capacity) {
    ShareSettings.checkNonNegative("capacity", capacity);
    this.simulation = simulation;
    this.name = name;
    this.capacity = capacity;
  }

  public String name() {
    return name;
  }

  public double capacity() {
    return capacity;
  }

  Simulation simulation() {
    return simulation;
  }

  /** Every share ever added, in the order added. */
  public List<LegacyShare> shares() {
    return Collections.unmodifiableList(shares);
  }

  public LegacyShare addShare(String shareName, ShareSettings settings) {
    LegacyShare share = new LegacyShare(this, shareName, settings);
    shares.add(share);
    return share;
  }

  public void setCapacity(double newCapacity) {
    ShareSettings.checkNonNegative("capacity", newCapacity);
    capacity = newCapacity;
    recompute();
  }

  /** Sum of current allocations, in units/s. */
  public double allocated() {
    double sum = 0;
    for (int i = 0; i < activeCount; i++) {
      sum += active[i].allocation();
    }
    return sum;
  }

  /**
   * Sum of the effective weights of the busy shares at the last full recomputation: exact while
   * {@link #isSaturated()} (every change recomputes then), stale otherwise.
   */
  public double activeWeight() {
    return activeWeight;
  }

  /**
   * Threads that could run now (each share's jobs up to its parallel limit) at the last full
   * recomputation: exact while {@link #isSaturated()}, stale otherwise.
   */
  public int runnableThreads() {
    return runnableThreads;
  }

  /** True when the busy shares together want more than the capacity. */
  public boolean isSaturated() {
    return saturated;
  }

  void ceilingChanged(LegacyShare share) {
    double ceiling = share.ceiling();
    double old = share.accountedCeiling;
    if (ceiling == old) {
      if (share.weightPerJob() && saturated) {
        recompute(); // its weight follows its running jobs
      }
      return;
    }
    share.accountedCeiling = ceiling;
    if (ceiling > 0 && share.activeIndex < 0) {
      addActive(share);
    } else if (ceiling == 0 && share.activeIndex >= 0) {
      removeActive(share);
    }
    sumCeiling += ceiling - old;
    if (!saturated && sumCeiling <= capacity * (1 + SLACK)) {
      // Everyone already has its ceiling; only this share moves.
      share.allocate(ceiling);
      return;
    }
    recompute();
  }

  void settingsChanged(LegacyShare share) {
    if (saturated && share.activeIndex >= 0) {
      recompute();
    }
  }

  private void recompute() {
    int n = activeCount;
    if (weights.length < n) {
      int size = Math.max(n, weights.length * 2);
      weights = new double[size];
      floors = new double[size];
      ceilings = new double[size];
      allocations = new double[size];
    }
    double total = 0;
    double weightSum = 0;
    long threads = 0;
    for (int i = 0; i < n; i++) {
      LegacyShare share = active[i];
      weights[i] = share.effectiveWeight();
      floors[i] = share.floor();
      ceilings[i] = share.accountedCeiling;
      total += ceilings[i];
      weightSum += weights[i];
      threads += Math.min(share.jobCount(), share.parallelLimit());
    }
    activeWeight = weightSum;
    runnableThreads = (int) Math.min(Integer.MAX_VALUE, threads);
    sumCeiling = total; // re-anchor the running sum: no drift across many fast-path updates
    saturated = total > capacity * (1 + SLACK);
    waterFilling.allocate(capacity, n, weights, floors, ceilings, allocations);
    for (int i = 0; i < n; i++) {
      active[i].allocate(allocations[i]);
    }
    if (Invariants.ENABLED) {
      checkInvariants();
    }
  }

  private void addActive(LegacyShare share) {
    if (activeCount == active.length) {
      active = Arrays.copyOf(active, activeCount * 2);
    }
    share.activeIndex = activeCount;
    active[activeCount++] = share;
  }

  private void removeActive(LegacyShare share) {
    int index = share.activeIndex;
    LegacyShare last = active[--activeCount];
    active[index] = last;
    last.activeIndex = index;
    active[activeCount] = null;
    share.activeIndex = -1;
    share.allocate(0);
  }

  /** Capacity never exceeded; no share above its ceiling; floors met when they fit. */
  public void checkInvariants() {
    double sum = 0;
    double floorSum = 0;
    for (int i = 0; i < activeCount; i++) {
      LegacyShare share = active[i];
      double allocation = share.allocation();
      double ceiling = share.ceiling();
      Invariants.check(
          allocation <= ceiling * (1 + 1e-9) + 1e-12,
          "%s: share %s allocated %s above its ceiling %s",
          name,
          share.name(),
          allocation,
          ceiling);
      sum += allocation;
      floorSum += Math.min(share.floor(), ceiling);
    }
    Invariants.check(
        sum <= capacity * (1 + 1e-9) + 1e-12,
        "%s: allocations %s exceed capacity %s",
        name,
        sum,
        capacity);
    if (floorSum <= capacity) {
      for (int i = 0; i < activeCount; i++) {
        LegacyShare share = active[i];
        double floor = Math.min(share.floor(), share.ceiling());
        Invariants.check(
            share.allocation() >= floor * (1 - 1e-9) - 1e-12,
            "%s: share %s allocated %s below its floor %s",
            name,
            share.name(),
            share.allocation(),
            floor);
      }
    }
  }
}
