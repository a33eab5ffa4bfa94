package dev.oversold.report.model;

/**
 * The victims' figures (service and batch tenants). NaN without baselines or victims.
 *
 * @param victims how many tenants are victims
 * @param victimDegradationMean mean of the victims' {@code degradation.headline}
 * @param victimDegradationMax the largest victim {@code degradation.headline}
 * @param worstVictim the tenant with that largest degradation; empty when none
 * @param jainFairness Jain's index over the victims' {@code good_per_s / baseline.good_per_s} (mean
 *     over replications), for the victims whose baseline good rate is above zero
 * @param degradationMeanCi95 interval of the mean degradation over replications; null for one
 * @param jainCi95 interval of Jain's index over replications; null for one
 * @param headlineMetric the rule of {@code degradation.headline} for each kind of victim figures
 */
public record Summary(
    int victims,
    double victimDegradationMean,
    double victimDegradationMax,
    String worstVictim,
    double jainFairness,
    Interval degradationMeanCi95,
    Interval jainCi95,
    String headlineMetric) {
  public Summary {
    java.util.Objects.requireNonNull(headlineMetric, "headlineMetric");
  }
}
