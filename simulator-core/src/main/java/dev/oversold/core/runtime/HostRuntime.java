package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.kernel.HostKernel;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.PageSharing;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.platform.IoPolicy;
import dev.oversold.core.platform.IoPolicy.DirtyThrottling;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.Platforms;
import dev.oversold.core.sharing.Job;
import dev.oversold.core.sharing.JobListener;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.sharing.SharedCapacity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A host during a run: its shared capacities, its platform, its memory and its tenants. */
public final class HostRuntime {
  /** How often Storage I/O Control looks at the device latency (SIOC samples every 4 s [M]). */
  static final long CONGESTION_PERIOD_NANOS = 4 * SimTime.SECOND;

  private final HostSpec spec;
  private final Simulation simulation;
  private final Platform platform;
  private final SharedCapacity cpu;
  private final HostStorage storage;
  private final HostNetwork network;
  private final SharedCapacity stalled;
  private final HostMemory memory;
  private final IoCosts ioCosts;
  private final DiskLatency diskLatency = new DiskLatency();
  private final Share platformShare;
  private final HostKernel kernel;
  private final List<TenantRuntime> tenants = new ArrayList<>();
  private final Map<String, Guest> guests = new LinkedHashMap<>();
  private Share kernelCpu;
  private Share kswapdCpu;
  private @Nullable Writeback writeback;
  private @Nullable Writeback imageCache;
  private @Nullable FileCache fileCache;

  /**
   * Builds the host for the tenants placed on it.
   *
   * @throws MemoryAdmissionException when the platform cannot place their memory (Xen, ESXi)
   */
  /**
   * A host whose tenants are placed one by one afterwards (tests of CPU and kernel tables): no
   * memory admission check runs, since nothing is placed when it is built.
   */
  HostRuntime(HostSpec spec, Simulation simulation) {
    this(spec, simulation, List.of());
  }

  HostRuntime(HostSpec spec, Simulation simulation, List<TenantSpec> tenantsPlaced) {
    // The platform places guests: a plan shared by several tenants is placed once.
    List<TenantSpec> placed = TenantSpec.onePerGuest(tenantsPlaced);
    this.spec = spec;
    this.simulation = simulation;
    this.platform = Platforms.of(spec.platform());
    this.cpu = new SharedCapacity(simulation, spec.name() + "/cpu", spec.cpu().capacity());
    this.storage = new HostStorage(simulation, spec, platform);
    this.stalled = new SharedCapacity(simulation, spec.name() + "/killed", 0);
    this.memory =
        new HostMemory(spec.name(), simulation, platform.memory().host(spec, List.copyOf(placed)));
    this.ioCosts = platform.io().costs(spec);
    this.platformShare =
        cpu.addShare(
            spec.name() + "/" + platform.cpu().platformShareName(),
            platform.cpu().platformShare(spec));
    this.kernel = new HostKernel(spec);
    this.network = new HostNetwork(this, List.copyOf(placed));
  }

