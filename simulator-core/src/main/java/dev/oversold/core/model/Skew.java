package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a workload's accesses spread over its pages: every page alike, a Zipf popularity law, or a
 * hot set taking a share of the accesses. One vocabulary for a service's working set (which pages a
 * request touches) and for its dataset (which file pages a request reads through the page cache).
 */
public sealed interface Skew {
  /** Every page equally likely: the independent reference model with one popularity class. */
  Skew UNIFORM = new Uniform();

  /** Every page equally likely. */
  record Uniform() implements Skew {}

  /**
   * The page of popularity rank r is accessed with probability proportional to r^-exponent (web
   * object popularity measures 0.6-0.9 [Breslau et al. 1999, "Web caching and Zipf-like
   * distributions"]).
   *
   * @param exponent the law's exponent, > 0 and at most {@link #MAX_EXPONENT}
   */
  record Zipf(double exponent) implements Skew {
    /** Beyond 4 the first page takes over 92 % of the accesses: nothing is left to model. */
    public static final double MAX_EXPONENT = 4;

    public Zipf {
      checkArgument(
          exponent > 0 && exponent <= MAX_EXPONENT,
          "Zipf exponent must be in (0, %s]: %s",
          MAX_EXPONENT,
          exponent);
    }
  }

  /**
   * {@code fraction} of the pages take {@code share} of the accesses, the rest the remainder, each
   * page of a class equally likely (e.g. 20 % of the pages, 80 % of the accesses).
   *
   * @param fraction hot pages over all pages, in (0, 1]
   * @param share accesses that go to a hot page, in [fraction, 1]: a hot page is at least as likely
   *     as a cold one
   */
  record HotSet(double fraction, double share) implements Skew {
    public HotSet {
      checkArgument(fraction > 0 && fraction <= 1, "hot fraction must be in (0, 1]: %s", fraction);
      checkArgument(
          share >= fraction && share <= 1,
          "hot share must be in [hot fraction, 1]: %s (fraction %s)",
          share,
          fraction);
    }
  }
}
