package dev.oversold.core.sharing;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.Invariants;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A capacity (units/s) shared fluidly among {@link Share}s: a host's cores, a disk, a NIC.
 *
 * <p>Allocations follow weighted max-min fairness (water-filling): each busy share gets {@code
 * clamp(level * weight, floor, ceiling)} with the level that makes them add up to the capacity;
 * when the ceilings together fit, everyone gets its ceiling.
 *
 * <p>Every change is O(log a) for {@code a} busy shares, in the manner of the virtual clock of
 * generalized processor sharing (Parekh and Gallager 1993; Demers, Keshav and Shenker's fair
 * queueing 1989): a share whose allocation is {@code level * weight} ("free") is pinned to the
 * pool's virtual time {@code P}, which advances at {@code level} per second, so its jobs' progress
 * is fixed in units of {@code P} and does not move when the level moves. Free shares sit in a heap
 * by the {@code P} at which their first job finishes and only the earliest has an event; a change
 * of level reschedules that one event instead of every busy share's. Shares pinned at their floor
 * or ceiling keep a fixed rate and their own completion event. The level itself is found
 * incrementally: the pinned shares sit in heaps by floor and ceiling per weight, and a change moves
 * only the shares whose pin the new level crosses (usually none).
 *
 * <p>Two regimes stay O(a) per change, as before: leaving or entering saturation (every share's
 * allocation moves between its ceiling and the shared level) and an over-reserved pool (floors
 * alone exceed the capacity: they are scaled down in proportion).
 */
public final class SharedCapacity {
  private static final double SLACK = 1e-12;

  /** Share modes. */
  static final int INACTIVE = 0;

  static final int CEILING = 1;
  static final int FLOOR = 2;
  static final int FREE = 3;

  /** A fixed allocation set by a full pass (unsaturated or over-reserved pool). */
  static final int FIXED = 4;

  static final int HEAP_SLOTS = 5;

  /** The pool's virtual time is moved back by this much once it reaches it (exact in binary). */
  private static final double REBASE = 1024;

  /** Running sums are recomputed from scratch after this many incremental changes. */
  private static final int REANCHOR_EVERY = 4096;

  private final Simulation simulation;
  private final String name;
  private double capacity;
  private final List<Share> shares = new ArrayList<>();
  private Share[] active = new Share[8];
  private int activeCount;
  private double sumCeiling;
  private double sumFloor;
  private double sumWeight;
  private long sumThreads;
  private boolean saturated;

  /** True while shares are classified (saturated, not over-reserved): the heaps are in use. */
  private boolean classified;

  private final ShareHeap freeByHigh = new ShareHeap(0, ShareHeap.Key.HIGH, false);
  private final ShareHeap freeByLow = new ShareHeap(1, ShareHeap.Key.LOW, true);
  private final ShareHeap ceilingByHigh = new ShareHeap(2, ShareHeap.Key.HIGH, true);
  private final ShareHeap floorByLow = new ShareHeap(3, ShareHeap.Key.LOW, false);
  private final ShareHeap completions = new ShareHeap(4, ShareHeap.Key.COMPLETION, false);

  /** Sum of the pinned shares' allocations and of the free shares' weights, while classified. */
  private double pinnedSum;

  private double freeWeight;

  /** The water level (units/s per unit of weight) while classified. */
  private double level = Double.POSITIVE_INFINITY;

  /** Pool virtual time (work per unit of weight) at {@link #virtualAt}; it runs at the level. */
  private double virtual;

  private long virtualAt;
  private double virtualRate;
  private int changesSinceAnchor;

  private @Nullable EventHandle completion;
  private final Runnable completionAction = this::completeFirst;
  private final List<Share> listened = new ArrayList<>();

  private final WaterFilling waterFilling = new WaterFilling();
  private double[] weights = new double[8];
  private double[] floors = new double[8];
  private double[] ceilings = new double[8];
  private double[] allocations = new double[8];
  private double activeWeight;
  private int runnableThreads;
  private int nextShareId;

