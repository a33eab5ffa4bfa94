package dev.oversold.report.model;

import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.Series;
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
    LatencyDistribution latencyAlone) {
  public TenantReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metrics, "metrics");
    if ((baseline == null) != (degradation == null)) {
      throw new IllegalArgumentException("baseline and degradation go together");
    }
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(latencyShared, "latencyShared");
    Objects.requireNonNull(latencyAlone, "latencyAlone");
  }

  /**
   * Shared against alone, as fractions: {@code goodRate = 1 - good / baseline good} (0.05 is a 5%
   * drop, negative is better than alone), {@code throughput} likewise, {@code p99Ratio = p99 /
   * baseline p99}. NaN where the baseline figure is zero or absent.
   */
  public record Degradation(double goodRate, double throughput, double p99Ratio) {}

  /** 95% intervals over replications; an entry is null where the figure is not defined. */
  public record Confidence(Interval goodPerS, Interval degradationGoodRate, Interval p99Ms) {}
}
