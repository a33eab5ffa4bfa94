package dev.oversold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
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
}
