package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.network.Flow;
import dev.oversold.core.network.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TokenBucketStageTest {
  private static final long INTERVAL = SimDuration.ofMillis(50).nanos();

  /**
   * Shrunk from the hostile-input sweep: a plan with {@code network: { bandwidth-limit:
   * 1e-300Mbit/s }} hung {@code oversold run}. The bucket is 1.25e-295 B/s x 0.05 s = 6.25e-297 B,
   * not empty, so the first 1500 B frame leaves at once (a packet may take the bucket below zero);
   * the second then waits 1500 / 1.25e-295 = 1.2e298 s, past the end of time (2^63 ns = 9.2e9 s).
   * The timer's delay was (long) ceil(1.2e307 ns) + 1, which wrapped from Long.MAX_VALUE to
   * Long.MIN_VALUE and was raised to 1 ns: an event every nanosecond (10^6 in this 1 ms run).
   * Expected: one frame delivered, the second still waiting, and no event run in the first 1 ms.
   */
  @Test
  void aRateTooLowForTheNextTokenEverToArrive_waitsForever_withoutAnEventStorm() {
    Simulation simulation = new Simulation();
    TokenBucketStage stage = new TokenBucketStage(simulation, 1e-300 * 1e6 / 8, INTERVAL);
    List<Long> delivered = new ArrayList<>();
    Flow flow = new Flow("f");
    for (int i = 0; i < 2; i++) {
      stage.process(new Frame(flow, 1500, f -> {}), f -> delivered.add(simulation.now()));
    }
    simulation.runUntil(SimDuration.ofMillis(1).nanos());
    assertEquals(List.of(0L), delivered);
    assertEquals(0, simulation.eventsRun(), "events run in 1 ms");
  }

  /**
   * An ordinary rate still paces by the timer: 30,000 B/s with a 50 ms interval is a 1500 B bucket.
   * Frame 1 takes it to 0 at t = 0; frame 2 waits for the bucket to be non-empty, i.e. the 1 ns
   * minimum timer (tokens 3e-5 B at t = 1 ns), and leaves, taking it to about -1500 B; frame 3
   * waits 1500 B / 30,000 B/s = 50 ms (+ the timer's ceiling and its 1 ns margin).
   */
  @Test
  void anOrdinaryRate_releasesTheThirdFrameOneRefillIntervalLater() {
    Simulation simulation = new Simulation();
    TokenBucketStage stage = new TokenBucketStage(simulation, 30_000, INTERVAL);
    List<Long> delivered = new ArrayList<>();
    Flow flow = new Flow("f");
    for (int i = 0; i < 3; i++) {
      stage.process(new Frame(flow, 1500, f -> {}), f -> delivered.add(simulation.now()));
    }
    simulation.runUntil(SimDuration.ofMillis(200).nanos());
    assertEquals(3, delivered.size());
    assertEquals(0L, delivered.get(0));
    assertTrue(delivered.get(1) >= 1 && delivered.get(1) <= 2, "frame 2 at " + delivered.get(1));
    long third = delivered.get(2);
    assertTrue(third >= INTERVAL && third <= INTERVAL + 4, "frame 3 at " + third + " ns");
  }
}
