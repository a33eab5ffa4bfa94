package dev.oversold.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the largest tenant count that meets every limit, assuming more tenants never make the
 * victims better off: from the start count it doubles while the count meets the limits (or halves
 * while it misses), then bisects between the last count that met them and the first that missed. At
 * each count it runs replications until the 95% interval of every figure lies on one side of its
 * limit, or the maximum is reached (then the means decide, with a warning).
 */
public final class CapacitySearch {
  private final SearchSettings settings;
  private final Outcomes outcomes;
  private final Map<Integer, Probe> probes = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();

  private CapacitySearch(SearchSettings settings, Outcomes outcomes) {
    this.settings = settings;
    this.outcomes = outcomes;
  }

  public static SearchResult run(SearchSettings settings, Outcomes outcomes)
      throws InterruptedException {
    return new CapacitySearch(settings, outcomes).search();
  }

  private SearchResult search() throws InterruptedException {
    int lo;
    int hi; // first count known to miss; maxCount + 1 when none did
    int start = settings.start();
    if (meets(start)) {
      lo = start;
      hi = settings.maxCount() + 1;
      while (lo < settings.maxCount()) {
        int next = (int) Math.min(2L * lo, settings.maxCount());
        if (!meets(next)) {
          hi = next;
          break;
        }
        lo = next;
      }
    } else {
      hi = start;
      lo = 0;
      while (hi > 1) {
        int next = hi / 2;
        if (meets(next)) {
          lo = next;
          break;
        }
        hi = next;
      }
    }
    while (hi - lo > 1 && hi <= settings.maxCount()) {
      int mid = lo + (hi - lo) / 2;
      if (meets(mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return result(lo, hi <= settings.maxCount() ? probes.get(hi) : null);
  }

  /** Runs replications at {@code count} until its verdict is clear or they run out. */
  private boolean meets(int count) throws InterruptedException {
    Probe probe = probes.computeIfAbsent(count, Probe::new);
    if (probe.replications() == 0) {
      probe.add(outcomes.observe(count, 0, settings.minReplications()));
    }
    while (true) {
      Probe.Verdict verdict = probe.verdict(settings.limits());
      if (verdict != Probe.Verdict.UNDECIDED) {
        return verdict == Probe.Verdict.MEETS;
      }
      int done = probe.replications();
      if (done >= settings.maxReplications()) {
        boolean meets = probe.meetsByMeans(settings.limits());
        warnings.add(
            String.format(
                Locale.ROOT,
                "at %d tenants the 95%% interval still contained a limit after %d replications"
                    + " (--replications-max); decided by the means: %s",
                count,
                done,
                meets ? "meets" : "misses"));
        return meets;
      }
      probe.add(outcomes.observe(count, done, done + 1));
    }
  }

  private SearchResult result(int answer, Probe firstMiss) {
    Probe atAnswer = answer > 0 ? probes.get(answer) : null;
    Probe deciding = firstMiss != null ? firstMiss : atAnswer;
    Limit limit =
        settings.limits().stream().max(Comparator.comparingDouble(deciding::excess)).orElseThrow();
    String metric = deciding.refused() ? "admission" : limit.metric();
    if (firstMiss == null) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "search bound reached: %d tenants still meet every limit; the host takes at least"
                  + " that many (raise --max-tenants)",
              answer));
    } else if (firstMiss.refused()) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d tenants could not be placed at all: %s",
              firstMiss.count(),
              firstMiss.first().refusal()));
    }
    if (answer == 0) {
      warnings.add(evenOneMisses(firstMiss));
    }
    Probe marginAt = atAnswer != null ? atAnswer : firstMiss;
    double margin = marginAt.refused() ? Double.NaN : -marginAt.excess(limit);
    List<SearchResult.CurvePoint> curve = new ArrayList<>();
    int observations = 0;
    for (Probe probe : probes.values()) {
      observations += probe.replications();
      curve.add(point(probe, limit.metric()));
    }
    return new SearchResult(
        answer,
        metric,
        limit.metric(),
        margin,
        deciding.first().bindingResource(),
        curve,
        warnings,
        observations);
  }

  private String evenOneMisses(Probe one) {
    if (one.refused()) {
      return "even one tenant cannot be placed: " + one.first().refusal();
    }
    List<String> missed = new ArrayList<>();
    for (Limit limit : settings.limits()) {
      Estimate e = one.estimate(limit.metric());
      if (e.mean() > limit.value() || one.verdict(limit) == Probe.Verdict.MISSES) {
        missed.add(
            String.format(
                Locale.ROOT,
                "%s of %s is %s against the limit %s",
                limit.metric(),
                one.first().worst().getOrDefault(limit.metric(), "a victim"),
                Figures.format(limit.metric(), e.mean()),
                Figures.format(limit.metric(), limit.value())));
      }
    }
    return "even one tenant misses the limits: " + String.join("; ", missed);
  }

  private static SearchResult.CurvePoint point(Probe probe, String metric) {
    if (probe.refused()) {
      return new SearchResult.CurvePoint(
          probe.count(), Double.NaN, Double.NaN, Double.NaN, probe.replications());
    }
    Estimate e = probe.estimate(metric);
    return new SearchResult.CurvePoint(
        probe.count(),
        e.mean(),
        e.hasInterval() ? e.low() : Double.NaN,
        e.hasInterval() ? e.high() : Double.NaN,
        probe.replications());
  }
}
