package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import dev.oversold.core.model.Skew;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages a workload reads and how often it reads each: segments of pages of equal popularity. An
 * access picks a segment with its probability, then a page of it uniformly. Zipf-distributed
 * datasets are split into segments of ranks growing by a constant factor, so pages in one segment
 * differ in popularity by at most that factor to the power of the exponent.
 *
 * @param segments popularity classes; probabilities sum to 1
 */
public record Dataset(String kind, List<Segment> segments) {
  /** {@code pages} pages, each read with probability {@code probability / pages}. */
  public record Segment(long pages, double probability) {
    public Segment {
      Preconditions.checkArgument(pages >= 1, "a segment holds at least one page: %s", pages);
      Preconditions.checkArgument(
          probability >= 0 && probability <= 1, "probability out of [0, 1]: %s", probability);
    }
  }

  /** Pages of a stream: never read twice, so a stream misses on every read. */
  public static final long STREAM_PAGES = Long.MAX_VALUE;

  public Dataset {
    segments = List.copyOf(segments);
    double total = segments.stream().mapToDouble(Segment::probability).sum();
    Preconditions.checkArgument(
        Math.abs(total - 1) < 1e-9, "segment probabilities sum to %s, not 1", total);
  }

  /** {@code pages} pages accessed as {@code skew} says. */
  public static Dataset of(Skew skew, long pages) {
    if (skew instanceof Skew.Zipf zipf) {
      return zipf(pages, zipf.exponent());
    }
    if (skew instanceof Skew.HotSet hot) {
      return hotSet(pages, hot.fraction(), hot.share());
    }
    return uniform(pages);
  }

  /** Every page equally likely. */
  public static Dataset uniform(long pages) {
    return new Dataset("uniform", List.of(new Segment(pages, 1)));
  }

  /**
   * A hot set: {@code hotFraction} of the pages get {@code hotProbability} of the reads (e.g. 20 %
   * of the pages, 80 % of the reads), the rest share the remainder.
   */
  public static Dataset hotSet(long pages, double hotFraction, double hotProbability) {
    Preconditions.checkArgument(
        hotFraction > 0 && hotFraction <= 1, "hot fraction must be in (0, 1]: %s", hotFraction);
    long hot = Math.max(1, Math.round(pages * hotFraction));
    if (hot >= pages) {
      return uniform(pages);
    }
    return new Dataset(
        "hot-set",
        List.of(new Segment(hot, hotProbability), new Segment(pages - hot, 1 - hotProbability)));
  }

  /**
   * Zipf popularity: the page of rank r is read with probability proportional to r^-exponent. Ranks
   * are grouped in segments whose bounds grow by {@code 1 + 1/8}, about 8 segments per doubling of
   * rank (a 1.125^s popularity spread inside a segment).
   */
  public static Dataset zipf(long pages, double exponent) {
    Preconditions.checkArgument(pages >= 1, "a dataset holds at least one page: %s", pages);
    Preconditions.checkArgument(exponent >= 0, "Zipf exponent must be >= 0: %s", exponent);
    List<long[]> bounds = new ArrayList<>();
    long first = 1;
    while (first <= pages) {
      long last = Math.min(pages, Math.max(first, (long) Math.floor(first * 1.125)));
      bounds.add(new long[] {first, last});
      first = last + 1;
    }
    double[] mass = new double[bounds.size()];
    double total = 0;
    for (int i = 0; i < mass.length; i++) {
      mass[i] = rankMass(bounds.get(i)[0], bounds.get(i)[1], exponent);
      total += mass[i];
    }
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < mass.length; i++) {
      segments.add(new Segment(bounds.get(i)[1] - bounds.get(i)[0] + 1, mass[i] / total));
    }
    return new Dataset("zipf", normalised(segments));
  }

  /** Sum of r^-s over ranks first..last: exact for short ranges, an integral for long ones. */
  private static double rankMass(long first, long last, double s) {
    if (last - first < 64) {
      double sum = 0;
      for (long r = first; r <= last; r++) {
        sum += Math.pow(r, -s);
      }
      return sum;
    }
    // Midpoint rule on the integral of x^-s over [first - 1/2, last + 1/2]: error O(first^-s-2).
    double a = first - 0.5;
    double b = last + 0.5;
    return Math.abs(s - 1) < 1e-12
        ? Math.log(b / a)
        : (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
  }

  private static List<Segment> normalised(List<Segment> segments) {
    double total = segments.stream().mapToDouble(Segment::probability).sum();
    return segments.stream().map(s -> new Segment(s.pages(), s.probability() / total)).toList();
  }

  /** A sequential stream (a backup, a large copy): every read is a page not read before. */
  public static Dataset stream() {
    return new Dataset("stream", List.of(new Segment(STREAM_PAGES, 1)));
  }

  /** Pages in the dataset ({@link #STREAM_PAGES} for a stream). */
  public long pages() {
    long total = 0;
    for (Segment segment : segments) {
      if (segment.pages() == STREAM_PAGES) {
        return STREAM_PAGES;
      }
      total += segment.pages();
    }
    return total;
  }
}
