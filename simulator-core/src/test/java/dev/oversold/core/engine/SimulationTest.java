package dev.oversold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SimulationTest {
  @Test
  void events_runInTimeOrderThenSchedulingOrder() {
    Simulation simulation = new Simulation();
    List<String> log = new ArrayList<>();
    simulation.schedule(30, () -> log.add("c@30"));
    simulation.schedule(10, () -> log.add("a@10"));
    simulation.schedule(20, () -> log.add("b1@20"));
    simulation.schedule(20, () -> log.add("b2@20"));
    simulation.schedule(10, () -> log.add("a2@10"));
    simulation.runUntil(100);
    // Hand-ordered: by time, and at equal times in the order they were scheduled.
    assertEquals(List.of("a@10", "a2@10", "b1@20", "b2@20", "c@30"), log);
    assertEquals(100, simulation.now());
  }

  @Test
  void events_scheduledDuringAnEventAtTheSameInstant_runAfterThoseAlreadyQueued() {
    Simulation simulation = new Simulation();
    List<String> log = new ArrayList<>();
    simulation.schedule(
        5,
        () -> {
          log.add("first");
          simulation.schedule(5, () -> log.add("third"));
        });
    simulation.schedule(5, () -> log.add("second"));
    simulation.runUntil(5);
    assertEquals(List.of("first", "second", "third"), log);
  }

  @Test
  void cancel_removesTheEventAndLeavesTheOthers() {
    Simulation simulation = new Simulation();
    List<Integer> log = new ArrayList<>();
    EventHandle[] handles = new EventHandle[5];
    for (int i = 0; i < 5; i++) {
      int id = i;
      handles[i] = simulation.schedule(10L * (i + 1), () -> log.add(id));
    }
    handles[1].cancel();
    handles[3].cancel();
    handles[3].cancel(); // twice is harmless
    assertFalse(handles[1].isPending());
    assertTrue(handles[0].isPending());
    assertEquals(3, simulation.pendingEvents());
    simulation.runUntil(1000);
    assertEquals(List.of(0, 2, 4), log);
  }

  @Test
  void reschedule_movesAnEventAndGivesItAFreshSequence() {
    Simulation simulation = new Simulation();
    List<String> log = new ArrayList<>();
    EventHandle moved = simulation.schedule(50, () -> log.add("moved"));
    simulation.schedule(20, () -> log.add("other@20"));
    simulation.reschedule(moved, 20);
    simulation.runUntil(100);
    // Rescheduled after "other@20" was scheduled, so it runs second at t=20.
    assertEquals(List.of("other@20", "moved"), log);
  }

  @Test
  void runUntil_leavesLaterEventsQueued_andTheClockNeverGoesBack() {
    Simulation simulation = new Simulation();
    List<Long> times = new ArrayList<>();
    simulation.schedule(10, () -> times.add(simulation.now()));
    simulation.schedule(200, () -> times.add(simulation.now()));
    simulation.runUntil(100);
    assertEquals(List.of(10L), times);
    assertEquals(1, simulation.pendingEvents());
    assertThrows(IllegalArgumentException.class, () -> simulation.schedule(99, () -> {}));
    assertThrows(IllegalArgumentException.class, () -> simulation.runUntil(50));
    simulation.runUntil(300);
    assertEquals(List.of(10L, 200L), times);
  }

  @Test
  void scheduleAfter_saturatesAtNever() {
    Simulation simulation = new Simulation();
    simulation.schedule(10, () -> {});
    simulation.runUntil(10);
    EventHandle handle = simulation.scheduleAfter(Long.MAX_VALUE - 5, () -> {});
    assertEquals(SimTime.NEVER, handle.time());
  }
}
