package dev.oversold.core.runtime;

import com.google.common.base.Suppliers;
import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.kernel.KernelObjects;
import dev.oversold.core.memory.MemoryEvents;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.storage.IoQueue;
import dev.oversold.core.workload.CpuAccess;
import dev.oversold.core.workload.MemoryAccess;
import dev.oversold.core.workload.ProcessAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A guest during a run: one container or VM on a host, with its plan's share of the host's
 * resources. Everything a plan sells lives here, once per guest: its vCPUs ({@link TenantCpu}: CPU
 * share, caps, quota controller, wake-up and co-stop accounting), its memory (one resident set, one
 * swap, one OOM scope), its guest page cache and dirty limits, its disk queue, limit and
 * per-request host thread, its vNIC and rate limits, and its kernel objects. The tenants that run
 * in it ({@link TenantRuntime}, one workload and one recorder each) use these through it; a guest
 * usually has one tenant, and has several when a scenario says {@code shares-guest}.
 *
 * <p>Events of the guest rather than of one workload (a wake-up's delay, major faults, reclaim
 * stalls, swapping, an OOM kill) are told to every tenant in it: each tenant's row reports its
 * guest's CPU, memory and OOM figures, and its own requests, jobs and page-cache reads.
 */
public final class Guest {
  private final String name;
  private final TenantSpec spec;
  private final HostRuntime host;
  private final List<TenantRuntime> members = new ArrayList<>();

  /** The members' recorders, in join order: guest events go to each. */
  private TenantRecorder[] recorders = new TenantRecorder[0];

  private final TenantCpu tenantCpu;
  private final Share cpuShare;
  private final TenantStorage disk;
  private final TenantNetwork network;
  private final TenantMemory memory;
  private final KernelObjects kernel;
  private final MemoryAccess chargedMemory;
  private final ProcessAccess processes;
  private boolean killed;
  private boolean skewSet;
  private @Nullable CpuAccess stalledCpu;

  /**
   * Builds the guest {@code spec} runs in, with {@code spec}'s plan (every tenant of one guest has
   * the same), named after the guest.
   */
  Guest(TenantSpec tenant, HostRuntime host, RandomStreams streams, TenantRecorder firstRecorder) {
    this.name = tenant.guest();
    // The platform sees the guest, named after it, whichever of its tenants arrived first.
    TenantSpec spec =
        tenant.sharesGuest()
            ? new TenantSpec(name, tenant.host(), tenant.plan(), tenant.workload())
            : tenant;
    this.spec = spec;
    this.host = host;
    var platform = host.platform();
    var hostSpec = host.spec();
    this.tenantCpu =
        new TenantCpu(
            host, name, spec, streams.stream(name, "cpu-wakeup"), this::recordWakeupDelay);
    this.cpuShare = tenantCpu.share();
    ShareSettings diskSettings = platform.io().diskShare(hostSpec, spec);
    // IOPS and bandwidth limits are enforced per slice, as blk-throttle and OpenVZ do: an I/O
    // runs at device speed while the slice's budget lasts, then the guest waits for the next.
    SliceLimiter limiter =
        Double.isFinite(diskSettings.cap())
            ? new SliceLimiter(
                host.simulation(), diskSettings.cap(), TenantRuntime.DISK_LIMIT_SLICE_NANOS)
            : null;
    this.memory =
        host.memory()
            .add(name, platform.memory().tenant(hostSpec, spec), streams.stream(name, "memory"));
    this.disk =
        new TenantStorage(
            host,
            new IoQueue(name, diskSettings.weight()),
            ioStage(host, name, cpuShare.weight()),
            limiter,
            memory);
    this.network =
        new TenantNetwork(
            host.network(), name, platform.io().networkShare(hostSpec, spec), cpuShare);
    this.memory.connect(
        disk,
        new MemoryEvents() {
          @Override
          public void majorFaults(long count) {
            for (TenantRecorder r : recorders) {
              r.majorFaults(count);
            }
          }

          @Override
          public void reclaimStall(long nanos) {
            for (TenantRecorder r : recorders) {
              r.reclaimStall(nanos);
            }
          }

          @Override
          public void swapIn(long pages) {
            for (TenantRecorder r : recorders) {
              r.swapIn(pages);
            }
          }

          @Override
          public void swapOut(long pages) {
            for (TenantRecorder r : recorders) {
              r.swapOut(pages);
            }
          }
        },
        this::kill);
    // Buffered reads: the kernel's one cache on a shared kernel, the guest's own in a VM. Built on
    // first use, so guests without buffered reads draw nothing from its stream.
    this.disk.pageCache(
        host.ioCosts().sharedPageCache()
            ? () -> host.sharedFileCache(streams)
            : Suppliers.memoize(() -> new FileCache(false, streams.stream(name, "page-cache"))),
        firstRecorder);
    this.kernel = platform.kernel().tenantKernel(host.kernel(), hostSpec, spec);
    this.chargedMemory = new ChargedMemory(kernel, memory);
    this.processes = new KernelProcesses(kernel, chargedMemory);
  }

