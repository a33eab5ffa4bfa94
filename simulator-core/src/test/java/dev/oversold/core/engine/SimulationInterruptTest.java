package dev.oversold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class SimulationInterruptTest {
  /** An event that schedules itself 1 ns later, forever: 10^12 events in a 1000 s run. */
  private static void tick(Simulation simulation) {
    simulation.scheduleAfter(1, () -> tick(simulation));
  }

  @Test
  void runUntil_interruptedThread_stopsWithinOneCheckInterval() {
    Simulation simulation = new Simulation();
    simulation.schedule(0, () -> tick(simulation));
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          SimulationInterruptedException.class, () -> simulation.runUntil(1_000_000_000_000L));
      // The flag is read every 4096 events (the mask in Simulation): the first check stops it.
      assertEquals(4096, simulation.eventsRun());
      assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set for the caller");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void runUntil_notInterrupted_runsEveryEvent() {
    Simulation simulation = new Simulation();
    simulation.schedule(0, () -> tick(simulation));
    simulation.runUntil(9_999);
    // Events at 0, 1, ..., 9999 ns: 10,000 of them.
    assertEquals(10_000, simulation.eventsRun());
  }
}
