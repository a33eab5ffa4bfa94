package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.kernel.KernelObjects;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.CpuAccess;
import dev.oversold.core.workload.DiskAccess;
import dev.oversold.core.workload.MemoryAccess;
import dev.oversold.core.workload.NetworkAccess;
import dev.oversold.core.workload.ProcessAccess;
import dev.oversold.core.workload.TenantContext;

/** A tenant during a run: its shares of the host's resources and its metrics. */
public final class TenantRuntime implements TenantContext {
  private final TenantSpec spec;
  private final HostRuntime host;
  private final RandomStreams streams;
  private final TenantRecorder recorder;
  private final TenantCpu tenantCpu;
  private final Share cpuShare;
  private final Share diskShare;
  private final Share networkShare;
  private final CpuAccess cpu;
  private final DiskAccess disk;
  private final NetworkAccess network;
  private final MemoryAccess memory;
  private final KernelObjects kernel;
  private final ProcessAccess processes;

  TenantRuntime(TenantSpec spec, HostRuntime host, RandomStreams streams, long warmupNanos) {
    this.spec = spec;
    this.host = host;
    this.streams = streams;
    this.recorder = new TenantRecorder(host.simulation(), warmupNanos);
    var platform = host.platform();
    this.tenantCpu = new TenantCpu(host, spec, streams.stream(spec.name(), "cpu-wakeup"));
    this.cpuShare = tenantCpu.share();
    this.diskShare = host.disk().addShare(spec.name(), platform.io().diskShare(host.spec(), spec));
    this.networkShare =
        host.network().addShare(spec.name(), platform.io().networkShare(host.spec(), spec));
    this.cpu = tenantCpu;
    this.disk = new SharedDisk(host, diskShare);
    this.network = new SharedNetwork(host, networkShare);
    this.memory = new SimpleMemory(spec);
    this.kernel = platform.kernel().tenantKernel(host.kernel(), host.spec(), spec);
    this.processes = new KernelProcesses(kernel, memory);
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public TenantSpec spec() {
    return spec;
  }

  public HostRuntime host() {
    return host;
  }

  @Override
  public Simulation simulation() {
    return host.simulation();
  }

  @Override
  public RandomStream random(String purpose) {
    return streams.stream(spec.name(), purpose);
  }

  @Override
  public TenantRecorder recorder() {
    return recorder;
  }

  @Override
  public CpuAccess cpu() {
    return cpu;
  }

  @Override
  public DiskAccess disk() {
    return disk;
  }

  @Override
  public NetworkAccess network() {
    return network;
  }

  @Override
  public MemoryAccess memory() {
    return memory;
  }

  @Override
  public ProcessAccess processes() {
    return processes;
  }

  /** The tenant's vCPUs with their quota controller and wake-up accounting. */
  public TenantCpu tenantCpu() {
    return tenantCpu;
  }

  /** The tenant's kernel objects (beancounters in a container, guest tables in a VM). */
  public KernelObjects kernel() {
    return kernel;
  }

  public Share cpuShare() {
    return cpuShare;
  }

  public Share diskShare() {
    return diskShare;
  }

  public Share networkShare() {
    return networkShare;
  }
}
