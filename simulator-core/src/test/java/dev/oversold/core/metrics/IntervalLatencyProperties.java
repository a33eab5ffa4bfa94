package dev.oversold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The interval recorder (a sorted array of microseconds, a histogram only past its buffer) against
 * the one it replaced in the metrics sampler ({@link LatencyRecorder}: every value into an
 * HdrHistogram). Both are fed the same latencies over several intervals, each ended by a reset, and
 * must report every quantile bit for bit: the time series' p50 and p99, the extremes 0 and 1, and
 * quantiles drawn at random.
 */
final class IntervalLatencyProperties {
  private static final double[] FIXED_QUANTILES = {0, 1e-9, 0.01, 0.25, 0.5, 0.9, 0.99, 0.999, 1};

  @Provide
  Arbitrary<List<List<Long>>> intervals() {
    // Latencies from 0 ns to 100 s: few distinct values (ties, the same bucket) or any value.
    Arbitrary<Long> latency =
        Arbitraries.oneOf(
            Arbitraries.of(0L, 1L, 999L, 1_000L, 1_001L, 2_047_000L, 2_048_000L, 2_049_001L),
            Arbitraries.longs().between(0, 20_000_000L),
            Arbitraries.longs().between(0, 100_000_000_000L));
    return latency.list().ofMaxSize(300).list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 400)
  void everyQuantile_equalsTheHistogramRecorders(
      @ForAll("intervals") List<List<Long>> intervals,
      @ForAll("quantiles") List<Double> drawnQuantiles) {
    IntervalLatency interval = new IntervalLatency();
    for (List<Long> latencies : intervals) {
      LatencyRecorder reference = new LatencyRecorder();
      for (long nanos : latencies) {
        interval.record(nanos);
        reference.record(nanos);
      }
      assertEquals(reference.count(), interval.count());
      assertSameQuantiles(reference, interval, drawnQuantiles);
      interval.reset();
    }
  }

  @Provide
  Arbitrary<List<Double>> quantiles() {
    return Arbitraries.doubles().between(0, 1).list().ofMaxSize(5);
  }

  @Example
  void anIntervalPastTheBuffer_answersFromItsHistogram_andTheNextFromItsArrayAgain() {
    // 10,000 log-uniform latencies (100 ns to 10 s) pass the 8,192-value buffer; after the reset,
    // 50
    // values are answered from the array again.
    IntervalLatency interval = new IntervalLatency();
    SplittableRandom random = new SplittableRandom(13);
    for (int n : new int[] {IntervalLatency.BUFFER_LIMIT + 1_808, 50}) {
      LatencyRecorder reference = new LatencyRecorder();
      for (int i = 0; i < n; i++) {
        long nanos = (long) Math.pow(10, 2 + 8 * random.nextDouble());
        interval.record(nanos);
        reference.record(nanos);
      }
      assertEquals(n, interval.count());
      assertSameQuantiles(reference, interval, List.of(0.123, 0.777));
      interval.reset();
    }
  }

  @Example
  void anEmptyInterval_reportsNaN() {
    IntervalLatency interval = new IntervalLatency();
    assertTrue(Double.isNaN(interval.quantileMillis(0.5)));
    interval.record(5_000_000);
    interval.reset();
    assertTrue(Double.isNaN(interval.quantileMillis(0.99)));
  }

  private static void assertSameQuantiles(
      LatencyRecorder reference, IntervalLatency interval, List<Double> drawn) {
    for (double q : FIXED_QUANTILES) {
      assertEquals(reference.quantileMillis(q), interval.quantileMillis(q), 0.0, "quantile " + q);
    }
    for (double q : drawn) {
      assertEquals(reference.quantileMillis(q), interval.quantileMillis(q), 0.0, "quantile " + q);
    }
  }
}
