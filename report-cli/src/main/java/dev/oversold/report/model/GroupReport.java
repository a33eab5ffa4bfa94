package dev.oversold.report.model;

import java.util.List;

/**
 * One group of tenants ({@code report.groups}), aggregated from its tenants' rows.
 *
 * @param name group name (or a tenant's name when no glob matched it)
 * @param tenants its tenants
 * @param workloads distinct workload kinds, joined with "+"
 * @param goodPerS sum of the tenants' good rates, shared
 * @param baselineGoodPerS sum of the tenants' good rates alone; NaN without baselines
 * @param degradation {@code 1 - goodPerS / baselineGoodPerS}
 * @param p99Ms worst tenant p99 shared; NaN without requests
 * @param baselineP99Ms worst tenant p99 alone
 * @param stealFraction mean steal over the tenants
 * @param failed sum of failed
 * @param refusals sum of refusals
 * @param oomKills sum of OOM kills
 */
public record GroupReport(
    String name,
    List<String> tenants,
    String workloads,
    double goodPerS,
    double baselineGoodPerS,
    double degradation,
    double p99Ms,
    double baselineP99Ms,
    double stealFraction,
    double failed,
    double refusals,
    double oomKills) {
  public GroupReport {
    tenants = List.copyOf(tenants);
  }
}
