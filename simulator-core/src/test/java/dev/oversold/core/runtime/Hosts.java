package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import java.util.ArrayList;
import java.util.List;

/** Builds a host and its tenants for runtime tests, without workloads. */
final class Hosts {
  final Simulation simulation = new Simulation();
  final HostRuntime host;
  final List<TenantRuntime> tenants = new ArrayList<>();

  Hosts(HostSpec spec, List<TenantSpec> placed) {
    host = new HostRuntime(spec, simulation, placed);
    RandomStreams streams = new RandomStreams(1);
    for (TenantSpec tenant : placed) {
      TenantRuntime runtime = new TenantRuntime(tenant, host, streams, 0);
      host.add(runtime);
      tenants.add(runtime);
    }
    host.start();
  }

  TenantRuntime tenant(int index) {
    return tenants.get(index);
  }
}
