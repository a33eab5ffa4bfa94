package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.Simulation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The device against queueing theory: Poisson arrivals at a device whose units serve one request
 * each. With one unit and exponential service it is M/M/1, with constant service M/D/1, with c
 * units M/M/c (Erlang C). Each run serves 400,000 requests from a fixed seed; the tolerances are
 * about four standard errors of the mean sojourn for these loads, so the tests are not flaky but
 * catch any error in ordering or timing larger than a few per cent.
 */
final class DeviceQueueingTest {
  private static final double MEAN_SERVICE_S = 0.001;
  private static final int REQUESTS = 400_000;

  /** A device of {@code units} servers; service exponential (or constant) with mean 1 ms. */
  private record TestService(int units, boolean exponential, SplittableRandom random)
      implements ServiceTimeModel {
    @Override
    public long positioningNanos(BlockRequest request) {
      double seconds =
          exponential ? -Math.log(1 - random.nextDouble()) * MEAN_SERVICE_S : MEAN_SERVICE_S;
      return Math.round(seconds * 1e9);
    }

    @Override
    public long transferNanos(BlockRequest request) {
      return 0;
    }

    @Override
    public boolean unitHeldThroughTransfer() {
      return true;
    }
  }

  /** {@code observedRate}: requests over the time from 0 to the last completion. */
  private record Run(double meanSojournS, double meanInSystem, double observedRate) {}

  private static Run poisson(double lambda, int units, boolean exponential, int depth) {
    Simulation simulation = new Simulation();
    SplittableRandom random = new SplittableRandom(42);
    BlockDevice device =
        new BlockDevice(
            simulation,
            new TestService(units, exponential, random.split()),
            depth,
            new FifoScheduler());
    IoQueue queue = new IoQueue("q", 1.0);
    SplittableRandom arrivals = random.split();
    double[] meanInSystem = new double[1];
    long[] lastCompletion = new long[1];
    long t = 0;
    for (int i = 0; i < REQUESTS; i++) {
      t += Math.round(-Math.log(1 - arrivals.nextDouble()) / lambda * 1e9);
      long at = t;
      simulation.schedule(
          at,
          () ->
              device.submit(
                  new BlockRequest(
                      queue,
                      4096,
                      false,
                      false,
                      true,
                      r -> {
                        // Sample L over [0, last completion]: the device is empty from then on.
                        if (queue.completed() == REQUESTS) {
                          meanInSystem[0] = device.meanInSystem();
                          lastCompletion[0] = r.completedAt();
                        }
                      })));
    }
    simulation.runUntil(Long.MAX_VALUE / 2);
    assertEquals(REQUESTS, queue.completed());
    return new Run(
        queue.sojournNanos() / 1e9 / REQUESTS,
        meanInSystem[0],
        REQUESTS / (lastCompletion[0] / 1e9));
  }

  @Test
  void oneUnitExponential_matchesMm1() {
    // M/M/1, mu = 1000/s, lambda = 800/s: W = 1 / (mu - lambda) = 5 ms.
    Run run = poisson(800, 1, true, 32);
    assertEquals(0.005, run.meanSojournS(), 0.005 * 0.04);
  }

  @Test
  void oneUnitConstant_matchesMd1() {
    // M/D/1 (Pollaczek-Khinchine), rho = 0.8, D = 1 ms: Wq = rho D / (2 (1 - rho)) = 2 ms, W = 3
    // ms.
    Run run = poisson(800, 1, false, 32);
    assertEquals(0.003, run.meanSojournS(), 0.003 * 0.03);
  }

  @Test
  void fourUnitsExponential_matchesErlangC() {
    // M/M/4, mu = 1000/s, lambda = 3000/s: offered load a = 3, rho = 0.75.
    // Erlang C: P(wait) = (a^c / c!) / (1 - rho) / (sum_{k<c} a^k / k! + (a^c / c!) / (1 - rho)).
    // a^4 / 4! = 81 / 24 = 3.375; / 0.25 = 13.5; sum_{k<4} = 1 + 3 + 4.5 + 4.5 = 13;
    // P(wait) = 13.5 / 26.5 = 0.509434; Wq = P(wait) / (c mu - lambda) = 0.509434 / 1000 s;
    // W = Wq + 1 ms = 1.509434 ms.
    Run run = poisson(3000, 4, true, 32);
    assertEquals(0.001509434, run.meanSojournS(), 0.001509434 * 0.03);
  }

  @Test
  void device_obeysLittlesLaw() {
    // L = lambda W holds exactly on a sample path that starts and ends empty: the area under the
    // number in the system is the sum of the sojourns. So the time-average number in the system
    // equals the observed arrival rate times the mean sojourn, up to rounding.
    Run run = poisson(800, 1, true, 32);
    assertEquals(
        run.observedRate() * run.meanSojournS(), run.meanInSystem(), 1e-9 * run.meanInSystem());
  }

  @Test
  void depthOne_isStillOneServerForFifoOrder() {
    // With a FIFO scheduler the device queue depth does not change an M/M/1 queue's sojourn: the
    // requests wait in the scheduler instead of the device, in the same order.
    assertEquals(poisson(800, 1, true, 32).meanSojournS(), poisson(800, 1, true, 1).meanSojournS());
  }
}
