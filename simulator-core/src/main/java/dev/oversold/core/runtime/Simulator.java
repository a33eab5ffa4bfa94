package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
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

  public static SimulationResult run(Scenario scenario) {
    Simulation simulation = new Simulation();
    RandomStreams streams = new RandomStreams(scenario.seed());
    long warmup = scenario.warmup().nanos();
    long end = scenario.duration().nanos();

    Map<String, HostRuntime> hosts = new LinkedHashMap<>();
    for (HostSpec spec : scenario.hosts()) {
      hosts.put(spec.name(), new HostRuntime(spec, simulation));
    }
    List<TenantRuntime> tenants = new ArrayList<>();
    List<Workload> workloads = new ArrayList<>();
    for (TenantSpec spec : scenario.tenants()) {
      HostRuntime host = hosts.get(spec.host());
      TenantRuntime tenant = new TenantRuntime(spec, host, streams, warmup);
      host.add(tenant);
      tenants.add(tenant);
      workloads.add(Workloads.create(spec.workload()));
    }
    MetricsSampler sampler =
        new MetricsSampler(simulation, List.copyOf(hosts.values()), tenants, scenario);
    for (int i = 0; i < tenants.size(); i++) {
      Workload workload = workloads.get(i);
      workload.start(tenants.get(i));
      long stop = tenants.get(i).spec().workload().stop().nanos();
      if (stop < end) {
        simulation.schedule(stop, workload::stop);
      }
    }
    sampler.start();
    simulation.runUntil(end);
    workloads.forEach(Workload::runEnded);
    sampler.finish();
    if (dev.oversold.core.engine.Invariants.ENABLED) {
      hosts.values().forEach(host -> host.cpu().checkInvariants());
      hosts.values().forEach(host -> host.kernel().checkInvariants());
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
}
