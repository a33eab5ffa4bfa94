package dev.oversold.core.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import org.junit.jupiter.api.Test;

final class BandwidthThrottleTest {
  private static final long MS = SimTime.MILLISECOND;

  @Test
  void cpulimit_runsFreelyThenWaitsForTheNextSecond() {
    // OpenVZ cpulimit 25% over 1 s on 1 core, one 0.5 core-s job at t=0: full speed until 0.25
    // core-s are used at 0.25 s, throttled to 1 s, 0.25 s more -> done at 1.25 s (a fluid 25% cap
    // would finish at 2 s).
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share share = cpu.addShare("ct", ShareSettings.simple(1.0).withParallelLimit(1));
    var throttle = new BandwidthThrottle(simulation, share, 0.25, SimTime.SECOND);
    long[] done = {-1};
    share.submit(0.5, job -> done[0] = simulation.now());
    simulation.runUntil(250 * MS - 1);
    assertFalse(throttle.isThrottled());
    simulation.runUntil(250 * MS);
    assertTrue(throttle.isThrottled());
    simulation.runUntil(5 * SimTime.SECOND);
    assertEquals(1250 * MS, done[0]);
    assertEquals(750 * MS, throttle.throttledNanos());
    assertEquals(1, throttle.throttledPeriods());
  }

  @Test
  void cpuMax_throttlesEachHundredMillisecondPeriod() {
    // cpu.max 50000/100000 on 1 core, a 0.12 core-s job: runs 50 ms, waits to 100 ms, runs 50 ms,
    // waits to 200 ms, runs the last 20 ms -> done at 220 ms; throttled 2 x 50 ms.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share share = cpu.addShare("vm", ShareSettings.simple(1.0).withParallelLimit(1));
    var throttle = new BandwidthThrottle(simulation, share, 0.5, 100 * MS);
    long[] done = {-1};
    share.submit(0.12, job -> done[0] = simulation.now());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(220 * MS, done[0]);
    assertEquals(100 * MS, throttle.throttledNanos());
    assertEquals(2, throttle.throttledPeriods());
  }

  @Test
  void quota_isSpentAtTheContendedRateWhenANeighbourCompetes() {
    // 1 core, capped share (50% per 100 ms) and an uncapped neighbour, equal weights, both busy.
    // Together each runs at 0.5: the capped share spends 50 ms of quota in 100 ms, never
    // throttled. Over 1 s each gets 0.5 core-s.
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share capped = cpu.addShare("capped", ShareSettings.simple(1.0).withParallelLimit(1));
    Share free = cpu.addShare("free", ShareSettings.simple(1.0).withParallelLimit(1));
    var throttle = new BandwidthThrottle(simulation, capped, 0.5, 100 * MS);
    capped.submit(100, job -> {});
    free.submit(100, job -> {});
    simulation.runUntil(SimTime.SECOND);
    assertEquals(0.5, capped.allocatedWork(), 1e-6);
    assertEquals(0.5, free.allocatedWork(), 1e-6);
    assertEquals(0, throttle.throttledPeriods());
  }

  @Test
  void setLimit_raisedWhileThrottledLetsTheShareRunAtOnce() {
    // 25% per 1 s: throttled at 0.25 s. At 0.5 s the limit rises to 75%: 0.5 core-s left in the
    // period's quota, so the share runs again from 0.5 s and stops at 1.0 s (the period ends at
    // the same instant the quota does).
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 1.0);
    Share share = cpu.addShare("ct", ShareSettings.simple(1.0).withParallelLimit(1));
    var throttle = new BandwidthThrottle(simulation, share, 0.25, SimTime.SECOND);
    share.submit(10, job -> {});
    simulation.schedule(500 * MS, () -> throttle.setLimit(0.75));
    simulation.runUntil(999 * MS);
    assertFalse(throttle.isThrottled());
    assertEquals(0.25 + 0.499, share.allocatedWork(), 1e-9);
    assertEquals(250 * MS, throttle.throttledNanos());
  }
}
