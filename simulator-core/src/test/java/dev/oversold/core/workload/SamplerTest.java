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
  void lognormal_withATinyMean_drawsNumbersNotNaN() {
    // mean 1e-300, sd 8: m^2 underflows to 0. By hand: sigma^2 = ln(1 + (8/1e-300)^2)
    // = 2 ln(8e300) + ln(1 + 1.6e-602) = 2 x (2.0794 + 690.7755) = 1385.71; mu = ln m - sigma^2/2,
    // so
    // P(X < m) = Phi((ln m - mu) / sigma) = Phi(sigma / 2) = Phi(18.6): all draws below the mean.
    assertEquals(1385.71, Sampler.logVariance(1e-300, 8), 0.01);
    Sampler sampler = new Sampler(new Distribution.Lognormal(1e-300, 8), new RandomStream(7));
    for (int i = 0; i < 10_000; i++) {
      double x = sampler.next();
      assertTrue(x >= 0 && x < 1e-300, "draw " + i + ": " + x);
    }
    // Ordinary inputs keep the direct formula: sd = mean gives ln 2.
    assertEquals(Math.log(2), Sampler.logVariance(0.004, 0.004), 1e-15);
    assertEquals(0, Sampler.logVariance(1e-300, 0));
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
