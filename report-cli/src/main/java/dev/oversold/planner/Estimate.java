package dev.oversold.planner;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a figure over replications and its 95% confidence interval (Student's t with n-1
 * degrees of freedom: mean +- t(0.975, n-1) * s / sqrt(n)). With one value the interval is
 * unbounded; an infinite value makes the estimate infinite with a zero-width interval (a victim
 * that completed nothing misses any limit).
 *
 * @param mean the mean
 * @param low lower end of the interval
 * @param high upper end of the interval
 * @param n how many values
 */
public record Estimate(double mean, double low, double high, int n) {
  public static Estimate of(double[] values) {
    int n = values.length;
    if (n == 0) {
      throw new IllegalArgumentException("no values");
    }
    double sum = 0;
    for (double v : values) {
      if (v == Double.POSITIVE_INFINITY) {
        return new Estimate(v, v, v, n);
      }
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new Estimate(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, n);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    double half = t * sd / Math.sqrt(n);
    return new Estimate(mean, mean - half, mean + half, n);
  }

  /** True when the interval is bounded (two or more finite values). */
  public boolean hasInterval() {
    return Double.isFinite(low) && Double.isFinite(high);
  }
}
