package dev.oversold.scenarios.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.ScenarioException;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader.Override;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every bundled scenario end to end through the simulator, with a shortened duration, and
 * checks the qualitative claims of the CPU scenarios' descriptions. The claims of the
 * noisy-neighbour scenarios are checked in {@link NoisyNeighbourScenariosTest}, those of the
 * memory, Xen and budget-node scenarios in {@link OversoldHostScenariosTest}.
 */
final class BundledScenariosTest {

  private static final List<Override> SHORT =
      List.of(
          new Override("duration", "30s"),
          new Override("warmup", "2s"),
          new Override("sample-interval", "1s"));

  @TestFactory
  Stream<DynamicTest> everyBundledScenario_runsWithEveryTenantPresent() {
    return ScenarioLibrary.list().stream()
        .map(entry -> DynamicTest.dynamicTest(entry.name(), () -> run(entry.name())));
  }

  private static void run(String name) throws ScenarioException {
    Scenario scenario = ScenarioLibrary.load(name, SHORT);
    Set<String> missing = new TreeSet<>();
    for (TenantSpec tenant : scenario.tenants()) {
      if (!implemented(tenant)) {
        missing.add(tenant.workload().getClass().getSimpleName());
      }
    }
    // Every workload kind of the scenario format is implemented: a bundled scenario must run.
    assertEquals(Set.of(), missing, name + " uses workload kinds the core cannot create");
    SimulationResult result = Simulator.run(scenario);
    assertEquals(scenario.tenants().size(), result.tenants().size(), name);
    for (TenantSpec tenant : scenario.tenants()) {
      TenantResult tenantResult = result.tenant(tenant.name());
      assertEquals(tenant.host(), tenantResult.host());
      assertFalse(Double.isNaN(tenantResult.metrics().progressPerSecond()), tenant.name());
    }
  }

  private static boolean implemented(TenantSpec tenant) {
    try {
      Workloads.create(tenant.workload());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void scalingGuests_aggregateProgressHoldsPastTheCores() throws ScenarioException {
    SimulationResult result = Simulator.run(ScenarioLibrary.load("scaling-guests", SHORT));
    for (String platform : List.of("xen", "kvm")) {
      double one = aggregateProgress(result, platform + "-1");
      double eight = aggregateProgress(result, platform + "-8");
      double thirtyTwo = aggregateProgress(result, platform + "-32");
      // 8 single-vCPU hogs on 8 cores each get a whole core: 8x one guest alone (both scaled by
      // the same platform efficiency); allow 5% for the end-of-run chunk granularity.
      assertTrue(eight >= 0.95 * 8 * one, platform + ": 8 guests " + eight + " vs 1 guest " + one);
      // Past the cores, the aggregate stays at the host's capacity: it must not collapse...
      assertTrue(
          thirtyTwo >= 0.95 * eight, platform + ": 32 guests " + thirtyTwo + " vs 8 " + eight);
      // ...nor exceed 8 cores x speed 1.0 of capacity.
      assertTrue(thirtyTwo <= 8.0 * 1.0001, platform + ": 32 guests exceed capacity: " + thirtyTwo);
    }
  }

  @Test
  void kvmVcpuOvercommit_p99GrowsWithTheRatioAndBreaksTheSloAt8To1() throws ScenarioException {
    List<Override> longer = List.of(new Override("duration", "60s"), new Override("warmup", "10s"));
    SimulationResult result = Simulator.run(ScenarioLibrary.load("kvm-vcpu-overcommit", longer));
    double p99At1 = meanP99(result, "kvm-1to1");
    double p99At4 = meanP99(result, "kvm-4to1");
    double p99At8 = meanP99(result, "kvm-8to1");
    // 1:1: each vCPU alone on a core, utilisation 0.2; an M/M/1 response time is exponential with
    // mean S/(1 - rho) = 10 ms / 0.8 = 12.5 ms, p99 = 12.5 ms x ln(100) = 58 ms < the 100 ms SLO.
    assertTrue(p99At1 < 100, "1:1 p99 " + p99At1);
    // 4:1: 16 x 0.2 = 3.2 cores of demand on 4 cores (80% busy) waits longer than 1:1.
    assertTrue(p99At4 > p99At1, "4:1 p99 " + p99At4 + " vs 1:1 " + p99At1);
    // 8:1: 6.4 cores of demand on 4 cores: overloaded, queues grow until timeouts: past the SLO.
    assertTrue(p99At8 > 100 && p99At8 > p99At4, "8:1 p99 " + p99At8 + " vs 4:1 " + p99At4);
  }

  @Test
  void platformEfficiency_containersComeClosestToBareMetal() throws ScenarioException {
    SimulationResult result = Simulator.run(ScenarioLibrary.load("platform-efficiency", SHORT));
    double metal = computeProgress(result, "metal");
    double openvz = computeProgress(result, "openvz");
    // The compute tenants are not CPU-starved (2 x 2 spinning + 2 x 0.8 web = 5.6 of 8 cores), so
    // their progress is 2 threads x 2 tenants x the platform's CPU efficiency: the efficiencies'
    // order, bare metal first.
    assertTrue(metal >= openvz, "metal " + metal + " vs openvz " + openvz);
    for (String hypervisor : List.of("kvm", "xen", "vmware")) {
      double progress = computeProgress(result, hypervisor);
      assertTrue(openvz > progress, "openvz " + openvz + " vs " + hypervisor + " " + progress);
    }
  }

  @Test
  void noisyCpuHog_fairSharesKeepTheWebTailNearItsLevelWithoutTheHog() throws ScenarioException {
    Scenario scenario = ScenarioLibrary.load("noisy-cpu-hog", SHORT);
    SimulationResult shared = Simulator.run(scenario);
    SimulationResult without = Simulator.run(scenario.withTenants(t -> !t.name().equals("bully")));
    // Demand: 20 web x 20/s x 4 ms = 1.6 cores, the batch VPS 1 core (its 1 vCPU), the hog 4
    // threads = 6.6 of 8 cores: no one is starved, so with common random numbers each web
    // tenant's p99 stays where it is without the hog (within 10%).
    for (TenantResult web : shared.tenants()) {
      if (web.name().startsWith("web-")) {
        double alone = without.tenant(web.name()).metrics().latencyMs().p99();
        double withHog = web.metrics().latencyMs().p99();
        assertTrue(withHog <= 1.1 * alone, web.name() + ": " + withHog + " ms vs " + alone + " ms");
      }
    }
    TenantResult bully = shared.tenant("bully");
    // The hog runs from 20 s to 30 s on 4 threads: about 10 s x 4 x 0.99 = 39.6 core-seconds.
    assertTrue(bully.metrics().cpu().usedCoreSeconds() > 35, "hog used " + bully.metrics().cpu());
  }

  private static double aggregateProgress(SimulationResult result, String host) {
    return result.tenants().stream()
        .filter(t -> t.host().equals(host))
        .mapToDouble(t -> t.metrics().progressPerSecond())
        .sum();
  }

  private static double computeProgress(SimulationResult result, String host) {
    return result.tenants().stream()
        .filter(t -> t.host().equals(host) && t.workload().equals("cpu-hog"))
        .mapToDouble(t -> t.metrics().progressPerSecond())
        .sum();
  }

  private static double meanP99(SimulationResult result, String host) {
    return result.tenants().stream()
        .filter(t -> t.host().equals(host))
        .mapToDouble(t -> t.metrics().latencyMs().p99())
        .average()
        .orElseThrow();
  }
}
