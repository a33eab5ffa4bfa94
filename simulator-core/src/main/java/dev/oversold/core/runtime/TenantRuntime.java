package dev.oversold.core.runtime;

import com.google.common.base.Suppliers;
import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.kernel.KernelObjects;
import dev.oversold.core.memory.MemoryEvents;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.Skew;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.storage.IoQueue;
import dev.oversold.core.workload.CpuAccess;
import dev.oversold.core.workload.DiskAccess;
import dev.oversold.core.workload.FileReads;
import dev.oversold.core.workload.MemoryAccess;
import dev.oversold.core.workload.NetworkAccess;
import dev.oversold.core.workload.ProcessAccess;
import dev.oversold.core.workload.TenantContext;
import dev.oversold.core.workload.Workload;
import org.jspecify.annotations.Nullable;

/** A tenant during a run: its shares of the host's resources, its memory and its metrics. */
public final class TenantRuntime implements TenantContext {
  /**
   * The slice over which disk limits (io.max, iolimit/iopslimit, SIOC limits, plan limits) are
   * enforced: blk-throttle's throtl_slice is 100 ms on rotational devices (20 ms on SSDs) [M
   * block/blk-throttle.c]; one value for every platform is a documented assumption.
   */
  static final long DISK_LIMIT_SLICE_NANOS = 100 * SimTime.MILLISECOND;

  /**
   * The interval over which network rate limits refill: Xen's vif {@code rate=RATE/s@INTERVAL}
   * defaults to 50 ms [R platform-mechanics, Xen]; used for every platform's shaper (assumption).
   */
  static final long NETWORK_LIMIT_SLICE_NANOS = 50 * SimTime.MILLISECOND;

  private final TenantSpec spec;
  private final HostRuntime host;
  private final RandomStreams streams;
  private final TenantRecorder recorder;
  private final TenantCpu tenantCpu;
  private final Share cpuShare;
  private final CpuAccess cpu;
  private final TenantStorage disk;
  private final TenantNetwork network;
  private final TenantMemory memory;
  private final KernelObjects kernel;
  private final MemoryAccess chargedMemory;
  private final ProcessAccess processes;
  private Workload workload;
  private boolean killed;
  private CpuAccess stalledCpu;

  TenantRuntime(TenantSpec spec, HostRuntime host, RandomStreams streams, long warmupNanos) {
    this.spec = spec;
    this.host = host;
    this.streams = streams;
    this.recorder = new TenantRecorder(host.simulation(), warmupNanos);
    var platform = host.platform();
    var hostSpec = host.spec();
    this.tenantCpu = new TenantCpu(host, spec, streams.stream(spec.name(), "cpu-wakeup"), recorder);
    this.cpuShare = tenantCpu.share();
    ShareSettings diskSettings = platform.io().diskShare(hostSpec, spec);
    // IOPS and bandwidth limits are enforced per slice, as blk-throttle and OpenVZ do: an I/O
    // runs at device speed while the slice's budget lasts, then the tenant waits for the next.
    SliceLimiter limiter =
        Double.isFinite(diskSettings.cap())
            ? new SliceLimiter(host.simulation(), diskSettings.cap(), DISK_LIMIT_SLICE_NANOS)
            : null;
    this.memory =
        host.memory()
            .add(
                spec.name(),
                platform.memory().tenant(hostSpec, spec),
                streams.stream(spec.name(), "memory"));
    this.cpu = tenantCpu;
    this.disk =
        new TenantStorage(
            host,
            new IoQueue(spec.name(), diskSettings.weight()),
            ioStage(host, spec, cpuShare.weight()),
            limiter,
            memory);
    this.network =
        new TenantNetwork(
            host.network(), spec, platform.io().networkShare(hostSpec, spec), cpuShare);
    this.memory.connect(
        disk,
        new MemoryEvents() {
          @Override
          public void majorFaults(long count) {
            recorder.majorFaults(count);
          }

          @Override
          public void reclaimStall(long nanos) {
            recorder.reclaimStall(nanos);
          }

          @Override
          public void swapIn(long pages) {
            recorder.swapIn(pages);
          }

          @Override
          public void swapOut(long pages) {
            recorder.swapOut(pages);
          }
        },
        this::kill);
    // Buffered reads: the kernel's one cache on a shared kernel, the guest's own in a VM. Built on
    // first use, so tenants without buffered reads draw nothing from its stream.
    this.disk.pageCache(
        host.ioCosts().sharedPageCache()
            ? () -> host.sharedFileCache(streams)
            : Suppliers.memoize(
                () -> new FileCache(false, streams.stream(spec.name(), "page-cache"))),
        recorder);
    if (spec.workload() instanceof WorkloadSpec.Service service) {
      this.memory.touchSkew(service.workingSetSkew());
    }
    this.kernel = platform.kernel().tenantKernel(host.kernel(), hostSpec, spec);
    this.chargedMemory = new ChargedMemory(kernel, memory);
    this.processes = new KernelProcesses(kernel, chargedMemory);
  }

