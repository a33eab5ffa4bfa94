package dev.oversold.report.calculation;

import dev.oversold.report.model.Interval;
import org.apache.commons.math3.distribution.TDistribution;

/** The few statistics the report needs; NaN means "not defined" and prints as null or "-". */
public final class Stats {
  private Stats() {}

  /** Arithmetic mean; NaN for no values or when any value is NaN. */
  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Largest value; NaN for none. NaN values are skipped. */
  public static double max(double[] values) {
    double max = Double.NaN;
    for (double v : values) {
      if (!Double.isNaN(v) && (Double.isNaN(max) || v > max)) {
        max = v;
      }
    }
    return max;
  }

  /** {@code 1 - part / whole}: the fraction lost; NaN when {@code whole} is not positive. */
  public static double drop(double part, double whole) {
    return whole > 0 ? 1 - part / whole : Double.NaN;
  }

  /** {@code part / whole}; NaN when {@code whole} is not positive. */
  public static double ratio(double part, double whole) {
    return whole > 0 ? part / whole : Double.NaN;
  }

  /**
   * Jain's fairness index {@code (sum x)^2 / (n * sum x^2)}: 1 when every x is equal, 1/n when one
   * takes everything. NaN for no values or when every x is zero.
   */
  public static double jain(double[] x) {
    double sum = 0;
    double squares = 0;
    for (double v : x) {
      sum += v;
      squares += v * v;
    }
    return x.length == 0 || squares == 0 ? Double.NaN : sum * sum / (x.length * squares);
  }

  /**
   * The 95% confidence interval of the mean of {@code values} (Student's t with n-1 degrees of
   * freedom: mean +- t(0.975, n-1) * s / sqrt(n)); null for fewer than two values or any NaN.
   */
  public static Interval confidence95(double[] values) {
    int n = values.length;
    double mean = mean(values);
    if (n < 2 || Double.isNaN(mean)) {
      return null;
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean, mean - half, mean + half);
  }
}
