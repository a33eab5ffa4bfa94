package dev.oversold.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything measured at one tenant count: the observations of replications {@code 0 .. n-1} and
 * what they say about each limit.
 */
final class Probe {
  /** What the replications so far say about the limits. */
  enum Verdict {
    MEETS,
    MISSES,
    UNDECIDED
  }

  private final int count;
  private final List<Observation> observations = new ArrayList<>();

  Probe(int count) {
    this.count = count;
  }

  int count() {
    return count;
  }

  int replications() {
    return observations.size();
  }

  void add(List<Observation> more) {
    observations.addAll(more);
  }

  Observation first() {
    return observations.get(0);
  }

  boolean refused() {
    return observations.stream().anyMatch(Observation::isRefused);
  }

  Estimate estimate(String metric) {
    return Estimate.of(observations.stream().mapToDouble(o -> o.figure(metric)).toArray());
  }

  /**
   * A limit is met when the whole 95% interval lies at or below it, missed when the whole interval
   * lies above it; otherwise more replications are needed. A refused count misses every limit.
   */
  Verdict verdict(Limit limit) {
    if (refused()) {
      return Verdict.MISSES;
    }
    Estimate e = estimate(limit.metric());
    if (e.high() <= limit.value()) {
      return Verdict.MEETS;
    }
    if (e.low() > limit.value()) {
      return Verdict.MISSES;
    }
    return Verdict.UNDECIDED;
  }

  /** Any limit missed decides; all met decides; anything else is undecided. */
  Verdict verdict(List<Limit> limits) {
    boolean undecided = false;
    for (Limit limit : limits) {
      Verdict v = verdict(limit);
      if (v == Verdict.MISSES) {
        return Verdict.MISSES;
      }
      undecided |= v == Verdict.UNDECIDED;
    }
    return undecided ? Verdict.UNDECIDED : Verdict.MEETS;
  }

  /** The decision from the means alone, when the replications ran out. */
  boolean meetsByMeans(List<Limit> limits) {
    if (refused()) {
      return false;
    }
    return limits.stream().allMatch(l -> estimate(l.metric()).mean() <= l.value());
  }

  /**
   * How far past its limit a metric is, relative to the limit: 0.1 is 10% over, -0.2 is 20% under
   * (absolute when the limit is 0). Infinite for a refused count.
   */
  double excess(Limit limit) {
    if (refused()) {
      return Double.POSITIVE_INFINITY;
    }
    double mean = estimate(limit.metric()).mean();
    double scale = limit.value() == 0 ? 1 : Math.abs(limit.value());
    return (mean - limit.value()) / scale;
  }
}
