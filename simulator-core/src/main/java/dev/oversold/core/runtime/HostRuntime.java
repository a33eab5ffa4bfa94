package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.Platforms;
import dev.oversold.core.sharing.SharedCapacity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A host during a run: its shared capacities, its platform and its tenants. */
public final class HostRuntime {
  private final HostSpec spec;
  private final Simulation simulation;
  private final Platform platform;
  private final SharedCapacity cpu;
  private final SharedCapacity disk;
  private final SharedCapacity network;
  private final List<TenantRuntime> tenants = new ArrayList<>();

  HostRuntime(HostSpec spec, Simulation simulation) {
    this.spec = spec;
    this.simulation = simulation;
    this.platform = Platforms.of(spec.platform());
    this.cpu = new SharedCapacity(simulation, spec.name() + "/cpu", spec.cpu().capacity());
    this.disk = new SharedCapacity(simulation, spec.name() + "/disk", 1.0);
    this.network =
        new SharedCapacity(
            simulation, spec.name() + "/nic", spec.network().bandwidthBytesPerSecond());
  }

  public HostSpec spec() {
    return spec;
  }

  public Simulation simulation() {
    return simulation;
  }

  public Platform platform() {
    return platform;
  }

  /** Reference-core-seconds per second. */
  public SharedCapacity cpu() {
    return cpu;
  }

  /** Device-seconds per second (capacity 1). */
  public SharedCapacity disk() {
    return disk;
  }

  /** Bytes per second. */
  public SharedCapacity network() {
    return network;
  }

  public List<TenantRuntime> tenants() {
    return Collections.unmodifiableList(tenants);
  }

  void add(TenantRuntime tenant) {
    tenants.add(tenant);
  }
}
