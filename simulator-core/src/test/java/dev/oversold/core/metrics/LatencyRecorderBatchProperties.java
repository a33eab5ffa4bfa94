package dev.oversold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.result.LatencyHistogram;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.HdrHistogram.Histogram;

/**
 * The recorder batches values before they reach its histogram; the reference is a histogram fed
 * every value at once (as the recorder did before batching). Records, quantile reads, snapshots and
 * resets come in random order, so reads land anywhere in a batch (also on an empty or a just-full
 * one), and every read must equal the reference's bit for bit.
 */
final class LatencyRecorderBatchProperties {
  /** kind 0-5 record {@code nanos}, 6 read quantiles, 7 snapshot, 8 reset. */
  record Action(int kind, long nanos) {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Long> nanos =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 5_000),
            Arbitraries.longs().between(0, 50_000_000L),
            Arbitraries.longs().between(0, 100_000_000_000L));
    return Combinators.combine(Arbitraries.integers().between(0, 8), nanos)
        .as(Action::new)
        .list()
        .ofMaxSize(3 * LatencyRecorder.BATCH * 4);
  }

  @Property(tries = 300)
  void everyRead_equalsAHistogramFedEachValueAtOnce(@ForAll("actions") List<Action> actions) {
    LatencyRecorder recorder = new LatencyRecorder();
    Histogram reference = new Histogram(3);
    long max = 0;
    for (Action action : actions) {
      if (action.kind() <= 5) {
        recorder.record(action.nanos());
        reference.recordValue(Math.max(1, (action.nanos() + 999) / 1000));
        max = Math.max(max, action.nanos());
      } else if (action.kind() == 8) {
        recorder.reset();
        reference.reset();
        max = 0;
      } else {
        long count = reference.getTotalCount();
        assertEquals(count, recorder.count());
        double maxMillis = count == 0 ? Double.NaN : SimTime.toMillis(max);
        if (action.kind() == 6) {
          for (double q : new double[] {0, 0.5, 0.99, 1}) {
            double expected =
                count == 0
                    ? Double.NaN
                    : Math.min(reference.getValueAtPercentile(q * 100) / 1000.0, maxMillis);
            assertEquals(expected, recorder.quantileMillis(q), 0.0, "quantile " + q);
          }
        } else {
          LatencyHistogram expected = LatencyHistogram.of(reference, maxMillis);
          LatencyHistogram actual = recorder.snapshot();
          assertArrayEquals(expected.micros(), actual.micros());
          assertArrayEquals(expected.counts(), actual.counts());
          assertEquals(expected.maxMillis(), actual.maxMillis(), 0.0);
        }
      }
    }
  }
}