  /**
   * The host thread each of the tenant's disk requests crosses (QEMU's iothread, dom0's blkback),
   * or null when the platform charges no CPU per request.
   */
  private static @Nullable SerialCpuStage ioStage(
      HostRuntime host, TenantSpec spec, double vmWeight) {
    IoCosts costs = host.ioCosts();
    if (costs.diskCpuPerOperation() <= 0) {
      return null;
    }
    Share thread =
        switch (costs.cpuSite()) {
          case NONE -> null;
          case DOM0 -> host.dom0Cpu();
          case KERNEL -> host.kernelCpu();
          case PER_TENANT ->
              // QEMU's iothread: one host thread in the VM's cgroup, its weight.
              host.cpu()
                  .addShare(
                      spec.name() + "/io-thread",
                      new ShareSettings(
                          vmWeight,
                          0,
                          Double.POSITIVE_INFINITY,
                          host.spec().cpu().speed(),
                          1,
                          1.0,
                          false));
        };
    return thread == null ? null : new SerialCpuStage(thread, costs.diskCpuPerOperation());
  }

  /** The workload running inside, so an OOM kill can stop it. */
  void attach(Workload running) {
    this.workload = running;
  }

  /**
   * The OOM killer ended the tenant's workload (its own limit or the host's global OOM): its jobs
   * are cancelled, its workload stopped, its memory freed, and new work never runs.
   */
  public void kill() {
    if (killed) {
      return;
    }
    killed = true;
    recorder.oomKilled();
    cpuShare.cancelAll();
    disk.kill();
    stalledCpu = new SharedCpu(host.stalled().addShare(spec.name(), ShareSettings.simple(1.0)));
    if (workload != null) {
      workload.stop();
    }
  }

  /** True once the tenant was OOM-killed. */
  public boolean killed() {
    return killed;
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
    return killed ? stalledCpu : cpu;
  }

  @Override
  public DiskAccess disk() {
    return killed ? DeadDisk.INSTANCE : disk;
  }

  @Override
  public NetworkAccess network() {
    return killed ? DeadNetwork.INSTANCE : network;
  }

  /** The tenant's memory behind its allocation limit (OpenVZ privvmpages), as processes see it. */
  @Override
  public MemoryAccess memory() {
    return chargedMemory;
  }

  /** The tenant's memory with its platform-level accounting. */
  public TenantMemory memoryModel() {
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

  /** The tenant's way to the host's disk: its queue, limit and CPU stage. */
  TenantStorage storage() {
    return disk;
  }

  /** The tenant's network: its flows count the packets it sent and received. */
  TenantNetwork tenantNetwork() {
    return network;
  }

  /** A killed tenant's network: transfers never complete. */
  private enum DeadNetwork implements NetworkAccess {
    INSTANCE;

    @Override
    public void send(long bytes, Runnable done) {}

    @Override
    public void receive(long bytes, Runnable done) {}
  }

  /** A killed tenant's disk: nothing is issued and nothing calls back. */
  private enum DeadDisk implements DiskAccess {
    INSTANCE;

    @Override
    public void io(int operations, long bytes, boolean write, boolean random, Runnable done) {}

    @Override
    public FileReads dataset(Skew skew, long pages) {
      return (count, done) -> {};
    }

    @Override
    public FileReads stream() {
      return (count, done) -> {};
    }
  }
}
