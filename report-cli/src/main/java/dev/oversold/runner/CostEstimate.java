package dev.oversold.runner;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a batch of experiments will cost before it runs: simulations (shared, baselines,
 * leave-one-out, per replication), events (workload events from {@link WorkloadCost}, page faults
 * on a host whose memory is oversold from {@link FaultCost}, host periodic work, and every sample
 * touching every tenant) and peak memory (the results of every run are held until the report is
 * built, plus the simulations running at once). Past a budget the command refuses with the estimate
 * and how to reduce it, unless {@code --force}.
 *
 * @param simulations independent simulations
 * @param events events and work items over all of them
 * @param peakBytes heap the batch needs at its peak
 * @param heaviest the tenants contributing most events, for the message
 * @param workloadEvents the part of {@code events} that the workloads and page faults declare
 *     themselves, without the flat allowances per tenant, host and sample
 * @param longestRunWorkloadEvents the largest {@code workloadEvents} of any one simulation of the
 *     batch: how long its longest simulation runs, which decides whether a JIT's compiling pays
 *     (the CLI's handover)
 */
public record CostEstimate(
    long simulations,
    double events,
    double peakBytes,
    List<String> heaviest,
    double workloadEvents,
    double longestRunWorkloadEvents) {
  /**
   * Events budget: 10^9, about an hour of one core at the pace the bundled scenarios run (0.5 to
   * 4.6 x 10^5 events a second measured; 75 times the costliest bundled scenario).
   */
  public static final double MAX_EVENTS = 1e9;

  /** Simulations budget: beyond it the report itself (an N x N matrix) stops being readable. */
  public static final long MAX_SIMULATIONS = 50_000;

  /**
   * Share of the Java heap the estimate may take; the rest is headroom for the estimate's error.
   */
  public static final double HEAP_SHARE = 0.7;

  /** Per tenant and run: its runtime, recorders and latency histogram (HdrHistogram, 3 digits). */
  static final double BYTES_PER_TENANT = 256 * 1024;

  /** Per host and run: CPU, memory, disk and network models. */
  static final double BYTES_PER_HOST = 256 * 1024;

  /** Time series kept per tenant (cpu, steal, resident, swapped, good rate) and per host. */
  static final int SERIES_PER_TENANT = 5;

  static final int SERIES_PER_HOST = 3;

  /**
   * Host periodic work per simulated second: throttle slices (10/s disk, 20/s network per tenant
   * with limits), scheduler accounting (Xen 33/s, OpenVZ 1/s, CFS 10/s), congestion checks.
   */
  static final double HOST_EVENTS_PER_SECOND = 100;

  static final double TENANT_EVENTS_PER_SECOND = 60;

  /**
   * The cost of running each scenario with its baselines and leave-one-out runs, {@code
   * replications} times, {@code threads} at once. Computed from per-host sums, without building the
   * runs (a plan of 10,000 tenants pairwise would itself hold 10^8 tenant references).
   */
  public static CostEstimate of(List<Scenario> scenarios, int replications, int threads) {
    Tally tally = new Tally();
    for (Scenario scenario : scenarios) {
      tally.add(scenario, replications);
    }
    double peak = tally.results + Math.min(threads, Math.max(1, tally.simulations)) * tally.largest;
    List<String> heaviest = new ArrayList<>();
    tally.byTenant.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(3)
        .forEach(e -> heaviest.add(e.getKey() + " " + number(e.getValue())));
    return new CostEstimate(
        tally.simulations,
        tally.events,
        peak,
        List.copyOf(heaviest),
        tally.workloadEvents,
        tally.longestRunWorkload);
  }

  /** Sums over the runs of each scenario, one run at a time, each from per-host figures. */
  private static final class Tally {
    long simulations;
    double events;
    double workloadEvents;
    double longestRunWorkload;
    double results;
    double largest;
    final Map<String, Double> byTenant = new HashMap<>();

    void add(Scenario scenario, int replications) {
      double duration = scenario.duration().seconds();
      double samples = duration / scenario.sampleInterval().seconds() + 1;
      Map<String, HostSpec> hosts = new HashMap<>();
      scenario.hosts().forEach(h -> hosts.put(h.name(), h));
      Map<String, Double> own = new HashMap<>();
      Map<String, Double> ownWorkload = new HashMap<>();
      Map<String, Double> hostWorkload = new HashMap<>();
      Map<String, Double> aloneWorkload = new HashMap<>();
      Map<String, Double> hostEvents = new HashMap<>();
      Map<String, Integer> hostTenants = new HashMap<>();
      Map<String, String> hostOf = new HashMap<>();
      Map<String, Double> alone = new HashMap<>();
      Map<String, Double> faults = new HashMap<>();
      Map<String, List<TenantSpec>> placed = new HashMap<>();
      scenario
          .tenants()
          .forEach(t -> placed.computeIfAbsent(t.host(), h -> new ArrayList<>()).add(t));
      placed.forEach(
          (host, tenants) -> faults.putAll(FaultCost.events(hosts.get(host), tenants, duration)));
      double workloadBytes = 0;
      for (TenantSpec tenant : scenario.tenants()) {
        HostSpec host = hosts.get(tenant.host());
        double workload =
            WorkloadCost.eventsPerSecond(tenant, host) * FaultCost.runSeconds(tenant, duration)
                + WorkloadCost.eventsInAll(tenant);
        double events = workload + TENANT_EVENTS_PER_SECOND * duration;
        double aloneFaults =
            FaultCost.events(host, List.of(tenant), duration).getOrDefault(tenant.name(), 0.0);
        alone.put(tenant.name(), events + aloneFaults);
        aloneWorkload.put(tenant.name(), workload + aloneFaults);
        // with its neighbours; a leave-one-out run has fewer, so this bounds it too
        double sharedFaults = faults.getOrDefault(tenant.name(), 0.0);
        events += sharedFaults;
        workload += sharedFaults;
        own.put(tenant.name(), events);
        ownWorkload.put(tenant.name(), workload);
        hostWorkload.merge(tenant.host(), workload, Double::sum);
        hostOf.put(tenant.name(), tenant.host());
        hostEvents.merge(tenant.host(), events, Double::sum);
        hostTenants.merge(tenant.host(), 1, Integer::sum);
        byTenant.merge(tenant.name(), events * replications, Double::sum);
        workloadBytes += WorkloadCost.bytes(tenant);
      }
      double hostCost = HOST_EVENTS_PER_SECOND * duration;
      int tenantCount = scenario.tenants().size();
      int hostCount = scenario.hosts().size();
      // the shared run
      run(
          hostEvents.values().stream().mapToDouble(Double::doubleValue).sum()
              + hostCount * hostCost,
          hostWorkload.values().stream().mapToDouble(Double::doubleValue).sum(),
          tenantCount,
          hostCount,
          samples,
          replications);
      largest =
          Math.max(
              largest,
              seriesBytes(samples, tenantCount, hostCount)
                  + tenantCount * BYTES_PER_TENANT
                  + hostCount * BYTES_PER_HOST
                  + workloadBytes);
      if (scenario.report().baseline() == ReportSettings.Baseline.ISOLATED) {
        for (TenantSpec tenant : scenario.tenants()) {
          run(
              alone.get(tenant.name()) + hostCost,
              aloneWorkload.get(tenant.name()),
              1,
              1,
              samples,
              replications);
        }
      }
      for (Member member : Membership.interference(scenario)) {
        Map<String, Double> leftOut = new HashMap<>();
        Map<String, Double> leftOutWorkload = new HashMap<>();
        Map<String, Integer> leftOutCount = new HashMap<>();
        for (String name : member.tenants()) {
          leftOut.merge(hostOf.get(name), own.get(name), Double::sum);
          leftOutWorkload.merge(hostOf.get(name), ownWorkload.get(name), Double::sum);
          leftOutCount.merge(hostOf.get(name), 1, Integer::sum);
        }
        double events = 0;
        double workload = 0;
        int tenants = 0;
        for (String host : leftOut.keySet()) {
          events += hostEvents.get(host) - leftOut.get(host) + hostCost;
          workload += hostWorkload.get(host) - leftOutWorkload.get(host);
          tenants += hostTenants.get(host) - leftOutCount.get(host);
        }
        run(events, workload, tenants, leftOut.size(), samples, replications);
      }
    }

    private void run(
        double workEvents, double workload, int tenants, int hosts, double samples, int times) {
      simulations += times;
      events += times * (workEvents + samples * (tenants + hosts));
      workloadEvents += times * workload;
      longestRunWorkload = Math.max(longestRunWorkload, workload);
      results += times * seriesBytes(samples, tenants, hosts);
    }
  }

  /** The heap this JVM may use for the estimate. */
  public static double memoryBudget() {
    return Runtime.getRuntime().maxMemory() * HEAP_SHARE;
  }

  /** Whether any budget is exceeded. */
  public boolean overBudget(double memoryBudget) {
    return events > MAX_EVENTS || simulations > MAX_SIMULATIONS || peakBytes > memoryBudget;
  }

  /** One line: simulations, events, memory. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%d simulations, about %s events, about %s of memory",
        simulations,
        number(events),
        bytes(peakBytes));
  }

  /** Why it is refused and what would make it smaller. */
  public String refusal(double memoryBudget) {
    List<String> over = new ArrayList<>();
    if (events > MAX_EVENTS) {
      over.add("events over " + number(MAX_EVENTS));
    }
    if (simulations > MAX_SIMULATIONS) {
      over.add("simulations over " + MAX_SIMULATIONS);
    }
    if (peakBytes > memoryBudget) {
      over.add(
          "memory over "
              + bytes(memoryBudget)
              + " ("
              + Math.round(HEAP_SHARE * 100)
              + "% of the Java heap)");
    }
    return "too expensive to simulate: "
        + summary()
        + "; "
        + String.join(", ", over)
        + (heaviest.isEmpty() ? "" : "; most events from " + String.join(", ", heaviest))
        + ". Reduce it with interference: groups or none, baseline: none, fewer tenants or"
        + " replications, a shorter duration, a longer sample-interval, lower rates; or run"
        + " anyway with --force";
  }

  private static double seriesBytes(double samples, int tenants, int hosts) {
    return samples
        * (tenants * (double) SERIES_PER_TENANT + hosts * (double) SERIES_PER_HOST)
        * Double.BYTES;
  }

  static String number(double value) {
    if (value < 1e4) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, "%.1e", value);
  }

  static String bytes(double value) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
