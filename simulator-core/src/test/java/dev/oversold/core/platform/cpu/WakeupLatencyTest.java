package dev.oversold.core.platform.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.sharing.SharedCapacity;
import org.junit.jupiter.api.Test;

final class WakeupLatencyTest {
  private static final int DRAWS = 40_000;

  /** A pool of {@code cores} cores with {@code hogs} busy one-thread shares and an idle one. */
  private static Share idleShareAmongHogs(int cores, int hogs) {
    Simulation simulation = new Simulation();
    SharedCapacity pool = new SharedCapacity(simulation, "cpu", cores);
    for (int i = 0; i < hogs; i++) {
      pool.addShare("hog" + i, ShareSettings.simple(1.0).withParallelLimit(1)).submit(1e9, j -> {});
    }
    return pool.addShare("waker", ShareSettings.simple(1.0).withParallelLimit(1));
  }

  private static double meanMillis(WakeupLatency model, Share share, boolean under) {
    RandomStream random = new RandomStream(42);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      sum += model.delayNanos(share, under, random);
    }
    return sum / DRAWS / SimTime.MILLISECOND;
  }

  @Test
  void xenOver_waitsForTheFirstSliceEndAndTheQueueAhead() {
    // 4 cores, 8 hogs: q = 8 - 4 = 4 threads wait ahead. E[min of 4 uniforms] = 1/5.
    // Mean wait = 30 ms / 5 + 30 ms * 4 / 4 = 6 + 30 = 36 ms. The waker has no credit left:
    // OVER.
    Share waker = idleShareAmongHogs(4, 8);
    assertEquals(36.0, meanMillis(WakeupLatency.xenCredit(), waker, false), 0.36);
  }

  @Test
  void xenUnder_isBoostedAndWaitsOnlyForTheRatelimit() {
    // 1 core, 3 hogs, the waker with credit (UNDER): BOOST preempts once the running
    // slice is 1 ms old. Age A ~ U(0, 30 ms): E[max(0, R - A)] = R^2 / (2T) = 1/60 ms.
    Share waker = idleShareAmongHogs(1, 3);
    assertEquals(1.0 / 60, meanMillis(WakeupLatency.xenCredit(), waker, true), 0.002);
  }

  @Test
  void cfsOver_waitsForSlicesThatShrinkWithLoad() {
    // 2 CPUs: factor 1 + log2(2) = 2 -> latency 12 ms, min granularity 1.5 ms. 6 hogs + waker =
    // 3.5 per CPU -> slice max(1.5, 12 / 3.5 = 3.4286) ms. Wait = slice/3 + slice * 4/2 =
    // 3.4286 * (1/3 + 2) = 8.0 ms.
    Share waker = idleShareAmongHogs(2, 6);
    assertEquals(8.0, meanMillis(WakeupLatency.cfs(2), waker, false), 0.08);
  }

  @Test
  void cfsUnder_preemptsAtOnce() {
    Share waker = idleShareAmongHogs(2, 6);
    assertEquals(0, meanMillis(WakeupLatency.cfs(2), waker, true), 0);
  }

  @Test
  void unsaturatedHost_neverDelays() {
    // 4 cores, 2 hogs: an idle core takes the waker whatever its usage.
    Share waker = idleShareAmongHogs(4, 2);
    assertEquals(0, meanMillis(WakeupLatency.xenCredit(), waker, false), 0);
  }

  @Test
  void switchedOff_neverDelays() {
    Share waker = idleShareAmongHogs(1, 3);
    assertEquals(0, meanMillis(WakeupLatency.xenCredit().withEnabled(false), waker, false), 0);
  }
}
