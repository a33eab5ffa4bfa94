package dev.oversold.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The search on a monotone synthetic host: each tenant adds {@code load} ms of p99 per core, with
 * replication noise that does not depend on the count. The answer is then computable by hand:
 * without noise the largest n with {@code n * load / cores <= limit}.
 */
final class CapacitySearchProperties {
  private static final double[] NOISE = {0.03, -0.02, 0.01, -0.04, 0.02};

  @Property(tries = 200)
  void answer_matchesTheClosedForm_withoutNoise(
      @ForAll @IntRange(min = 1, max = 64) int cores,
      @ForAll @DoubleRange(min = 0.5, max = 50) double load,
      @ForAll @DoubleRange(min = 1, max = 500) double limit,
      @ForAll @IntRange(min = 1, max = 300) int start)
      throws Exception {
    int max = 400;
    SearchResult result =
        CapacitySearch.run(
            Synthetic.settings(limit, Math.min(start, max), max, 10),
            Synthetic.p99(n -> n * load / cores));
    int expected = 0;
    while (expected < max && (expected + 1) * load / cores <= limit) {
      expected++;
    }
    assertEquals(expected, result.tenants());
  }

  @Property(tries = 200)
  void moreCores_neverLowerTheAnswer(
      @ForAll @IntRange(min = 1, max = 32) int cores,
      @ForAll @IntRange(min = 1, max = 32) int extra,
      @ForAll @DoubleRange(min = 0.5, max = 50) double load,
      @ForAll @DoubleRange(min = 1, max = 500) double limit)
      throws Exception {
    int fewer = answer(cores, load, limit);
    int more = answer(cores + extra, load, limit);
    assertTrue(
        more >= fewer,
        more + " tenants on " + (cores + extra) + " cores, " + fewer + " on " + cores);
  }

  @Property(tries = 200)
  void aStricterLimit_neverRaisesTheAnswer(
      @ForAll @IntRange(min = 1, max = 32) int cores,
      @ForAll @DoubleRange(min = 0.5, max = 50) double load,
      @ForAll @DoubleRange(min = 1, max = 500) double limit,
      @ForAll @DoubleRange(min = 0.1, max = 1) double stricter)
      throws Exception {
    int loose = answer(cores, load, limit);
    int strict = answer(cores, load, limit * stricter);
    assertTrue(
        strict <= loose,
        strict + " tenants under the stricter limit, " + loose + " under the looser");
  }

  private static int answer(int cores, double load, double limit) throws Exception {
    return CapacitySearch.run(
            Synthetic.settings(limit, 10, 400, 5), Synthetic.p99(n -> n * load / cores, NOISE))
        .tenants();
  }
}
