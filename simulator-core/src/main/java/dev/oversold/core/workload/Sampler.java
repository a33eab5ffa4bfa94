package dev.oversold.core.workload;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.model.Distribution;

/** Draws from a {@link Distribution} with a tenant's random stream. */
public final class Sampler {
  private final Distribution distribution;
  private final RandomStream random;
  private final double logMean;
  private final double logSigma;

  public Sampler(Distribution distribution, RandomStream random) {
    this.distribution = distribution;
    this.random = random;
    if (distribution instanceof Distribution.Lognormal lognormal) {
      // Moments of the value give the parameters of its logarithm:
      // sigma^2 = ln(1 + s^2/m^2), mu = ln(m) - sigma^2/2.
      double m = lognormal.mean();
      double s = lognormal.stddev();
      double variance = logVariance(m, s);
      this.logSigma = Math.sqrt(variance);
      this.logMean = Math.log(m) - variance / 2;
    } else {
      this.logSigma = 0;
      this.logMean = 0;
    }
  }

  /**
   * ln(1 + s^2/m^2). A tiny mean (1e-300 s is valid input) underflows m^2 to 0 and would make the
   * variance infinite and every draw NaN; then the identity ln(1 + r^2) = 2 ln r + ln(1 + 1/r^2), r
   * = s/m, taken on logarithms, gives the same value without squaring. Ordinary inputs keep the
   * direct formula, so their draws are unchanged to the bit.
   */
  static double logVariance(double m, double s) {
    double ratioSquared = (s * s) / (m * m);
    if (Double.isFinite(ratioSquared)) {
      return Math.log1p(ratioSquared);
    }
    if (s == 0) {
      return 0; // 0/0: no spread at all
    }
    double inverse = m / s;
    return 2 * (Math.log(s) - Math.log(m)) + Math.log1p(inverse * inverse);
  }

  public double next() {
    if (distribution instanceof Distribution.Constant constant) {
      return constant.value();
    }
    if (distribution instanceof Distribution.Exponential exponential) {
      return random.nextExponential(exponential.mean());
    }
    if (distribution instanceof Distribution.Uniform uniform) {
      return uniform.min() + (uniform.max() - uniform.min()) * random.nextDouble();
    }
    return Math.exp(logMean + logSigma * random.nextGaussian());
  }

  /** A Poisson count with the given mean (Knuth's product method; means here are small). */
  public static int poisson(RandomStream random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      // Normal approximation keeps the cost bounded for unusually large means.
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    int count = 0;
    double product = random.nextOpenDouble();
    while (product > limit) {
      count++;
      product *= random.nextOpenDouble();
    }
    return count;
  }
}
