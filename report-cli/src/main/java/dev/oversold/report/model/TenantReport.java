package dev.oversold.report.model;

import dev.oversold.core.result.BeancounterFigures;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.Series;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant: shared figures, alone figures and how much it lost.
 *
 * @param name tenant name
 * @param host host name
 * @param platform platform id
 * @param workload workload kind
 * @param victim service or batch (judged), as opposed to a noisy-neighbour kind (suspect)
 * @param metrics shared-run figures
 * @param baseline figures alone on the host; null with {@code report.baseline: none}
 * @param degradation shared against alone; null with {@code report.baseline: none}
 * @param ci95 confidence intervals over replications; null for one replication
 * @param series shared-run time series of the first replication (for charts)
 * @param latencyShared latency quantiles in the shared run (first replication)
 * @param latencyAlone latency quantiles alone (first replication); empty without baseline
 * @param windows figures per measurement window, in {@code report.windows} order
 * @param beancounters OpenVZ user beancounters at the end of the shared run (first replication);
 *     empty for other platforms; the guest's, so guest-mates show the same
 * @param guest the guest the tenant ran in (its own name unless it {@code shares-guest}); the
 *     figures of metrics marked {@link Metric#perGuest()} are the guest's
 */
public record TenantReport(
    String name,
    String host,
    String platform,
    String workload,
    boolean victim,
    Metrics metrics,
    Metrics baseline,
    Degradation degradation,
    Confidence ci95,
    Series series,
    LatencyDistribution latencyShared,
    LatencyDistribution latencyAlone,
    Map<String, WindowReport> windows,
    List<BeancounterFigures> beancounters,
    String guest) {
  public TenantReport {
    Objects.requireNonNull(guest, "guest");
    windows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(windows));
    beancounters = List.copyOf(beancounters);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metrics, "metrics");
    if ((baseline == null) != (degradation == null)) {
      throw new IllegalArgumentException("baseline and degradation go together");
    }
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(latencyShared, "latencyShared");
    Objects.requireNonNull(latencyAlone, "latencyAlone");
  }

  /** A tenant of a scenario without measurement windows or beancounters, in a guest of its own. */
  public TenantReport(
      String name,
      String host,
      String platform,
      String workload,
      boolean victim,
      Metrics metrics,
      Metrics baseline,
      Degradation degradation,
      Confidence ci95,
      Series series,
      LatencyDistribution latencyShared,
      LatencyDistribution latencyAlone) {
    this(
        name,
        host,
        platform,
        workload,
        victim,
        metrics,
        baseline,
        degradation,
        ci95,
        series,
        latencyShared,
        latencyAlone,
        Map.of(),
        List.of(),
        name);
  }

  /**
   * Shared against alone, one value per compared metric ({@link Metric#comparison()}), keyed by the
   * comparison's JSON key: {@code good_rate = 1 - good / baseline good} (0.05 is a 5% drop,
   * negative is better than alone), {@code throughput} likewise, {@code p99_ratio = p99 / baseline
   * p99}. NaN where the baseline figure is zero or absent.
   */
  public record Degradation(Map<String, Double> byKey) {
    /** The key of the one figure the summary and the matrix use, chosen per workload kind. */
    public static final String HEADLINE = "headline";

    public Degradation {
      byKey = Map.copyOf(byKey);
    }

    /** {@code degradation.headline}; NaN where undefined. */
    public double headline() {
      return byKey.getOrDefault(HEADLINE, Double.NaN);
    }

    /** The comparison of {@code metric}; NaN where undefined. */
    public double get(Metric metric) {
      return byKey.getOrDefault(metric.comparison().jsonKey(), Double.NaN);
    }

    public double goodRate() {
      return get(MetricCatalog.GOOD);
    }

    public double throughput() {
      return get(MetricCatalog.THROUGHPUT);
    }

    public double p99Ratio() {
      return get(MetricCatalog.LATENCY_P99);
    }
  }

  /**
   * 95% intervals over replications, by name in {@code ci95}: each {@link Metric.Merge#MEAN_CI95}
   * metric under {@link Metric#intervalName()}, followed by its comparison under {@code
   * degradation_<key>}. An entry is null where the figure is not defined.
   */
  public record Confidence(Map<String, Interval> byName) {
    public Confidence {
      byName = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byName));
    }

    /** The name of the headline's interval. */
    public static final String HEADLINE = "degradation_headline";

    /** The interval of the headline degradation, or null. */
    public Interval degradationHeadline() {
      return byName.get(HEADLINE);
    }

    /** The interval of the drop of good responses per second, or null. */
    public Interval degradationGoodRate() {
      return byName.get(degradationName(MetricCatalog.GOOD));
    }

    /** The name of the interval of {@code metric}'s comparison. */
    public static String degradationName(Metric metric) {
      return "degradation_" + metric.comparison().jsonKey();
    }
  }
}
