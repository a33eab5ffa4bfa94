package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.kernel.HostKernel;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.Platforms;
import dev.oversold.core.sharing.Job;
import dev.oversold.core.sharing.JobListener;
import dev.oversold.core.sharing.Share;
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
  private final Share platformShare;
  private final HostKernel kernel;
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
    String platformName = spec.platform() == PlatformKind.XEN ? "/dom0" : "/host";
    this.platformShare =
        cpu.addShare(spec.name() + platformName, platform.cpu().platformShare(spec));
    this.kernel = new HostKernel(spec);
  }

  /** The host kernel's pid, file and conntrack tables. */
  public HostKernel kernel() {
    return kernel;
  }

  /**
   * The platform's own CPU consumer (Xen dom0 with its vCPUs and weight; the host kernel, QEMU and
   * vhost threads elsewhere), competing with the tenants for the host's cores. Host-side I/O work
   * (blkback/netback, QEMU iothreads) runs here: see {@link #runPlatformWork}.
   */
  public Share platformShare() {
    return platformShare;
  }

  /**
   * Runs {@code work} reference-core-seconds of host-side work (one thread) on the platform share;
   * {@code listener} is told when it is done. Its CPU time competes with the tenants' vCPUs.
   */
  public Job runPlatformWork(double work, JobListener listener) {
    return platformShare.submit(work, listener);
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