  /** Starts host-level activity: page sharing, storage congestion control. */
  void start() {
    // kswapd: one host kernel thread reclaiming between the watermarks (platforms with kswapd).
    memory.connectKswapd((work, done) -> kswapdCpu().submit(work, job -> done.run()));
    var sharing = platform.memory().sharing(spec);
    if (sharing.isPresent()) {
      Share scanner = cpu.addShare(spec.name() + "/page-sharing", hostThread(1));
      new PageSharing(
              memory,
              sharing.get(),
              platform.memory()::sharingActive,
              work -> scanner.submit(work, job -> {}))
          .start();
    }
    if (ioCosts.congestionThresholdNanos() > 0) {
      simulation.scheduleAfter(CONGESTION_PERIOD_NANOS, this::controlCongestion);
    }
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

  /** The host's block device behind its I/O scheduler, and the host's own queues. */
  HostStorage storage() {
    return storage;
  }

  /** The NIC's transmit and receive paths as the platform builds them. */
  HostNetwork network() {
    return network;
  }

  /**
   * The disk's load for the report's time series: nominal device-seconds of the requests the block
   * device completed, capacity 1/s, requests in the scheduler and the device.
   */
  public DeviceLoad diskLoad() {
    return storage;
  }

  /**
   * The network interface's transmit load for the report (bytes on the wire, the line rate, packets
   * waiting in the qdisc): what tenants' floods and web responses saturate.
   */
  public DeviceLoad networkLoad() {
    return network.transmitLoad();
  }

  public HostMemory memory() {
    return memory;
  }

  public IoCosts ioCosts() {
    return ioCosts;
  }

  public List<TenantRuntime> tenants() {
    return Collections.unmodifiableList(tenants);
  }

  void add(TenantRuntime tenant) {
    tenants.add(tenant);
  }

  /** The guests on the host (one per container or VM), in the order their first tenant came. */
  public List<Guest> guests() {
    return List.copyOf(guests.values());
  }

  /**
   * The guest {@code tenant} runs in, built with {@code tenant}'s plan when it is the first of its
   * guest to arrive. Guest events (wake-up delays, faults, reclaim, swap, OOM kills) reach every
   * member's recorder once it joins ({@link Guest#join}); {@code first} is only the recorder the
   * guest storage's own {@code dataset()} and {@code stream()} count page-cache reads in (its
   * {@code DiskAccess} face); each tenant reads through {@code OwnReads} with its own recorder.
   */
  Guest guest(TenantSpec tenant, RandomStreams streams, TenantRecorder first) {
    Guest guest = guests.get(tenant.guest());
    if (guest == null) {
      guest = new Guest(tenant, this, streams, first);
      guests.put(tenant.guest(), guest);
    }
    return guest;
  }

  /** A zero-capacity pool where a killed tenant's new work waits forever. */
  SharedCapacity stalled() {
    return stalled;
  }

  DiskLatency diskLatency() {
    return diskLatency;
  }

  /**
   * Xen dom0's CPU: blkback and netback run here for every guest. It is the platform share, which
   * the Xen CPU policy sizes (host options {@code dom0-vcpus}, {@code dom0-weight}).
   */
  public Share dom0Cpu() {
    return platformShare;
  }

  /**
   * The shared kernel's packet processing (softirq): the host stack's transmit and receive stages
   * run here, charged to no tenant, weighted per running job.
   */
  Share kernelCpu() {
    if (kernelCpu == null) {
      kernelCpu =
          cpu.addShare(
              spec.name() + "/softirq", hostThread(spec.cpu().cores()).withWeightPerJob(true));
    }
    return kernelCpu;
  }

  /** kswapd's CPU: one host kernel thread, created when it first runs. */
  private Share kswapdCpu() {
    if (kswapdCpu == null) {
      kswapdCpu = cpu.addShare(spec.name() + "/kswapd", hostThread(1));
    }
    return kswapdCpu;
  }

  /**
   * The kernel's one page cache for buffered reads, when the platform has one kernel (OpenVZ, bare
   * metal); built on first use.
   */
  FileCache sharedFileCache(RandomStreams streams) {
    if (fileCache == null) {
      fileCache = new FileCache(true, streams.stream(spec.name(), "page-cache"));
    }
    return fileCache;
  }

  /**
   * The shared page cache's writeback, when the platform has one kernel: over the host's RAM, its
   * flusher on the host's own queue (async, charged to no tenant).
   */
  Writeback writeback() {
    if (writeback == null) {
      DirtyThrottling kernel = platform.io().dirtyThrottling(spec);
      // A 2.6.18 kernel's writers go on once their writeback is admitted to the request queue
      // (HostStorage#writebackSink); the later kernels' keep the model's stand-in, waiting until
      // it is written (Writeback's class comment).
      Writeback.Sink sink =
          kernel == DirtyThrottling.LINUX_2_6_18
              ? storage.writebackSink()
              : (bytes, random, written) ->
                  storage.submit(
                      storage.flusherQueue(), bytes, true, random, false, r -> written.run());
      writeback =
          new Writeback(simulation, kernel, spec.memory().ramBytes(), spec.cpu().cores(), sink);
    }
    return writeback;
  }

  /**
   * dom0's page cache for guests' image files (Xen with {@code vbd: file}): one kernel's writeback
   * over dom0's RAM with its throttling, shared by every guest's loop device, its flusher on the
   * host's own queue (async, charged to no guest). Built when the first guest's storage is made.
   */
  Writeback imageCache() {
    if (imageCache == null) {
      IoPolicy.FileBackedDisks files = platform.io().fileBackedDisks(spec);
      if (files == null) {
        throw new IllegalStateException(spec.name() + ": guests' disks are not files in the host");
      }
      imageCache =
          new Writeback(
              simulation,
              files.throttling(),
              files.dirtyableBytes(),
              files.cpus(),
              (bytes, random, written) ->
                  storage.submit(
                      storage.flusherQueue(), bytes, true, random, false, r -> written.run()));
    }
    return imageCache;
  }

  /** dom0's page cache for image files if a guest wrote through it yet. */
  @Nullable Writeback imageCacheIfStarted() {
    return imageCache;
  }

  /** The shared page cache's writeback if anything was written through it yet. */
  @Nullable Writeback writebackIfStarted() {
    return writeback;
  }

  private ShareSettings hostThread(int threads) {
    return new ShareSettings(
        1.0, 0, Double.POSITIVE_INFINITY, spec.cpu().speed(), threads, 1.0, false);
  }

  /**
   * SIOC: shares (the tenants' queue weights at ESXi's fair-queueing scheduler) apply only while
   * the device's mean latency is above the threshold; below it every VM's queue weighs the same.
   */
  private void controlCongestion() {
    boolean congested = diskLatency.takeMeanNanos() > ioCosts.congestionThresholdNanos();
    for (Guest guest : guests.values()) {
      double weight =
          congested
              ? platform.io().congestedDiskWeight(spec, guest.spec())
              : platform.io().diskShare(spec, guest.spec()).weight();
      if (guest.storage().queue().weight() != weight) {
        guest.storage().queue().setWeight(weight);
      }
    }
    simulation.scheduleAfter(CONGESTION_PERIOD_NANOS, this::controlCongestion);
  }

  /** Checks every shared resource's invariants (run end, with checks on). */
  void checkInvariants() {
    cpu.checkInvariants();
    memory.checkInvariants();
    kernel.checkInvariants();
  }
}