  public SharedCapacity(Simulation simulation, String name, double capacity) {
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
  public List<Share> shares() {
    return Collections.unmodifiableList(shares);
  }

  public Share addShare(String shareName, ShareSettings settings) {
    Share share = new Share(this, shareName, settings, nextShareId++);
    shares.add(share);
    return share;
  }

  public void setCapacity(double newCapacity) {
    ShareSettings.checkNonNegative("capacity", newCapacity);
    syncVirtual();
    capacity = newCapacity;
    recompute(null);
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

  /** The pool's virtual time now (work per unit of weight given to a free share so far). */
  double virtualNow() {
    long now = simulation.now();
    return now == virtualAt ? virtual : virtual + virtualRate * SimTime.toSeconds(now - virtualAt);
  }

  /** The water level, for a free share's allocation. */
  double level() {
    return level;
  }

  void listenerChanged(Share share, boolean listening) {
    if (listening && !listened.contains(share)) {
      listened.add(share);
    } else if (!listening) {
      listened.remove(share);
    }
  }

  /** A share's job count, cap or parallel limit changed (its ceiling may have). */
  void ceilingChanged(Share share) {
    syncVirtual();
    double ceiling = share.ceiling();
    double old = share.accountedCeiling;
    if (ceiling == old) {
      account(share);
      if (share.weightPerJob() && saturated) {
        recompute(share); // its weight follows its running jobs
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
    account(share);
    if (!saturated && sumCeiling <= capacity * (1 + SLACK)) {
      // Everyone already has its ceiling; only this share moves.
      share.setFixed(share.activeIndex >= 0 ? CEILING : INACTIVE, ceiling);
      return;
    }
    recompute(share);
  }

  void settingsChanged(Share share) {
    syncVirtual();
    account(share);
    if (saturated && share.activeIndex >= 0) {
      recompute(share);
    }
  }

  /** Brings the running sums over busy shares up to date with {@code share}'s state. */
  private void account(Share share) {
    boolean busy = share.activeIndex >= 0;
    double weight = busy ? share.effectiveWeight() : 0;
    double floor = busy ? Math.min(share.floor(), share.accountedCeiling) : 0;
    int threads = busy ? Math.min(share.jobCount(), share.parallelLimit()) : 0;
    sumWeight += weight - share.accountedWeightSum;
    sumFloor += floor - share.accountedFloorSum;
    sumThreads += threads - share.accountedThreads;
    share.accountedWeightSum = weight;
    share.accountedFloorSum = floor;
    share.accountedThreads = threads;
  }

  /**
   * Re-solves the allocation after {@code changed} moved (null: the capacity did), at the moments
   * when a full water-filling pass was due: incrementally while the pool stays saturated.
   */
  private void recompute(@Nullable Share changed) {
    if (++changesSinceAnchor >= REANCHOR_EVERY) {
      reanchorSums();
    }
    activeWeight = sumWeight;
    runnableThreads = (int) Math.min(Integer.MAX_VALUE, sumThreads);
    saturated = sumCeiling > capacity * (1 + SLACK);
    if (capacity == 0 && changed != null && !classified) {
      // Nothing to share (a stalled pool): every busy share already has 0, as does this one.
      changed.setFixed(changed.activeIndex >= 0 ? FIXED : INACTIVE, 0);
    } else if (!saturated || sumFloor >= capacity) {
      fullPass();
    } else if (!classified || changed == null) {
      classify();
    } else {
      reposition(changed);
      settle();
    }
    if (Invariants.ENABLED) {
      checkInvariants();
    }
  }

  /**
   * Unsaturated or over-reserved: a fixed allocation for every busy share, as water-filling says.
   */
  private void fullPass() {
    if (classified) {
      declassify();
    }
    int n = activeCount;
    ensureArrays(n);
    for (int i = 0; i < n; i++) {
      Share share = active[i];
      weights[i] = share.effectiveWeight();
      floors[i] = share.floor();
      ceilings[i] = share.accountedCeiling;
    }
    waterFilling.allocate(capacity, n, weights, floors, ceilings, allocations);
    for (int i = 0; i < n; i++) {
      active[i].setFixed(saturated ? FIXED : CEILING, allocations[i]);
    }
  }

  /** Leaves the classified regime: every share drops out of the heaps (the caller pins them). */
  private void declassify() {
    classified = false;
    freeByHigh.clear();
    freeByLow.clear();
    ceilingByHigh.clear();
    floorByLow.clear();
    completions.clear();
    pinnedSum = 0;
    freeWeight = 0;
    if (completion != null) {
      completion.cancel();
    }
    // Free shares still hold anchors in P: they are re-pinned right after, advancing first.
    for (int i = 0; i < activeCount; i++) {
      Share share = active[i];
      if (share.mode == FREE) {
        share.leaveFree();
      }
    }
    virtualRate = 0;
    level = Double.POSITIVE_INFINITY;
  }

  /** Classifies every busy share from a full water-filling pass (entering saturation). */
  private void classify() {
    classify(true);
  }

  /**
   * Classifies every busy share from a full water-filling pass, then settles.
   *
   * @param mayReclassify whether settling may fall back to another full classification; false when
   *     this one is itself that fallback
   */
  private void classify(boolean mayReclassify) {
    if (classified) {
      declassify();
    }
    int n = activeCount;
    ensureArrays(n);
    for (int i = 0; i < n; i++) {
      Share share = active[i];
      weights[i] = share.effectiveWeight();
      floors[i] = Math.min(share.floor(), share.accountedCeiling);
      ceilings[i] = share.accountedCeiling;
    }
    double lambda = waterFilling.level(capacity, n, weights, floors, ceilings);
    classified = true;
    virtual = 0;
    virtualAt = simulation.now();
    level = lambda;
    for (int i = 0; i < n; i++) {
      Share share = active[i];
      setKeys(share);
      place(share, modeAt(share, lambda));
    }
    settle(mayReclassify);
  }

  private static int modeAt(Share share, double lambda) {
    if (share.highKey <= lambda) {
      return CEILING;
    }
    if (share.lowKey >= lambda) {
      return FLOOR;
    }
    return FREE;
  }

  private static void setKeys(Share share) {
    share.accountedWeight = share.effectiveWeight();
    share.accountedFloor = Math.min(share.floor(), share.accountedCeiling);
    share.highKey = share.accountedCeiling / share.accountedWeight;
    share.lowKey = share.accountedFloor / share.accountedWeight;
  }

  /** Takes {@code share} out of its class and puts it back with its current keys. */
  private void reposition(Share share) {
    share.advance(); // under its old class and weight
    unplace(share);
    if (share.activeIndex < 0) {
      share.setFixed(INACTIVE, 0);
      return;
    }
    setKeys(share);
    place(share, modeAt(share, level));
  }

  /** Removes a share from the heaps and the sums of its class (it keeps its mode until placed). */
  private void unplace(Share share) {
    switch (share.mode) {
      case CEILING -> {
        if (ceilingByHigh.contains(share)) {
          ceilingByHigh.remove(share);
          pinnedSum -= share.accountedCeilingPinned;
        }
      }
      case FLOOR -> {
        if (floorByLow.contains(share)) {
          floorByLow.remove(share);
          pinnedSum -= share.accountedFloorPinned;
        }
      }
      case FREE -> {
        if (freeByHigh.contains(share)) {
          freeByHigh.remove(share);
          freeByLow.remove(share);
          freeWeight -= share.accountedWeightFree;
        }
      }
      default -> {}
    }
  }

  /** Puts a share (keys set, out of every class heap) into class {@code mode}. */
  private void place(Share share, int mode) {
    switch (mode) {
      case CEILING -> {
        ceilingByHigh.add(share);
        share.accountedCeilingPinned = share.accountedCeiling;
        pinnedSum += share.accountedCeiling;
        share.setFixed(CEILING, share.accountedCeiling);
      }
      case FLOOR -> {
        floorByLow.add(share);
        share.accountedFloorPinned = share.accountedFloor;
        pinnedSum += share.accountedFloor;
        share.setFixed(FLOOR, share.accountedFloor);
      }
      default -> {
        freeByHigh.add(share);
        freeByLow.add(share);
        share.accountedWeightFree = share.accountedWeight;
        freeWeight += share.accountedWeight;
        share.setFree();
      }
    }
  }

  private void move(Share share, int mode) {
    unplace(share);
    place(share, mode);
  }

  /**
   * Moves shares across their pins until the level {@code (capacity - pinned) / free weight} is
   * consistent with every class, then publishes the level. Each move is O(log a); usually none is
   * needed. A pathological sequence falls back to a full classification.
   */
  private void settle() {
    settle(true);
  }

  /**
   * {@link #settle()}; when even the full classification it falls back to cannot settle, the level
   * is published as it stands. Only a tie does that: a share whose key equals the level to the last
   * bit moves the level across its key by one rounding step each way it is moved (a 0.2 ceiling at
   * weight 6 against 0.6 / 18 and 0.4 / 12), so it would flip between its pin and the free class
   * for ever; at a tie both classes give it the same rate.
   */
  private void settle(boolean mayReclassify) {
    int limit = 2 * activeCount + 8;
    for (int moves = 0; ; moves++) {
      if (moves > limit) {
        if (mayReclassify) {
          classify(false);
        } else {
          publishLevel(candidateLevel());
        }
        return;
      }
      double candidate = candidateLevel();
      Share share = freeByHigh.peek();
      if (share != null && share.highKey < candidate) {
        move(share, CEILING);
        continue;
      }
      share = freeByLow.peek();
      if (share != null && share.lowKey > candidate) {
        move(share, FLOOR);
        continue;
      }
      share = ceilingByHigh.peek();
      if (share != null && share.highKey > candidate) {
        move(share, FREE);
        continue;
      }
      share = floorByLow.peek();
      if (share != null && share.lowKey < candidate) {
        move(share, FREE);
        continue;
      }
      publishLevel(candidate);
      return;
    }
  }

  private double candidateLevel() {
    double left = capacity - pinnedSum;
    if (freeWeight > 0 && freeByHigh.size() > 0) {
      return left / freeWeight;
    }
    if (left > 0) {
      return Double.POSITIVE_INFINITY;
    }
    return left < 0 ? 0 : level;
  }

  private void publishLevel(double candidate) {
    boolean anyFree = freeByHigh.size() > 0;
    double newLevel = anyFree ? candidate : level;
    double newRate = anyFree ? candidate : 0;
    boolean moved = newLevel != level || newRate != virtualRate;
    level = newLevel;
    virtualRate = newRate;
    rescheduleCompletion();
    if (moved) {
      for (int i = 0; i < listened.size(); i++) {
        Share share = listened.get(i);
        if (share.mode == FREE) {
          share.notifyListener();
        }
      }
    }
  }

  /** Brings the virtual time up to now under the level that held since (before the level moves). */
  private void syncVirtual() {
    long now = simulation.now();
    if (now == virtualAt) {
      return;
    }
    virtual = virtualNow();
    virtualAt = now;
    if (virtual >= 2 * REBASE) {
      rebase();
    }
  }

  /** Keeps the virtual time small: every anchor and key in P moves back by the same amount. */
  private void rebase() {
    virtual -= REBASE;
    int n = completions.size();
    Share[] keyed = new Share[n];
    for (int i = 0; i < n; i++) {
      keyed[i] = completions.get(i);
    }
    completions.clear();
    for (int i = 0; i < activeCount; i++) {
      Share share = active[i];
      if (share.mode == FREE) {
        share.virtualAnchor -= REBASE;
      }
    }
    for (Share share : keyed) {
      share.completionKey -= REBASE;
      completions.add(share);
    }
  }

  /** Recomputes the running sums from the busy shares, so that rounding does not drift. */
  private void reanchorSums() {
    changesSinceAnchor = 0;
    double ceilingTotal = 0;
    double floorTotal = 0;
    double weightTotal = 0;
    long threads = 0;
    for (int i = 0; i < activeCount; i++) {
      Share share = active[i];
      ceilingTotal += share.accountedCeiling;
      floorTotal += share.accountedFloorSum;
      weightTotal += share.accountedWeightSum;
      threads += share.accountedThreads;
    }
    sumCeiling = ceilingTotal;
    sumFloor = floorTotal;
    sumWeight = weightTotal;
    sumThreads = threads;
    if (classified) {
      double pinned = 0;
      double free = 0;
      for (int i = 0; i < activeCount; i++) {
        Share share = active[i];
        if (share.mode == CEILING) {
          pinned += share.accountedCeilingPinned;
        } else if (share.mode == FLOOR) {
          pinned += share.accountedFloorPinned;
        } else if (share.mode == FREE) {
          free += share.accountedWeightFree;
        }
      }
      pinnedSum = pinned;
      freeWeight = free;
    }
  }

  /** A free share's first job now finishes at pool virtual time {@code key} (NaN: no job). */
  void setCompletionKey(Share share, double key) {
    completions.remove(share);
    if (!Double.isNaN(key)) {
      share.completionKey = key;
      completions.add(share);
    }
    rescheduleCompletion();
  }

  void removeCompletionKey(Share share) {
    if (completions.contains(share)) {
      completions.remove(share);
      rescheduleCompletion();
    }
  }

  /** One event for the earliest free share's completion, at the current level. */
  private void rescheduleCompletion() {
    Share first = completions.peek();
    if (first == null || !(virtualRate > 0)) {
      if (completion != null) {
        completion.cancel();
      }
      return;
    }
    double seconds = Math.max(0, first.completionKey - virtualNow()) / virtualRate;
    long due = SimTime.plus(simulation.now(), SimTime.ceilNanos(seconds));
    if (completion == null) {
      completion = simulation.schedule(due, completionAction);
    } else {
      simulation.reschedule(completion, due);
    }
  }

  private void completeFirst() {
    Share first = completions.peek();
    if (first == null) {
      return;
    }
    completions.remove(first);
    first.completeDueJobs();
    rescheduleCompletion();
  }

  private void ensureArrays(int n) {
    if (weights.length < n) {
      int size = Math.max(n, weights.length * 2);
      weights = new double[size];
      floors = new double[size];
      ceilings = new double[size];
      allocations = new double[size];
    }
  }

  private void addActive(Share share) {
    if (activeCount == active.length) {
      active = Arrays.copyOf(active, activeCount * 2);
    }
    share.activeIndex = activeCount;
    active[activeCount++] = share;
  }

  private void removeActive(Share share) {
    int index = share.activeIndex;
    Share last = active[--activeCount];
    active[index] = last;
    last.activeIndex = index;
    active[activeCount] = null;
    share.activeIndex = -1;
    if (classified) {
      unplace(share);
    }
    share.setFixed(INACTIVE, 0);
  }

  /** Capacity never exceeded; no share above its ceiling; floors met when they fit. */
  public void checkInvariants() {
    double sum = 0;
    double floorSum = 0;
    for (int i = 0; i < activeCount; i++) {
      Share share = active[i];
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
        Share share = active[i];
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
