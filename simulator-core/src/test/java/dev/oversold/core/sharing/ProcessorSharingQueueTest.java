package dev.oversold.core.sharing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** The engine against queueing theory: M/M/1 under processor sharing. */
final class ProcessorSharingQueueTest {
  @Test
  void mm1ProcessorSharing_meanSojournIsOneOverMuMinusLambda() {
    // lambda = 50/s, mean service 10 ms (mu = 100/s), one unit of capacity shared by all jobs.
    // M/M/1-PS has the same mean sojourn as M/M/1-FCFS: 1 / (mu - lambda) = 1 / 50 s = 20 ms.
    double lambda = 50;
    double meanService = 0.010;
    double expected = 1 / (1 / meanService - lambda);
    int replications = 30;
    SummaryStatistics means = new SummaryStatistics();
    for (int r = 0; r < replications; r++) {
      means.addValue(
          meanSojourn(r, lambda, meanService, 300 * SimTime.SECOND, 20 * SimTime.SECOND));
    }
    // Replication means are independent and near-normal: a t interval at 99%.
    double t = new TDistribution(replications - 1).inverseCumulativeProbability(0.995);
    double halfWidth = t * means.getStandardDeviation() / Math.sqrt(replications);
    double mean = means.getMean();
    assertTrue(
        Math.abs(mean - expected) <= halfWidth,
        String.format(
            java.util.Locale.ROOT,
            "mean sojourn %.5f s, 99%% CI +-%.5f, theory %.5f",
            mean,
            halfWidth,
            expected));
    // And the interval is tight enough to mean something: under 5% of the expected value.
    assertTrue(halfWidth < 0.05 * expected, "interval too wide: " + halfWidth);
  }

  private static double meanSojourn(
      int replication, double lambda, double meanService, long duration, long warmup) {
    Simulation simulation = new Simulation();
    SharedCapacity server = new SharedCapacity(simulation, "server", 1.0);
    Share share = server.addShare("queue", ShareSettings.simple(1.0));
    RandomStreams streams = new RandomStreams(replication);
    RandomStream arrivals = streams.stream("mm1", "arrivals");
    RandomStream service = streams.stream("mm1", "service");
    SummaryStatistics sojourns = new SummaryStatistics();
    Runnable[] arrive = new Runnable[1];
    arrive[0] =
        () -> {
          long arrived = simulation.now();
          share.submit(
              service.nextExponential(meanService),
              job -> {
                if (arrived >= warmup) {
                  sojourns.addValue(SimTime.toSeconds(simulation.now() - arrived));
                }
              });
          simulation.scheduleAfter(
              SimTime.ceilNanos(arrivals.nextExponential(1 / lambda)), arrive[0]);
        };
    simulation.schedule(0, arrive[0]);
    simulation.runUntil(duration);
    return sojourns.getMean();
  }
}
