package dev.oversold.report.model;

/**
 * The victims' figures (service and batch tenants). NaN without baselines or victims.
 *
 * @param victims how many tenants are victims
 * @param victimDegradationMean mean of the victims' {@code degradation.good_rate}
 * @param victimDegradationMax the largest victim {@code degradation.good_rate}
 * @param worstVictim the tenant with that largest degradation; empty when none
 * @param jainFairness Jain's index over the victims' {@code good_per_s / baseline.good_per_s} (mean
 *     over replications)
 * @param degradationMeanCi95 interval of the mean degradation over replications; null for one
 * @param jainCi95 interval of Jain's index over replications; null for one
 */
public record Summary(
    int victims,
    double victimDegradationMean,
    double victimDegradationMax,
    String worstVictim,
    double jainFairness,
    Interval degradationMeanCi95,
    Interval jainCi95) {}
