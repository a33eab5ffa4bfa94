package dev.oversold.planner;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.AdmissionException;
import dev.oversold.core.platform.Refusal;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.core.workload.Workloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of a plan, simulated: replication {@code r} at a count is the scenario with that
 * many copies of the family at seed {@code seed + r}, plus every victim's isolated baseline at the
 * same seed (common random numbers, as for {@code run}). A copy's baseline does not depend on the
 * count (same name, same streams, alone on the same host), so each is simulated once per seed and
 * reused.
 */
public final class SimulatedOutcomes implements Outcomes {
  /** Runs a batch of independent simulations and returns results in input order. */
  @FunctionalInterface
  public interface BatchRunner {
    List<SimulationResult> runAll(List<Scenario> scenarios) throws InterruptedException;
  }

  private final Scenario base;
  private final Population family;
  private final PlanLimits limits;
  private final BatchRunner runner;
  private final Map<String, Double> baselineGood = new HashMap<>();
  private int simulations;

  public SimulatedOutcomes(
      Scenario base, Population family, PlanLimits limits, BatchRunner runner) {
    this.base = base;
    this.family = family;
    this.limits = limits;
    this.runner = runner;
  }

  /** Simulations run so far (shared runs and baselines). */
  public int simulations() {
    return simulations;
  }

  @Override
  public List<Observation> observe(int count, int from, int to) throws InterruptedException {
    Scenario scenario = family.withCount(base, count);
    List<Observation> observations = new ArrayList<>();
    try {
      Simulator.checkAdmission(scenario);
    } catch (AdmissionException e) {
      String resource = refusedResource(e);
      for (int r = from; r < to; r++) {
        observations.add(Observation.refused(resource, e.getMessage()));
      }
      return observations;
    }
    List<Scenario> batch = new ArrayList<>();
    Map<String, Integer> baselineIndex = new LinkedHashMap<>();
    for (int r = from; r < to; r++) {
      Scenario seeded = scenario.withSeed(base.seed() + r);
      batch.add(seeded);
      for (TenantSpec victim : scenario.tenants()) {
        String key = key(victim.name(), r);
        if (Workloads.of(victim.workload()).victim() && !baselineGood.containsKey(key)) {
          baselineIndex.put(key, batch.size());
          batch.add(alone(seeded, victim));
        }
      }
    }
    List<SimulationResult> results = runner.runAll(batch);
    simulations += batch.size();
    baselineIndex.forEach(
        (key, index) -> {
          String name = key.substring(0, key.lastIndexOf('#'));
          baselineGood.put(key, results.get(index).tenant(name).metrics().goodPerSecond());
        });
    int shared = 0;
    for (int r = from; r < to; r++) {
      SimulationResult run = results.get(shared);
      observations.add(observation(scenario, run, r));
      shared += 1 + countNewBaselines(baselineIndex, r);
    }
    return observations;
  }

  private static int countNewBaselines(Map<String, Integer> baselineIndex, int r) {
    String suffix = "#" + r;
    return (int) baselineIndex.keySet().stream().filter(k -> k.endsWith(suffix)).count();
  }

  private static String key(String tenant, int replication) {
    return tenant + "#" + replication;
  }

  /** Only {@code victim} on its own host, same seed: its isolated baseline. */
  private static Scenario alone(Scenario seeded, TenantSpec victim) {
    return seeded
        .withTenants(t -> t.name().equals(victim.name()))
        .withHosts(seeded.hosts().stream().filter(h -> h.name().equals(victim.host())).toList());
  }

  private Observation observation(Scenario scenario, SimulationResult run, int r) {
    double worstP99 = Double.NEGATIVE_INFINITY;
    String p99Tenant = "";
    double worstDrop = Double.NEGATIVE_INFINITY;
    String dropTenant = "";
    for (TenantSpec spec : scenario.tenants()) {
      if (!Workloads.of(spec.workload()).victim()) {
        continue;
      }
      TenantResult tenant = run.tenant(spec.name());
      TenantMetrics metrics = tenant.metrics();
      if (spec.workload() instanceof WorkloadSpec.Service service) {
        double p99 = scaledP99(metrics, service);
        if (p99 > worstP99) {
          worstP99 = p99;
          p99Tenant = spec.name();
        }
      }
      double alone = baselineGood.get(key(spec.name(), r));
      if (alone > 0) {
        double drop = 1 - metrics.goodPerSecond() / alone;
        if (drop > worstDrop) {
          worstDrop = drop;
          dropTenant = spec.name();
        }
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    Map<String, String> worst = new LinkedHashMap<>();
    if (limits.p99Ms() != null) {
      // no service victim at all: nothing can miss the latency limit
      figures.put(Limit.P99_MS, p99Tenant.isEmpty() ? 0.0 : worstP99);
      worst.put(Limit.P99_MS, p99Tenant);
    }
    figures.put(Limit.DEGRADATION, dropTenant.isEmpty() ? 0.0 : worstDrop);
    worst.put(Limit.DEGRADATION, dropTenant);
    String binding =
        ResourcePressure.binding(ResourcePressure.of(scenario, run, family.template().host()));
    return new Observation(figures, worst, binding, "");
  }

  /**
   * The victim's p99 on the scale of the p99 limit: as measured when the limit applies to every
   * victim; scaled by limit / own SLO when each service is held to its own SLO. A service that
   * completed nothing has no p99 and misses any limit.
   */
  private double scaledP99(TenantMetrics metrics, WorkloadSpec.Service service) {
    if (metrics.latencyMs() == null || metrics.throughputPerSecond() <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double p99 = metrics.latencyMs().p99();
    if (!limits.ownSlo()) {
      return p99;
    }
    double sloMs = service.slo().nanos() / 1e6;
    return p99 * limits.p99Ms() / sloMs;
  }

  /** The planner's name for what a platform refused: its RAM, or its CPU (reservations, vCPUs). */
  private static String refusedResource(AdmissionException e) {
    boolean memory =
        e.refusals().isEmpty() || e.refusals().get(0).resource() == Refusal.Resource.MEMORY;
    return memory ? Resources.MEMORY : Resources.CPU;
  }
}
