package dev.oversold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class SimulationProperties {
  /** One scheduled event of a plan: due time, and whether to cancel it before the run. */
  record Planned(long time, boolean cancelled, int children) {}

  @Provide
  Arbitrary<List<Planned>> eventPlans() {
    Arbitrary<Planned> planned =
        Combinators.combine(
                Arbitraries.longs().between(0, 1_000),
                Arbitraries.of(true, false, false, false),
                Arbitraries.integers().between(0, 2))
            .as(Planned::new);
    return planned.list().ofMaxSize(200);
  }

  /**
   * Runs a plan: events (and the children each schedules at now + its index) recorded as (time,
   * id). Independent reference order: sort the non-cancelled events by (time, scheduling index).
   */
  @Property(tries = 200)
  void events_runInTimeThenSequenceOrder_andTheClockNeverGoesBack(
      @ForAll("eventPlans") List<Planned> plan) {
    Simulation simulation = new Simulation();
    List<long[]> ran = new ArrayList<>();
    List<EventHandle> handles = new ArrayList<>();
    long[] lastTime = {0};
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      int id = i;
      handles.add(
          simulation.schedule(
              p.time(),
              () -> {
                assertTrue(simulation.now() >= lastTime[0], "clock went back");
                lastTime[0] = simulation.now();
                ran.add(new long[] {simulation.now(), id});
                for (int c = 0; c < p.children(); c++) {
                  long due = simulation.now() + c;
                  simulation.schedule(
                      due,
                      () -> {
                        assertTrue(simulation.now() >= lastTime[0], "clock went back");
                        lastTime[0] = simulation.now();
                      });
                }
              }));
    }
    Set<Integer> cancelled = new HashSet<>();
    for (int i = 0; i < plan.size(); i++) {
      if (plan.get(i).cancelled()) {
        handles.get(i).cancel();
        cancelled.add(i);
      }
    }
    simulation.runUntil(2_000);

    List<long[]> expected = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      if (!cancelled.contains(i)) {
        expected.add(new long[] {plan.get(i).time(), i});
      }
    }
    expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    assertEquals(expected.size(), ran.size());
    for (int k = 0; k < expected.size(); k++) {
      assertEquals(expected.get(k)[1], ran.get(k)[1], "event at position " + k);
    }
    assertEquals(0, simulation.pendingEvents());
  }

  @Property(tries = 100)
  void reschedule_isEquivalentToCancelAndScheduleAnew(@ForAll("eventPlans") List<Planned> plan) {
    // Two simulations: one moves events with reschedule, the other cancels and schedules anew.
    // Both must run the same ids in the same order.
    List<Integer> viaReschedule = runMoving(plan, true);
    List<Integer> viaCancel = runMoving(plan, false);
    assertEquals(viaCancel, viaReschedule);
  }

  private static List<Integer> runMoving(List<Planned> plan, boolean reschedule) {
    Simulation simulation = new Simulation();
    List<Integer> ran = new ArrayList<>();
    List<EventHandle> handles = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      int id = i;
      handles.add(simulation.schedule(plan.get(i).time(), () -> ran.add(id)));
    }
    for (int i = 0; i < plan.size(); i++) {
      if (plan.get(i).cancelled()) {
        long newTime = 1_000 - plan.get(i).time();
        int id = i;
        if (reschedule) {
          simulation.reschedule(handles.get(i), newTime);
        } else {
          handles.get(i).cancel();
          handles.set(i, simulation.schedule(newTime, () -> ran.add(id)));
        }
      }
    }
    simulation.runUntil(2_000);
    return ran;
  }

  /**
   * A one-at-a-time server (BlockDevice's channel) may queue its single event again from inside
   * that event's own action instead of scheduling a new one. Reference: the same chain with a new
   * event per step. Steps land on times shared with the plan's events (delays 0-3 from a handful of
   * due times), so the order is decided by sequence numbers; both runs must record the same events
   * in the same order. Fails if rescheduling an event that has run kept its old sequence (or took
   * none), since a step then jumps ahead of events scheduled at the same instant.
   */
  @Property(tries = 200)
  void reschedulingAnEventThatRan_ordersAsANewEvent(
      @ForAll("eventPlans") List<Planned> plan, @ForAll("stepDelays") List<Integer> steps) {
    assertEquals(runChain(plan, steps, false), runChain(plan, steps, true));
  }

  @Provide
  Arbitrary<List<Integer>> stepDelays() {
    return Arbitraries.integers().between(0, 3).list().ofMaxSize(60);
  }

  private static List<Integer> runChain(List<Planned> plan, List<Integer> steps, boolean reuse) {
    Simulation simulation = new Simulation();
    List<Integer> ran = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      int id = i;
      // Due times folded onto a few instants, and each event schedules its children at now + c,
      // so many events tie with the chain's steps.
      simulation.schedule(
          plan.get(i).time() % 8,
          () -> {
            ran.add(id);
            for (int c = 0; c < plan.get(id).children(); c++) {
              int child = 10_000 + id * 10 + c;
              simulation.schedule(simulation.now() + c, () -> ran.add(child));
            }
          });
    }
    int[] step = {0};
    EventHandle[] reused = new EventHandle[1];
    Runnable[] action = new Runnable[1];
    action[0] =
        () -> {
          ran.add(-1 - step[0]);
          if (step[0] < steps.size()) {
            long due = simulation.now() + steps.get(step[0]);
            step[0]++;
            if (reuse) {
              simulation.reschedule(reused[0], due);
            } else {
              simulation.schedule(due, action[0]);
            }
          }
        };
    reused[0] = simulation.schedule(0, action[0]);
    simulation.runUntil(2_000);
    return ran;
  }
}
