package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.kernel.KernelObjects;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.Skew;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.CpuAccess;
import dev.oversold.core.workload.DiskAccess;
import dev.oversold.core.workload.FileReads;
import dev.oversold.core.workload.MemoryAccess;
import dev.oversold.core.workload.NetworkAccess;
import dev.oversold.core.workload.ProcessAccess;
import dev.oversold.core.workload.TenantContext;
import dev.oversold.core.workload.Workload;
import org.jspecify.annotations.Nullable;

/**
 * A tenant during a run: one workload with its own recorder (report row), running in a {@link
 * Guest} that holds the plan's share of the host's resources (its own guest, or one it shares).
 */
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
  private final Guest guest;
  private final DiskAccess disk;
  private @Nullable Workload workload;

  /**
   * A tenant on {@code host}: it joins its guest ({@link TenantSpec#guest()}), which the host
   * builds for the guest's first tenant.
   */
  TenantRuntime(TenantSpec spec, HostRuntime host, RandomStreams streams, long warmupNanos) {
    this.spec = spec;
    this.host = host;
    this.streams = streams;
    this.recorder = new TenantRecorder(host.simulation(), warmupNanos);
    this.guest = host.guest(spec, streams, recorder);
    this.disk = new OwnReads(guest.storage(), recorder);
    guest.join(this);
  }

  /** The workload running inside, so an OOM kill can stop it. */
  void attach(Workload running) {
    this.workload = running;
  }

  /** Stops the workload (its guest was killed). */
  void stopWorkload() {
    if (workload != null) {
      workload.stop();
    }
  }

  /** True once the tenant's guest was OOM-killed. */
  public boolean killed() {
    return guest.killed();
  }

  /** The guest it runs in (its own, or the one it shares). */
  public Guest guest() {
    return guest;
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
    return guest.cpu();
  }

  @Override
  public DiskAccess disk() {
    return killed() ? DeadDisk.INSTANCE : disk;
  }

  @Override
  public NetworkAccess network() {
    return killed() ? DeadNetwork.INSTANCE : guest.network();
  }

  /** The tenant's memory behind its allocation limit (OpenVZ privvmpages), as processes see it. */
  @Override
  public MemoryAccess memory() {
    return guest.chargedMemory();
  }

  /** The tenant's memory with its platform-level accounting. */
  public TenantMemory memoryModel() {
    return guest.memoryModel();
  }

  @Override
  public ProcessAccess processes() {
    return guest.processes();
  }

  /** The tenant's vCPUs with their quota controller and wake-up accounting. */
  public TenantCpu tenantCpu() {
    return guest.tenantCpu();
  }

  /** The tenant's kernel objects (beancounters in a container, guest tables in a VM). */
  public KernelObjects kernel() {
    return guest.kernel();
  }

  public Share cpuShare() {
    return guest.cpuShare();
  }

  /** The tenant's way to the host's disk: its queue, limit and CPU stage. */
  TenantStorage storage() {
    return guest.storage();
  }

  /** The tenant's network: its flows count the packets it sent and received. */
  TenantNetwork tenantNetwork() {
    return guest.network();
  }

  /**
   * The tenant's disk: its guest's queue, limit and page cache, with the page cache's hits and
   * misses of its own reads counted in its own recorder.
   */
  private record OwnReads(TenantStorage storage, TenantRecorder recorder) implements DiskAccess {
    @Override
    public void io(int operations, long bytes, boolean write, boolean random, Runnable done) {
      storage.io(operations, bytes, write, random, done);
    }

    @Override
    public void io(
        int operations, long bytes, boolean write, boolean random, Object task, Runnable done) {
      storage.io(operations, bytes, write, random, task, done);
    }

    @Override
    public FileReads dataset(Skew skew, long pages) {
      return storage.dataset(skew, pages, recorder);
    }

    @Override
    public FileReads stream() {
      return storage.stream(recorder);
    }
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
