package dev.oversold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.result.LatencyHistogram;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class LatencyRecorderTest {
  @Test
  void quantiles_areWithinAThousandthOfTheExactOrderStatistic() {
    // Values 1..1000 ms: the exact p50 is 500 ms, p99 990 ms, mean 500.5 ms, max 1000 ms.
    LatencyRecorder recorder = new LatencyRecorder();
    for (int ms = 1; ms <= 1000; ms++) {
      recorder.record(ms * SimTime.MILLISECOND);
    }
    assertEquals(1000, recorder.count());
    assertEquals(500.5, recorder.meanMillis(), 1e-9);
    assertEquals(1000.0, recorder.maxMillis(), 1e-9);
    assertEquals(500.0, recorder.quantileMillis(0.50), 500.0 * 1e-3);
    assertEquals(990.0, recorder.quantileMillis(0.99), 990.0 * 1e-3);
    assertTrue(recorder.quantileMillis(1.0) <= recorder.maxMillis());
  }

  @Test
  void emptyRecorder_reportsNaN() {
    LatencyRecorder recorder = new LatencyRecorder();
    assertTrue(Double.isNaN(recorder.meanMillis()));
    assertTrue(Double.isNaN(recorder.quantileMillis(0.99)));
  }

  @Test
  void emptyRecorder_snapshotIsEmpty() {
    assertSame(LatencyHistogram.EMPTY, new LatencyRecorder().snapshot());
  }

  @Test
  void quantilesAndSnapshot_equalAHistogramFedTheSameMicroseconds() {
    // The recorder makes its histogram on the first record and rounds nanoseconds up to whole
    // microseconds (at least 1). The reference is a Histogram(3) made up front and fed those
    // microseconds directly: every quantile (its bucket value in ms, capped at the exact maximum)
    // and every (bucket, count) pair of the snapshot must be equal. Values are log-uniform from
    // 100 ns to 100 s, so they span many buckets; after the reset of the second round only the
    // second round's 20,000 values may count.
    LatencyRecorder recorder = new LatencyRecorder();
    SplittableRandom random = new SplittableRandom(16);
    for (int round = 0; round < 2; round++) {
      recorder.reset();
      Histogram plain = new Histogram(3);
      long max = 0;
      for (int i = 0; i < 20_000; i++) {
        long nanos = (long) Math.pow(10, 2 + 9 * random.nextDouble());
        recorder.record(nanos);
        plain.recordValue(Math.max(1, (nanos + 999) / 1000));
        max = Math.max(max, nanos);
      }
      double maxMillis = SimTime.toMillis(max);
      for (double q : new double[] {0, 0.25, 0.5, 0.9, 0.99, 0.999, 1}) {
        double expected = Math.min(plain.getValueAtPercentile(q * 100) / 1000.0, maxMillis);
        assertEquals(expected, recorder.quantileMillis(q), 0.0, "quantile " + q);
      }
      LatencyHistogram expected = LatencyHistogram.of(plain, maxMillis);
      LatencyHistogram actual = recorder.snapshot();
      assertArrayEquals(expected.micros(), actual.micros());
      assertArrayEquals(expected.counts(), actual.counts());
      assertEquals(20_000, actual.count());
    }
  }
}
