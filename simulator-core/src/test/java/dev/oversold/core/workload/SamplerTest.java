package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.model.Distribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** The sampler's draws have the moments their distribution promises. */
final class SamplerTest {
  private static final int N = 400_000;

  private static SummaryStatistics draw(Distribution distribution) {
    Sampler sampler = new Sampler(distribution, new RandomStream(7));
    SummaryStatistics stats = new SummaryStatistics();
    for (int i = 0; i < N; i++) {
      stats.addValue(sampler.next());
    }
    return stats;
  }

  @Test
  void constant_isAlwaysItsValue() {
    SummaryStatistics s = draw(new Distribution.Constant(0.004));
    assertEquals(0.004, s.getMin());
    assertEquals(0.004, s.getMax());
  }

  @Test
  void exponential_hasMeanAndStddevEqual() {
    // Exponential(mean 4 ms): sd = mean = 4 ms; standard error of the mean 4 / sqrt(4e5) = 0.0063
    // ms.
    SummaryStatistics s = draw(new Distribution.Exponential(0.004));
    assertEquals(0.004, s.getMean(), 4 * 0.004 / Math.sqrt(N));
    assertEquals(0.004, s.getStandardDeviation(), 0.01 * 0.004);
    assertTrue(s.getMin() >= 0);
  }

  @Test
  void uniform_staysInRangeWithMidpointMean() {
    // Uniform[1, 3]: mean 2, sd 2 / sqrt(12) = 0.577.
    SummaryStatistics s = draw(new Distribution.Uniform(1, 3));
    assertTrue(s.getMin() >= 1 && s.getMax() <= 3);
    assertEquals(2.0, s.getMean(), 4 * 0.577 / Math.sqrt(N));
    assertEquals(2 / Math.sqrt(12), s.getStandardDeviation(), 0.005);
  }

  @Test
  void lognormal_matchesTheMeanAndStddevOfTheValue() {
    // Asked for mean 4 ms and sd 6 ms of the value itself (not of its log).
    SummaryStatistics s = draw(new Distribution.Lognormal(0.004, 0.006));
    assertEquals(0.004, s.getMean(), 0.01 * 0.004);
    assertEquals(0.006, s.getStandardDeviation(), 0.05 * 0.006);
    assertTrue(s.getMin() > 0);
  }

  @Test
  void poisson_countHasItsMean() {
    // Means 0.3 (Knuth product method) and 50 (normal approximation): variance equals the mean.
    for (double mean : new double[] {0.3, 2.5, 50}) {
      RandomStream random = new RandomStream(3);
      SummaryStatistics s = new SummaryStatistics();
      for (int i = 0; i < N; i++) {
        s.addValue(Sampler.poisson(random, mean));
      }
      assertEquals(mean, s.getMean(), 4 * Math.sqrt(mean / N));
      assertEquals(mean, s.getVariance(), 0.02 * mean);
    }
    assertEquals(0, Sampler.poisson(new RandomStream(1), 0));
  }
}