  /**
   * The host thread each of the guest's disk requests crosses (QEMU's iothread, dom0's blkback), or
   * null when the platform charges no CPU per request.
   */
  private static @Nullable SerialCpuStage ioStage(HostRuntime host, String name, double vmWeight) {
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
                      name + "/io-thread",
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

  /** Adds a tenant that runs in this guest. */
  void join(TenantRuntime tenant) {
    members.add(tenant);
    recorders = Arrays.copyOf(recorders, recorders.length + 1);
    recorders[recorders.length - 1] = tenant.recorder();
    if (!skewSet && tenant.spec().workload() instanceof WorkloadSpec.Service service) {
      // One resident set: the first service's working-set skew shapes which pages touches hit.
      skewSet = true;
      memory.touchSkew(service.workingSetSkew());
    }
  }

  // Guest events reach every member's recorder by a plain loop over an array (no capturing lambda
  // or iterator per event): a wake-up delay comes about once per service request.
  private void recordWakeupDelay(long nanos) {
    for (TenantRecorder r : recorders) {
      r.wakeupDelay(nanos);
    }
  }

  /**
   * The OOM killer ended the guest's workloads (its own limit or the host's global OOM): one OOM
   * scope, so every tenant in it is killed: jobs cancelled, workloads stopped, memory freed, and
   * new work never runs.
   */
  void kill() {
    if (killed) {
      return;
    }
    killed = true;
    for (TenantRecorder r : recorders) {
      r.oomKilled();
    }
    cpuShare.cancelAll();
    disk.kill();
    stalledCpu = new SharedCpu(host.stalled().addShare(name, ShareSettings.simple(1.0)));
    for (TenantRuntime member : List.copyOf(members)) {
      member.stopWorkload();
    }
  }

  public boolean killed() {
    return killed;
  }

  /** The guest's name: its first tenant's, the one the others share. */
  public String name() {
    return name;
  }

  /** The spec the guest was built from (its plan is every member's). */
  public TenantSpec spec() {
    return spec;
  }

  /** The tenants running in it, in scenario order. */
  public List<TenantRuntime> members() {
    return Collections.unmodifiableList(members);
  }

  CpuAccess cpu() {
    return killed && stalledCpu != null ? stalledCpu : tenantCpu;
  }

  public TenantCpu tenantCpu() {
    return tenantCpu;
  }

  public Share cpuShare() {
    return cpuShare;
  }

  TenantStorage storage() {
    return disk;
  }

  TenantNetwork network() {
    return network;
  }

  public TenantMemory memoryModel() {
    return memory;
  }

  MemoryAccess chargedMemory() {
    return chargedMemory;
  }

  ProcessAccess processes() {
    return processes;
  }

  public KernelObjects kernel() {
    return kernel;
  }
}
