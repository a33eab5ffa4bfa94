package dev.oversold.runner;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.SimulationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulations one report needs, in a fixed order: per replication (seeds {@code seed ..
 * seed+R-1}) the shared run, each tenant's isolated baseline (unless {@code report.baseline: none})
 * and one leave-one-out run per interference member (unless {@code interference: none}). Every run
 * is independent, so they can run in any order on any thread; {@link #assemble} puts the results
 * back by position, which keeps the report identical whatever the thread count.
 */
public final class ExperimentPlan {
  private final Scenario scenario;
  private final int replications;
  private final List<Member> members;
  private final List<PlannedRun> runs = new ArrayList<>();

  private ExperimentPlan(Scenario scenario, int replications) {
    checkArgument(replications >= 1, "replications must be >= 1, got %s", replications);
    this.scenario = scenario;
    this.replications = replications;
    this.members = Membership.interference(scenario);
    boolean baselines = scenario.report().baseline() == ReportSettings.Baseline.ISOLATED;
    for (int r = 0; r < replications; r++) {
      Scenario seeded = scenario.withSeed(scenario.seed() + r);
      runs.add(new PlannedRun(r, RunKind.SHARED, "", seeded));
      if (baselines) {
        for (TenantSpec tenant : scenario.tenants()) {
          String name = tenant.name();
          Scenario alone = seeded.withTenants(t -> t.name().equals(name));
          runs.add(
              new PlannedRun(r, RunKind.BASELINE, name, onlyHosts(alone, Set.of(tenant.host()))));
        }
      }
      for (Member member : members) {
        Set<String> left = new HashSet<>(member.tenants());
        Set<String> hosts = new HashSet<>();
        for (TenantSpec tenant : scenario.tenants()) {
          if (left.contains(tenant.name())) {
            hosts.add(tenant.host());
          }
        }
        Scenario without = seeded.withTenants(t -> !left.contains(t.name()));
        runs.add(new PlannedRun(r, RunKind.WITHOUT, member.name(), onlyHosts(without, hosts)));
      }
    }
  }

  /**
   * Keeps only the given hosts and their tenants. Hosts share nothing and every tenant draws from
   * its own random streams, so tenants elsewhere would run exactly as in the shared run: leaving
   * their hosts out makes baselines and leave-one-out runs of multi-host scenarios cheap, and the
   * report takes their figures from the shared run.
   */
  private static Scenario onlyHosts(Scenario scenario, Set<String> hosts) {
    return scenario
        .withTenants(t -> hosts.contains(t.host()))
        .withHosts(scenario.hosts().stream().filter(h -> hosts.contains(h.name())).toList());
  }

  public static ExperimentPlan of(Scenario scenario, int replications) {
    return new ExperimentPlan(scenario, replications);
  }

  public Scenario scenario() {
    return scenario;
  }

  public List<PlannedRun> runs() {
    return List.copyOf(runs);
  }

  /** Puts results (one per run, in {@link #runs()} order) back together. */
  public ExperimentResult assemble(List<SimulationResult> results) {
    checkArgument(results.size() == runs.size(), "expected %s results", runs.size());
    List<ExperimentResult.Replication> reps = new ArrayList<>();
    int i = 0;
    for (int r = 0; r < replications; r++) {
      SimulationResult shared = null;
      Map<String, SimulationResult> baselines = new LinkedHashMap<>();
      Map<String, SimulationResult> without = new LinkedHashMap<>();
      while (i < runs.size() && runs.get(i).replication() == r) {
        PlannedRun run = runs.get(i);
        SimulationResult result = results.get(i);
        switch (run.kind()) {
          case SHARED -> shared = result;
          case BASELINE -> baselines.put(run.subject(), result);
          case WITHOUT -> without.put(run.subject(), result);
        }
        i++;
      }
      reps.add(new ExperimentResult.Replication(shared, baselines, without));
    }
    return new ExperimentResult(scenario, members, reps);
  }
}
