package dev.oversold.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.metrics.LatencyRecorder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A group's percentile from its members' pooled histograms equals the percentile of all their raw
 * latencies together, computed independently by sorting them (nearest rank: the ceil(q * n)-th),
 * within HdrHistogram's three significant digits.
 */
final class PooledLatencyProperties {
  @Property(tries = 150)
  void pooledQuantile_isTheQuantileOfAllTheRawSamples(@ForAll("members") List<List<Long>> members) {
    List<LatencyHistogram> parts = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    for (List<Long> micros : members) {
      LatencyRecorder recorder = new LatencyRecorder();
      for (long us : micros) {
        recorder.record(us * 1000);
        all.add(us);
      }
      parts.add(recorder.snapshot());
    }
    LatencyHistogram pooled = LatencyHistogram.pooled(parts);
    assertEquals(all.size(), pooled.count());
    long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      int rank = (int) Math.max(1, Math.ceil(q * sorted.length));
      double exactMs = sorted[rank - 1] / 1000.0;
      // HdrHistogram reports the top of the value's bucket: at most 1/1024 above (2048 sub-buckets)
      assertEquals(
          exactMs, pooled.quantileMillis(q), exactMs / 1024 + 1e-3, "q " + q + " of " + all);
    }
  }

  /** 1 to 4 members, each with 1 to 300 latencies from 1 us to 10 s, some far apart. */
  @Provide
  Arbitrary<List<List<Long>>> members() {
    Arbitrary<Long> micros =
        Arbitraries.oneOf(
            Arbitraries.longs().between(1, 5_000), Arbitraries.longs().between(5_000, 10_000_000));
    return micros.list().ofMinSize(1).ofMaxSize(300).list().ofMinSize(1).ofMaxSize(4);
  }
}
