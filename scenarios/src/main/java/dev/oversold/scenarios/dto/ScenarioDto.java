package dev.oversold.scenarios.dto;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.scenarios.units.TimeSpan;
import java.util.List;
import java.util.Map;

/** A scenario file, as written: the shape Jackson's tokens are bound to. */
@Doc("An Oversold scenario: hosts, the plans sold on them, tenants and their workloads.")
public record ScenarioDto(
    @Doc(value = "Version of the scenario format; only 1 exists.", byDefault = "1") Integer version,
    @Required @Doc("Name of the scenario: lower-case letters, digits and dashes ([a-z0-9-]+).")
        String scenario,
    @Doc("What the scenario shows; printed by `oversold list`.") String description,
    @Doc(value = "Seed of every random stream: the only source of randomness.", byDefault = "1")
        Long seed,
    @Required @Doc("Simulated time.") TimeSpan duration,
    @Doc(value = "Metrics ignore [0, warmup); must be shorter than the duration.", byDefault = "0s")
        TimeSpan warmup,
    @Doc(value = "Resolution of the time series in the report.", byDefault = "duration / 200")
        TimeSpan sampleInterval,
    @Required @Doc("The physical hosts.") List<HostDto> hosts,
    @Doc("What a VPS provider sells, by plan name; tenants refer to a plan by its name.")
        Map<String, PlanDto> plans,
    @Required @Doc("The VPSes: containers or VMs with a plan, on a host, running a workload.")
        List<TenantDto> tenants,
    @Doc("What the report computes besides the shared run.") ReportDto report) {

  /** The {@code report:} section. */
  @Doc("What the report computes besides the shared run.")
  public record ReportDto(
      @Doc(
              value = "isolated: run each tenant alone on the same host as its baseline.",
              byDefault = "isolated")
          ReportSettings.Baseline baseline,
      @Doc(
              value = "How interference is attributed: leave one tenant (or group) out at a time.",
              byDefault = "pairwise")
          ReportSettings.Interference interference,
      @Doc("Group name to a glob over tenant names (e.g. web: \"web-*\"), for large scenarios.")
          Map<String, String> groups,
      @Doc(
              "Named measurement windows (e.g. {name: backup, from: 120s, to: 300s}): every"
                  + " per-tenant figure is also computed over each.")
          List<WindowDto> windows) {
    /** A report without measurement windows. */
    public ReportDto(
        ReportSettings.Baseline baseline,
        ReportSettings.Interference interference,
        Map<String, String> groups) {
      this(baseline, interference, groups, null);
    }
  }

  /** One entry of {@code report.windows}. */
  @Doc("A named stretch of the run measured on its own.")
  public record WindowDto(
      @Required @Doc("Its key under windows in report.json ([a-z0-9-]+).") String name,
      @Required @Doc("Start, from the run's start.") TimeSpan from,
      @Required @Doc("End (exclusive); after from, at most the duration.") TimeSpan to) {}
}
