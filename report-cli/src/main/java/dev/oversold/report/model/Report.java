package dev.oversold.report.model;

import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.rendering.ReportWriter;
import java.util.List;
import java.util.Objects;

/**
 * Everything the writers print: built once from the simulations by {@link ReportBuilder}, then
 * formatted by each {@link ReportWriter}. Values are means over replications; NaN marks a figure
 * that is not defined (no baseline, no requests) and prints as null / "-".
 *
 * @param scenario scenario name
 * @param seed the first seed
 * @param replications seeds {@code seed .. seed + replications - 1}
 * @param durationS simulated seconds
 * @param warmupS ignored prefix in seconds
 * @param baselines whether tenants ran alone for comparison ({@code report.baseline})
 * @param hosts per host, scenario order
 * @param tenants per tenant, scenario order
 * @param groups rows per group when {@code report.groups} is set; empty otherwise
 * @param interference who hurts whom
 * @param summary the victims' figures
 * @param warnings why figures are null, zero or suspect, report-level ones first
 * @param windows the named measurement windows, in scenario order (each tenant's figures in them
 *     are in {@link TenantReport#windows()})
 */
public record Report(
    String scenario,
    long seed,
    int replications,
    double durationS,
    double warmupS,
    boolean baselines,
    List<HostReport> hosts,
    List<TenantReport> tenants,
    List<GroupReport> groups,
    InterferenceReport interference,
    Summary summary,
    List<Warning> warnings,
    List<MeasurementWindow> windows) {
  public Report {
    windows = List.copyOf(windows);
    Objects.requireNonNull(scenario, "scenario");
    hosts = List.copyOf(hosts);
    tenants = List.copyOf(tenants);
    groups = List.copyOf(groups);
    Objects.requireNonNull(interference, "interference");
    Objects.requireNonNull(summary, "summary");
    warnings = List.copyOf(warnings);
  }

  /** A report of a scenario without measurement windows. */
  public Report(
      String scenario,
      long seed,
      int replications,
      double durationS,
      double warmupS,
      boolean baselines,
      List<HostReport> hosts,
      List<TenantReport> tenants,
      List<GroupReport> groups,
      InterferenceReport interference,
      Summary summary,
      List<Warning> warnings) {
    this(
        scenario,
        seed,
        replications,
        durationS,
        warmupS,
        baselines,
        hosts,
        tenants,
        groups,
        interference,
        summary,
        warnings,
        List.of());
  }

  /** The same report with {@code list} as its warnings. */
  public Report withWarnings(List<Warning> list) {
    return new Report(
        scenario,
        seed,
        replications,
        durationS,
        warmupS,
        baselines,
        hosts,
        tenants,
        groups,
        interference,
        summary,
        list,
        windows);
  }

  /** The same report under another scenario name (each platform's report of a comparison). */
  public Report withScenario(String name) {
    return new Report(
        name,
        seed,
        replications,
        durationS,
        warmupS,
        baselines,
        hosts,
        tenants,
        groups,
        interference,
        summary,
        warnings,
        windows);
  }

  /** The simulated seconds the figures cover: the duration after the warm-up. */
  public double windowS() {
    return durationS - warmupS;
  }
}
