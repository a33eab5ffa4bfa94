package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.memory.MemoryIo;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.DiskAccess;

/**
 * Disk I/O as device time on the tenant's share of the host disk. An operation costs {@code 1 /
 * iops} device-seconds when random and small, {@code bytes / bandwidth} when sequential or large;
 * the device's idle latency is added once per operation. Under contention the share's rate falls
 * and every operation waits longer: with processor sharing, the response time of a run grows with
 * the number of runs in service, as a queue's does. A run of operations issued one after another is
 * one job of their summed device time followed by their summed latency.
 *
 * <p>On the way to the device, an operation may first cost host CPU (QEMU, dom0 blkback), and on a
 * shared kernel a write lands in the shared page cache and is written back by the global flusher.
 * Read and written data fills the tenant's file cache in RAM it does not use.
 */
final class SharedDisk implements DiskAccess, MemoryIo {
  private final HostRuntime host;
  private final Simulation simulation;
  private final HostSpec.Disk device;
  private final Share share;
  private final Share ioCpu;
  private final IoCosts costs;
  private final TenantMemory memory;
  private final boolean limited;

  SharedDisk(HostRuntime host, Share share, Share ioCpu, TenantMemory memory, boolean limited) {
    this.host = host;
    this.simulation = host.simulation();
    this.device = host.spec().disk();
    this.share = share;
    this.ioCpu = ioCpu;
    this.costs = host.ioCosts();
    this.memory = memory;
    this.limited = limited;
  }

  /** Device-seconds of one operation. */
  double operationCost(long bytes, boolean random) {
    double transfer = bytes / device.bandwidthBytesPerSecond();
    return random ? Math.max(1.0 / device.iops(), transfer) : transfer;
  }

  @Override
  public void io(int operations, long bytes, boolean write, boolean random, Runnable done) {
    if (operations <= 0) {
      done.run();
      return;
    }
    double work = operations * operationCost(bytes, random);
    long total = operations * bytes;
    memory.cacheFile(total);
    // A tenant with an I/O limit is throttled at it even for buffered writes (OpenVZ charges dirty
    // pages to the container's beancounter [M]); an unlimited one writes into the shared cache.
    if (write && costs.sharedPageCache() && !limited) {
      host.writeback().write(total, work, done);
      return;
    }
    double cpu = operations * costs.diskCpuPerOperation();
    if (cpu > 0 && ioCpu != null) {
      ioCpu.submit(cpu, job -> device(share, operations, work, done));
    } else {
      device(share, operations, work, done);
    }
  }

  private void device(Share target, long operations, double work, Runnable done) {
    long submitted = simulation.now();
    long latency = operations * device.latency().nanos();
    target.submit(
        work,
        job -> {
          long perOperation = (simulation.now() - submitted + latency) / operations;
          host.diskLatency().record(operations, perOperation);
          simulation.scheduleAfter(latency, done);
        });
  }

  // ------------------------------------------------------------ MemoryIo: paging, raw device

  @Override
  public void faultReads(long pages, Runnable done) {
    if (pages <= 0) {
      done.run();
      return;
    }
    device(share, pages, pages * operationCost(Pages.PAGE_BYTES, true), done);
  }

  /**
   * Swap-out writes are clustered by the kernel's swap allocator: sequential cost, and one
   * operation (one latency) per cluster of SWAP_CLUSTER_MAX = 32 pages (mm/swapfile.c allocates
   * swap slots in clusters; reclaim writes a batch of 32 pages at a time, include/linux/swap.h).
   */
  @Override
  public void swapWrites(long pages, boolean hostSwap, Runnable written) {
    if (pages <= 0) {
      written.run();
      return;
    }
    double work = pages * operationCost(Pages.PAGE_BYTES, false);
    long operations = (pages + SWAP_CLUSTER_PAGES - 1) / SWAP_CLUSTER_PAGES;
    device(hostSwap ? host.swapDisk() : share, operations, work, written);
  }

  /** Pages one swap-out write carries: SWAP_CLUSTER_MAX (include/linux/swap.h). */
  static final long SWAP_CLUSTER_PAGES = 32;
}
