package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Skew;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

final class TouchLocalityProperties {
  /**
   * With cold pages taken first, a skewed working set never faults more per touch than a uniform
   * one with as many pages out. Under Che a class's out-probability m_c = exp(-r_c tau) falls as
   * its per-page touch rate r_c rises, so with page weights w_c = n_c / total the fault rate sum_c
   * w_c r_c m_c x total is at most total x E[r] E[m] = N / total (Chebyshev's sum inequality, E[r]
   * = 1 / total): the uniform rate.
   */
  @Property(tries = 400)
  void skewNeverFaultsMoreThanUniformAtTheSameResidentSize(
      @ForAll("skews") Skew skew,
      @ForAll @IntRange(min = 1, max = 2_000_000) int total,
      @ForAll @IntRange(min = 0, max = 1_000_000) int outPerMillion) {
    long nonResident = Math.round((double) total * outPerMillion / 1_000_000);
    double uniform = (double) nonResident / total;
    double skewed = new TouchLocality(skew).faultProbability(total, nonResident);
    assertTrue(skewed >= 0 && skewed <= 1, () -> "probability " + skewed);
    assertTrue(
        skewed <= uniform + 1e-9,
        () -> skew + ": " + skewed + " faults per touch, uniform " + uniform);
  }

  /** Uniform, Zipf exponents over (0, 4], hot sets of any fraction and share. */
  static Arbitrary<Skew> skewArbitrary() {
    Arbitrary<Skew> zipf =
        Arbitraries.doubles().between(0.01, Skew.Zipf.MAX_EXPONENT).map(Skew.Zipf::new);
    Arbitrary<Skew> hot =
        Combinators.combine(
                Arbitraries.doubles().between(0.001, 1).ofScale(4),
                Arbitraries.doubles().between(0, 1).ofScale(4))
            .as(
                (fraction, extra) ->
                    new Skew.HotSet(fraction, Math.min(1, fraction + (1 - fraction) * extra)));
    return Arbitraries.oneOf(Arbitraries.just(Skew.UNIFORM), zipf, hot);
  }

  @Provide
  Arbitrary<Skew> skews() {
    return skewArbitrary();
  }
}
