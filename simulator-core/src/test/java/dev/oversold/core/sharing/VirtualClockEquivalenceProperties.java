package dev.oversold.core.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The pool with its virtual clock ({@link SharedCapacity}: free shares keyed in pool virtual time,
 * one completion event, the level found incrementally) against the pool as it was before ({@link
 * LegacyCapacity}: a full water-filling pass and every busy share's completion rescheduled on each
 * change), on random workloads: random shares (weights, floors, caps, vCPUs, efficiency, weight per
 * job), random arrivals, closed-loop follow-up work, cancellations, and weight, floor, cap and
 * efficiency changes, each applied to both at the same instants.
 *
 * <p>Both compute the same real numbers by different sums: the old one adds {@code allocation *
 * efficiency / n * seconds} to a job's virtual time at every change of any share, the new one adds
 * {@code weight * efficiency / n * (P(now) - P(then))} once per change of its own share. The two
 * doubles differ in the last bits, so a completion instant, rounded up to a whole nanosecond, can
 * differ by one nanosecond when the exact instant lies within rounding of a whole nanosecond; a job
 * after it then starts that nanosecond later. Expected: every job completes in both, in the same
 * order per share; the first completion on which they disagree differs by exactly one nanosecond (a
 * rounding step), every other by at most {@value #NANOS} ns; and every share's allocated and useful
 * work agree to 1e-9 relative plus what the late nanoseconds hold.
 */
final class VirtualClockEquivalenceProperties {
  /**
   * After a first one-nanosecond rounding difference, later completions inherit it and add their
   * own (every share's rate moves when one job leaves a nanosecond later): bounded here by a
   * microsecond, three orders below the jobs' own lengths (0.1-50 ms), so a missed or wrong rate
   * change cannot hide in it.
   */
  private static final long NANOS = 1_000;

  record ShareSpec(
      double weight,
      double floor,
      double cap,
      double perJobMaxRate,
      int parallelLimit,
      double efficiency,
      boolean weightPerJob) {
    ShareSettings settings() {
      return new ShareSettings(
          weight, floor, cap, perJobMaxRate, parallelLimit, efficiency, weightPerJob);
    }
  }

  /** kind: 0-4 submit, 5 cancel, 6 weight, 7 floor, 8 cap, 9 efficiency; then a follow-up. */
  record Action(long atMicros, int kind, int share, double amount, double followUp) {}

  @Provide
  Arbitrary<List<ShareSpec>> shareSpecs() {
    Arbitrary<Double> weight =
        Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0.1, 8));
    Arbitrary<Double> floor =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.just(0.0)),
            net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0.05, 2)));
    Arbitrary<Double> cap =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.just(Double.POSITIVE_INFINITY)),
            net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0.1, 3)));
    Arbitrary<Double> rate =
        Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0.5, 2));
    Arbitrary<Integer> limit = Arbitraries.integers().between(1, 4);
    Arbitrary<Double> efficiency =
        Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0.5, 1));
    Arbitrary<Boolean> perJob = Arbitraries.of(false, false, true);
    return Combinators.combine(weight, floor, cap, rate, limit, efficiency, perJob)
        .as(ShareSpec::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 200_000),
            Arbitraries.integers().between(0, 9),
            Arbitraries.integers().between(0, 11),
            Arbitraries.doubles().between(0.0001, 0.05).ofScale(6),
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0.0001, 0.02).ofScale(6))))
        .as(Action::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(200);
  }

  @Provide
  Arbitrary<Double> capacities() {
    return Arbitraries.oneOf(Arbitraries.of(1.0, 2.0, 4.0), Arbitraries.doubles().between(0.5, 6));
  }

  @Property(tries = 300)
  void virtualClockPool_completesEveryJobWhenTheFullRecomputationDid(
      @ForAll("shareSpecs") List<ShareSpec> specs,
      @ForAll("actions") List<Action> actions,
      @ForAll("capacities") double capacity) {
    Run legacy = new Run(specs.size(), actions.size());
    Run current = new Run(specs.size(), actions.size());
    runLegacy(legacy, specs, actions, capacity);
    runCurrent(current, specs, actions, capacity);
    Integer[] order = new Integer[legacy.completedAt.length];
    for (int job = 0; job < order.length; job++) {
      order[job] = job;
    }
    Arrays.sort(order, (a, b) -> Long.compare(legacy.completedAt[a], legacy.completedAt[b]));
    boolean diverged = false;
    long lateNanos = 0;
    for (int job : order) {
      long expected = legacy.completedAt[job];
      long actual = current.completedAt[job];
      if (expected < 0 || actual < 0) {
        assertEquals(expected < 0, actual < 0, "job " + job + " completed in only one");
        continue;
      }
      long difference = Math.abs(expected - actual);
      lateNanos += difference;
      String what = "job " + job + ": legacy " + expected + " ns, virtual clock " + actual + " ns";
      if (!diverged && difference > 0) {
        // The first instant on which they disagree: one rounded a completion up, the other not.
        assertTrue(difference <= 1, "first divergence above a rounding step: " + what);
        diverged = true;
      }
      assertTrue(difference <= NANOS, what);
    }
    // A job finishing d ns later holds its share's allocation (at most the capacity) d ns longer:
    // the integrals may differ by the capacity times the sum of the differences.
    double slack = lateNanos * 1e-9 * capacity;
    for (int i = 0; i < specs.size(); i++) {
      assertEquals(
          legacy.allocated[i],
          current.allocated[i],
          1e-9 * Math.max(1, legacy.allocated[i]) + slack,
          "allocated work of share " + i);
      assertEquals(
          legacy.useful[i],
          current.useful[i],
          1e-9 * Math.max(1, legacy.useful[i]) + slack,
          "useful work of share " + i);
    }
  }

  /** What one implementation did: each job's completion instant (-1: none), each share's work. */
  static final class Run {
    final long[] completedAt;
    final double[] allocated;
    final double[] useful;

    Run(int shares, int actions) {
      completedAt = new long[2 * actions];
      Arrays.fill(completedAt, -1);
      allocated = new double[shares];
      useful = new double[shares];
    }

    @Override
    public String toString() {
      return Arrays.toString(completedAt);
    }
  }

  private static final long END = 10_000_000_000L;

  /** What the property does to a pool, on either implementation: S a share, J a job. */
  private interface PoolOps<S, J> {
    S addShare(String name, ShareSettings settings);

    J submit(S share, double work, Runnable done);

    void cancel(S share, J job);

    void setWeight(S share, double weight);

    void setFloor(S share, double floor);

    void setCap(S share, double cap);

    void setEfficiency(S share, double efficiency);

    double allocatedWork(S share);

    double usefulWork(S share);
  }

  private static void runCurrent(
      Run run, List<ShareSpec> specs, List<Action> actions, double capacity) {
    Simulation simulation = new Simulation();
    SharedCapacity pool = new SharedCapacity(simulation, "cpu", capacity);
    play(
        run,
        simulation,
        specs,
        actions,
        new PoolOps<Share, Job>() {
          @Override
          public Share addShare(String name, ShareSettings settings) {
            return pool.addShare(name, settings);
          }

          @Override
          public Job submit(Share share, double work, Runnable done) {
            return share.submit(work, job -> done.run());
          }

          @Override
          public void cancel(Share share, Job job) {
            share.cancel(job);
          }

          @Override
          public void setWeight(Share share, double weight) {
            share.setWeight(weight);
          }

          @Override
          public void setFloor(Share share, double floor) {
            share.setFloor(floor);
          }

          @Override
          public void setCap(Share share, double cap) {
            share.setCap(cap);
          }

          @Override
          public void setEfficiency(Share share, double efficiency) {
            share.setEfficiency(efficiency);
          }

          @Override
          public double allocatedWork(Share share) {
            return share.allocatedWork();
          }

          @Override
          public double usefulWork(Share share) {
            return share.usefulWork();
          }
        });
  }

  private static void runLegacy(
      Run run, List<ShareSpec> specs, List<Action> actions, double capacity) {
    Simulation simulation = new Simulation();
    LegacyCapacity pool = new LegacyCapacity(simulation, "cpu", capacity);
    play(
        run,
        simulation,
        specs,
        actions,
        new PoolOps<LegacyShare, LegacyJob>() {
          @Override
          public LegacyShare addShare(String name, ShareSettings settings) {
            return pool.addShare(name, settings);
          }

          @Override
          public LegacyJob submit(LegacyShare share, double work, Runnable done) {
            return share.submit(work, job -> done.run());
          }

          @Override
          public void cancel(LegacyShare share, LegacyJob job) {
            share.cancel(job);
          }

          @Override
          public void setWeight(LegacyShare share, double weight) {
            share.setWeight(weight);
          }

          @Override
          public void setFloor(LegacyShare share, double floor) {
            share.setFloor(floor);
          }

          @Override
          public void setCap(LegacyShare share, double cap) {
            share.setCap(cap);
          }

          @Override
          public void setEfficiency(LegacyShare share, double efficiency) {
            share.setEfficiency(efficiency);
          }

          @Override
          public double allocatedWork(LegacyShare share) {
            return share.allocatedWork();
          }

          @Override
          public double usefulWork(LegacyShare share) {
            return share.usefulWork();
          }
        });
  }

  /** Plays {@code actions} on a pool of {@code specs}' shares and records what happened. */
  private static <S, J> void play(
      Run run,
      Simulation simulation,
      List<ShareSpec> specs,
      List<Action> actions,
      PoolOps<S, J> pool) {
    List<S> shares = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      shares.add(pool.addShare("s" + i, specs.get(i).settings()));
    }
    List<@Nullable J> jobs = new ArrayList<>(Collections.nCopies(2 * actions.size(), null));
    for (int index = 0; index < actions.size(); index++) {
      Action action = actions.get(index);
      int id = 2 * index;
      simulation.schedule(
          action.atMicros() * 1000,
          () -> {
            S share = shares.get(action.share() % shares.size());
            switch (action.kind()) {
              case 5 -> {
                J victim = jobs.get((int) (action.amount() * 1e6) % jobs.size());
                if (victim != null) {
                  pool.cancel(share, victim);
                }
              }
              case 6 -> pool.setWeight(share, 0.1 + action.amount() * 100);
              case 7 -> pool.setFloor(share, action.amount() * 20);
              case 8 ->
                  pool.setCap(
                      share,
                      action.amount() < 0.01 ? Double.POSITIVE_INFINITY : action.amount() * 40);
              case 9 -> pool.setEfficiency(share, 0.5 + action.amount() * 10);
              default ->
                  jobs.set(
                      id,
                      pool.submit(
                          share,
                          action.amount(),
                          () -> {
                            run.completedAt[id] = simulation.now();
                            if (action.followUp() > 0) {
                              jobs.set(
                                  id + 1,
                                  pool.submit(
                                      share,
                                      action.followUp(),
                                      () -> run.completedAt[id + 1] = simulation.now()));
                            }
                          }));
            }
          });
    }
    simulation.runUntil(END);
    for (int i = 0; i < shares.size(); i++) {
      run.allocated[i] = pool.allocatedWork(shares.get(i));
      run.useful[i] = pool.usefulWork(shares.get(i));
    }
  }
}
