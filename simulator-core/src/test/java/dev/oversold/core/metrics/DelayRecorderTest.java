package dev.oversold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oversold.core.engine.SimTime;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class DelayRecorderTest {
  @Test
  void mostlyZeroWaits_haveAZeroMedianAndTheRareWaitAsP99() {
    // 98 wake-ups found a core (0 ns), 2 waited 5 ms. Sorted, ranks 1..98 are 0 and 99..100 are
    // 5 ms: the median (rank 50) is 0 and the 99th percentile (rank 99) is 5 ms.
    DelayRecorder recorder = new DelayRecorder();
    for (int i = 0; i < 98; i++) {
      recorder.record(0);
    }
    recorder.record(5 * SimTime.MILLISECOND);
    recorder.record(5 * SimTime.MILLISECOND);
    assertEquals(100, recorder.count());
    assertEquals(0.0, recorder.quantileMillis(0.50), 0.0);
    assertEquals(5.0, recorder.quantileMillis(0.99), 5.0 * 1e-3);
  }

  @Test
  void spreadOfWaits_quantilesWithinAThousandthOfTheOrderStatistic() {
    // Waits 1..1000 us: the exact p50 is 500 us = 0.5 ms, p99 990 us = 0.99 ms.
    DelayRecorder recorder = new DelayRecorder();
    for (int us = 1; us <= 1000; us++) {
      recorder.record(us * 1000L);
    }
    assertEquals(0.5, recorder.quantileMillis(0.50), 0.5 * 1e-3);
    assertEquals(0.99, recorder.quantileMillis(0.99), 0.99 * 1e-3);
  }

  @Test
  void noWakeups_reportZero() {
    assertEquals(0.0, new DelayRecorder().quantileMillis(0.99), 0.0);
  }

  @Test
  void negativeWait_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DelayRecorder().record(-1));
  }

  @Test
  void quantiles_equalAHistogramFedTheSameNanoseconds() {
    // The recorder makes its histogram on the first record; the reference is a Histogram(3) made up
    // front and fed the same waits (a third exactly 0, the rest log-uniform from 1 ns to 1 s): the
    // count must match, and each quantile is the reference's bucket value capped at the exact max.
    DelayRecorder recorder = new DelayRecorder();
    Histogram plain = new Histogram(3);
    SplittableRandom random = new SplittableRandom(16);
    long max = 0;
    for (int i = 0; i < 20_000; i++) {
      long nanos = random.nextInt(3) == 0 ? 0 : (long) Math.pow(10, 9 * random.nextDouble());
      recorder.record(nanos);
      plain.recordValue(nanos);
      max = Math.max(max, nanos);
    }
    assertEquals(20_000, recorder.count());
    for (double q : new double[] {0, 0.25, 0.5, 0.9, 0.99, 0.999, 1}) {
      long expected = Math.min(plain.getValueAtPercentile(q * 100), max);
      assertEquals(SimTime.toMillis(expected), recorder.quantileMillis(q), 0.0, "quantile " + q);
    }
  }
}
