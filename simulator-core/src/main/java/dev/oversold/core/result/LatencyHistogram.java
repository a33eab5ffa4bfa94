package dev.oversold.core.result;

import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A tenant's request latencies over the measured window, kept so that a group of tenants can report
 * percentiles of all its requests together (the pooled distribution) rather than a combination of
 * its members' percentiles. Stored sparsely: one (value, count) pair per non-empty HdrHistogram
 * bucket, values in microseconds at three significant digits, plus the exact maximum, so a quantile
 * here equals the one the tenant's own recorder reports.
 *
 * @param micros bucket values in microseconds (each bucket's highest equivalent value), increasing
 * @param counts requests in each bucket
 * @param maxMillis the exact largest latency; NaN when empty
 */
public record LatencyHistogram(long[] micros, long[] counts, double maxMillis) {
  /** No latencies: a tenant without requests, or a run that kept no histograms. */
  public static final LatencyHistogram EMPTY =
      new LatencyHistogram(new long[0], new long[0], Double.NaN);

  public LatencyHistogram {
    if (micros.length != counts.length) {
      throw new IllegalArgumentException("one count per bucket value");
    }
  }

  /** A copy of {@code histogram} (microseconds) whose exact largest value is {@code maxMillis}. */
  public static LatencyHistogram of(Histogram histogram, double maxMillis) {
    if (histogram.getTotalCount() == 0) {
      return EMPTY;
    }
    long[] values = new long[16];
    long[] counts = new long[16];
    int n = 0;
    for (HistogramIterationValue v : histogram.recordedValues()) {
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
        counts = Arrays.copyOf(counts, n * 2);
      }
      values[n] = v.getValueIteratedTo();
      counts[n] = v.getCountAtValueIteratedTo();
      n++;
    }
    return new LatencyHistogram(Arrays.copyOf(values, n), Arrays.copyOf(counts, n), maxMillis);
  }

  /** All the requests of {@code parts} as one distribution. */
  public static LatencyHistogram pooled(List<LatencyHistogram> parts) {
    Histogram all = new Histogram(3);
    double max = Double.NaN;
    for (LatencyHistogram part : parts) {
      part.addTo(all);
      if (!Double.isNaN(part.maxMillis) && !(part.maxMillis <= max)) {
        max = part.maxMillis;
      }
    }
    return of(all, max);
  }

  /** Requests recorded. */
  public long count() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  public boolean isEmpty() {
    return counts.length == 0;
  }

  /**
   * The {@code quantile} (in [0, 1]) in milliseconds as HdrHistogram reports it (the highest value
   * of the bucket holding that rank), capped at the exact maximum; NaN when empty.
   */
  public double quantileMillis(double quantile) {
    if (isEmpty()) {
      return Double.NaN;
    }
    Histogram histogram = new Histogram(3);
    addTo(histogram);
    return Math.min(histogram.getValueAtPercentile(quantile * 100) / 1000.0, maxMillis);
  }

  private void addTo(Histogram histogram) {
    for (int i = 0; i < micros.length; i++) {
      histogram.recordValueWithCount(micros[i], counts[i]);
    }
  }
}
