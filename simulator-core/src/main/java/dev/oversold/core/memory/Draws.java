package dev.oversold.core.memory;

import dev.oversold.core.engine.RandomStream;

/** Random counts of pages that fall into a state. */
final class Draws {
  private Draws() {}

  /**
   * A binomial count of {@code n} trials with success probability {@code p}: exact (Bernoulli
   * trials) for small {@code n}, Poisson for rare events, else the normal approximation. The mean
   * is {@code n * p} in every branch.
   */
  static long binomial(RandomStream random, long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (n <= 32) {
      long count = 0;
      for (long i = 0; i < n; i++) {
        if (random.nextDouble() < p) {
          count++;
        }
      }
      return count;
    }
    double mean = n * p;
    if (mean < 10 && p < 0.05) {
      double limit = Math.exp(-mean);
      long count = 0;
      double product = random.nextOpenDouble();
      while (product > limit) {
        count++;
        product *= random.nextOpenDouble();
      }
      return Math.min(n, count);
    }
    double sd = Math.sqrt(mean * (1 - p));
    long value = Math.round(mean + sd * random.nextGaussian());
    return Math.max(0, Math.min(n, value));
  }

  /**
   * {@code part}'s share of {@code amount} when {@code amount} is taken evenly from {@code whole}.
   */
  static long portion(long part, long amount, long whole) {
    if (whole <= 0 || part <= 0 || amount <= 0) {
      return 0;
    }
    if (amount >= whole) {
      return part;
    }
    long taken = Math.min(part, Math.round((double) part * amount / whole));
    // What stays of the part must still fit in what stays of the whole.
    return Math.max(taken, part - (whole - amount));
  }
}
