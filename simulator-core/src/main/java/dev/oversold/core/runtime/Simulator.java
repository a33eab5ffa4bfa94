package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.workload.Workload;
import dev.oversold.core.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario: builds hosts and tenants, starts the workloads, samples metrics every sample
 * interval, runs the clock to the end and collects the result. Single-threaded and deterministic:
 * the same scenario gives the same result.
 */
public final class Simulator {
  private Simulator() {}

  /**
   * Simulates {@code scenario}.
   *
   * @throws dev.oversold.core.memory.MemoryAdmissionException when a host's platform cannot place
   *     its tenants' memory (Xen without balloon targets, ESXi reservations)
   */
  public static SimulationResult run(Scenario scenario) {
    return run(scenario, Workloads::create);
  }

  /**
   * Checks, without simulating, that every host's platform admits its tenants ({@link
   * dev.oversold.core.platform.Platform#admit}: memory placement, the one {@link #run} enforces
   * when it builds the hosts, and CPU reservations and vCPUs), so a caller comparing platforms can
   * skip one that refuses the scenario instead of failing the whole comparison. The scenario loader
   * refuses a file by the same rule.
   *
   * @throws dev.oversold.core.platform.AdmissionException naming the host and the numbers
   */
  public static void checkAdmission(Scenario scenario) {
    dev.oversold.core.platform.Admission.check(scenario);
  }

  /**
   * Simulates {@code scenario} with workloads made by {@code workloads} (harnesses that drive a
   * kind not registered yet, or instrumented workloads).
   */
  public static SimulationResult run(
      Scenario scenario, java.util.function.Function<WorkloadSpec, Workload> factory) {
    Simulation simulation = new Simulation();
    RandomStreams streams = new RandomStreams(scenario.seed());
    long warmup = scenario.warmup().nanos();
    long end = scenario.duration().nanos();

    Map<String, HostRuntime> hosts = new LinkedHashMap<>();
    for (HostSpec spec : scenario.hosts()) {
      hosts.put(spec.name(), new HostRuntime(spec, simulation, placedOn(scenario, spec)));
    }
    List<TenantRuntime> tenants = new ArrayList<>();
    List<Workload> workloads = new ArrayList<>();
    for (TenantSpec spec : scenario.tenants()) {
      HostRuntime host = hosts.get(spec.host());
      TenantRuntime tenant = new TenantRuntime(spec, host, streams, warmup);
      host.add(tenant);
      tenants.add(tenant);
      Workload workload = factory.apply(spec.workload());
      tenant.attach(workload);
      workloads.add(workload);
    }
    MetricsSampler sampler =
        new MetricsSampler(simulation, List.copyOf(hosts.values()), tenants, scenario);
    for (int i = 0; i < tenants.size(); i++) {
      TenantRuntime tenant = tenants.get(i);
      if (tenant.killed()) {
        continue; // a neighbour's start already cost it its life
      }
      Workload workload = workloads.get(i);
      workload.start(tenant);
      long stop = tenant.spec().workload().stop().nanos();
      if (stop < end) {
        simulation.schedule(stop, workload::stop);
      }
    }
    hosts.values().forEach(HostRuntime::start);
    sampler.start();
    simulation.runUntil(end);
    workloads.forEach(Workload::runEnded);
    sampler.finish();
    if (dev.oversold.core.engine.Invariants.ENABLED) {
      hosts.values().forEach(HostRuntime::checkInvariants);
    }
    return new SimulationResult(
        scenario.name(),
        scenario.seed(),
        SimTime.toSeconds(end),
        SimTime.toSeconds(warmup),
        SimTime.toSeconds(scenario.sampleInterval().nanos()),
        sampler.hostResults(),
        sampler.tenantResults(),
        simulation.eventsRun());
  }

  /** The tenants the scenario places on {@code host}, in scenario order. */
  private static List<TenantSpec> placedOn(Scenario scenario, HostSpec host) {
    return scenario.tenants().stream().filter(t -> t.host().equals(host.name())).toList();
  }
}
