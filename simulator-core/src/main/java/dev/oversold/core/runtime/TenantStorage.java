package dev.oversold.core.runtime;

import dev.oversold.core.memory.MemoryIo;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.Skew;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.storage.BlkifRing;
import dev.oversold.core.storage.Dataset;
import dev.oversold.core.storage.IoQueue;
import dev.oversold.core.workload.DiskAccess;
import dev.oversold.core.workload.FileReads;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A guest's way to the host's block device, shared by the tenants in the guest (one per guest, not
 * per tenant; {@code shares-guest}): (the platform's CPU stage) -> (the guest's limit) -> the
 * guest's {@link IoQueue} -> the host's scheduler -> the device.
 *
 * <ul>
 *   <li>On a Xen host with {@code blkif-ring: xen-3.0}, each I/O of the guest (file I/O, writeback
 *       and its own swap, which is on its own VBD) first crosses the guest's block ring ({@link
 *       BlkifRing}: at most 32 requests of 44 KiB at once, the rest waiting in the guest's
 *       elevator, reads before writeback); each ring request then takes the stages below on its own
 *       (paging skips the CPU stage, ring or not).
 *   <li>The CPU stage is where the platform handles each request on the host: QEMU's iothread on
 *       KVM, blkback in dom0 on Xen ({@link SerialCpuStage}); none on OpenVZ (native) and ESXi
 *       (PVSCSI in the VMkernel, not modelled as CPU).
 *   <li>The limit ({@link SliceLimiter}) is blk-throttle's: a budget of nominal device-seconds per
 *       100 ms slice.
 *   <li>The queue carries the tenant's weight, which only weight-honouring schedulers (cfq, bfq,
 *       ESXi's) use.
 * </ul>
 *
 * <p>Random operations of one call are issued one after another (the caller's thread waits for
 * each); a sequential call is one request of all its bytes, as the block layer merges contiguous
 * I/O (the device splits it at its own request size). Buffered writes land in a page cache ({@link
 * Writeback}): on a shared kernel an unlimited tenant's go to the host kernel's cache and its
 * flusher writes them back on the host's own queue; a VM's go to its guest kernel's cache over the
 * guest's RAM, whose writeback comes down this same path (CPU stage, limit, the tenant's queue) as
 * async writes.
 */
final class TenantStorage implements DiskAccess, MemoryIo {
  private final HostRuntime host;
  private final HostStorage storage;
  private final IoQueue queue;
  private final @Nullable SerialCpuStage cpu;
  private final @Nullable SliceLimiter limiter;
  private final @Nullable BlkifRing ring;
  private final @Nullable LoopDevice loop;
  private final TenantMemory memory;
  private final boolean sharedPageCache;
  private @Nullable Writeback guestWriteback;
  private boolean killed;
  private @Nullable Supplier<FileCache> fileCache;
  private @Nullable TenantRecorder recorder;

  TenantStorage(
      HostRuntime host,
      IoQueue queue,
      @Nullable SerialCpuStage cpu,
      @Nullable SliceLimiter limiter,
      TenantMemory memory) {
    this.host = host;
    this.storage = host.storage();
    this.queue = queue;
    this.cpu = cpu;
    this.limiter = limiter;
    this.memory = memory;
    IoCosts costs = host.ioCosts();
    this.sharedPageCache = costs.sharedPageCache();
    this.ring = host.platform().io().onePageBlockRing(host.spec()) ? BlkifRing.onePage() : null;
    this.loop =
        host.platform().io().fileBackedDisks(host.spec()) == null
            ? null
            : new LoopDevice(
                host.imageCache(),
                (bytes, random, done) -> deviceRequest(bytes, false, random, true, done));
  }

  /**
   * The guest kernel's page cache writeback (a VM): dirty limits over the guest's RAM, the guest
   * kernel's throttling ({@code guest-dirty-throttling}, modern by default: the same {@link
   * Writeback} the host kernel of OpenVZ runs), and each writeback request crossing the VM's I/O
   * path as an async write.
   */
  Writeback guestWriteback() {
    Writeback wb = guestWriteback;
    if (wb == null) {
      wb =
          new Writeback(
              host.simulation(),
              host.platform().io().guestDirtyThrottling(host.spec()),
              memory.config().ramBytes(),
              1,
              (bytes, random, written) ->
                  new Run(1, bytes, true, random, true, false, written).next());
      guestWriteback = wb;
    }
    return wb;
  }

  /** The guest's writeback if the tenant wrote through it yet (a VM), else null. */
  @Nullable Writeback guestWritebackIfStarted() {
    return guestWriteback;
  }

  /** The guest's block ring (Xen with {@code blkif-ring: xen-3.0}), or null for none. */
  @Nullable BlkifRing ring() {
    return ring;
  }

  /** The guest's loop device in dom0 (Xen with {@code vbd: file}), or null for none. */
  @Nullable LoopDevice loop() {
    return loop;
  }

  /** The guest's queue at the host's scheduler (its weight, its counters). */
  IoQueue queue() {
    return queue;
  }

  @Override
  public void io(int operations, long bytes, boolean write, boolean random, Runnable done) {
    io(operations, bytes, write, random, this, done);
  }

  /**
   * One task's I/O: {@code task} is the writer its page cache's dirty throttling counts (the tenant
   * itself unless a workload names its threads).
   */
  @Override
  public void io(
      int operations, long bytes, boolean write, boolean random, Object task, Runnable done) {
    if (operations <= 0) {
      done.run();
      return;
    }
    long total = operations * bytes;
    memory.cacheFile(total);
    // A tenant with an I/O limit is throttled at it even for buffered writes (OpenVZ charges dirty
    // pages to the container's beancounter [M]); an unlimited one writes into the shared cache.
    if (write && sharedPageCache && limiter == null) {
      host.writeback().write(task, total, random, done);
      return;
    }
    if (write && !sharedPageCache) {
      guestWriteback().write(task, total, random, done);
      return;
    }
    if (random) {
      new Run(operations, bytes, write, true, true, true, done).next();
    } else {
      new Run(1, total, write, false, true, true, done).next();
    }
  }

  /**
   * {@code remaining} requests of {@code bytes} each, one after another, each crossing the CPU
   * stage, the limit and the device.
   */
  private final class Run implements Runnable {
    private long remaining;
    private final long bytes;
    private final boolean write;
    private final boolean random;
    private final boolean throughCpu;
    private final boolean sync;
    private final Runnable done;
    private BlkifRing.@Nullable Backend ringBackend;

    /**
     * Whether {@link #run} continues a request past the CPU stage (else it starts the next
     * request). Without a ring a run has one request on its way at a time, so the run itself is
     * that request's continuation at each step and makes no closure for it.
     */
    private boolean pastCpu;

    Run(
        long requests,
        long bytes,
        boolean write,
        boolean random,
        boolean throughCpu,
        boolean sync,
        Runnable done) {
      this.remaining = requests;
      this.bytes = bytes;
      this.write = write;
      this.random = random;
      this.throughCpu = throughCpu;
      this.sync = sync;
      this.done = done;
    }

    void next() {
      if (killed) {
        return;
      }
      if (remaining == 0) {
        done.run();
        return;
      }
      remaining--;
      BlkifRing guestRing = ring;
      // Every request of a Xen guest crosses its ring, paging too (its swap is on its own VBD);
      // paging skips the CPU stage with or without the ring (stages()). While the ring is full the
      // guest's elevator holds the rest and hands freed slots to sync requests (reads) before
      // async ones (the guest's page-cache writeback): BlkifRing.
      if (guestRing != null) {
        BlkifRing.Backend backend = ringBackend;
        if (backend == null) {
          backend = this::ringRequest;
          ringBackend = backend;
        }
        guestRing.submit(bytes, sync, backend, this);
      } else if (throughCpu && cpu != null) {
        pastCpu = true;
        cpu.pass(this);
      } else {
        limit(bytes, random, this);
      }
    }

    @Override
    public void run() {
      if (pastCpu) {
        pastCpu = false;
        limit(bytes, random, this);
      } else {
        next();
      }
    }

    /** One ring request of this run's I/O in dom0: only an I/O's first one can be random. */
    private void ringRequest(long size, boolean first, Runnable completed) {
      stages(size, random && first, completed);
    }

    /**
     * One request's way to the device: the CPU stage (if this run crosses it), the limit, the
     * device; then {@code then}. A ring request is one of these in dom0; a later request of a split
     * I/O continues where the previous one ended (sequential).
     */
    private void stages(long size, boolean sizeRandom, Runnable then) {
      if (throughCpu && cpu != null) {
        cpu.pass(() -> limit(size, sizeRandom, then));
      } else {
        limit(size, sizeRandom, then);
      }
    }

    private void limit(long size, boolean sizeRandom, Runnable then) {
      if (limiter != null) {
        limiter.acquire(
            storage.nominalCost(size, sizeRandom), () -> device(size, sizeRandom, then));
      } else {
        device(size, sizeRandom, then);
      }
    }

    private void device(long size, boolean sizeRandom, Runnable then) {
      if (killed) {
        return;
      }
      LoopDevice image = loop;
      if (image != null) {
        image.submit(size, write, sizeRandom, then);
      } else {
        deviceRequest(size, write, sizeRandom, sync, then);
      }
    }
  }

  /** One request on the guest's queue at the host's scheduler; {@code then} when served. */
  private void deviceRequest(
      long size, boolean write, boolean random, boolean sync, Runnable then) {
    if (killed) {
      return;
    }
    storage.submit(
        queue,
        size,
        write,
        random,
        sync,
        request -> {
          host.diskLatency().record(1, request.completedAt() - request.submittedAt());
          then.run();
        });
  }

  // ------------------------------------------------------------ reads through the page cache

  /** Where this tenant's buffered reads are cached (set when the tenant is built). */
  void pageCache(Supplier<FileCache> cache, TenantRecorder recorder) {
    this.fileCache = cache;
    this.recorder = recorder;
  }

  @Override
  public FileReads dataset(Skew skew, long pages) {
    return dataset(skew, pages, recorder());
  }

  /** A dataset read through the guest's page cache, hits and misses counted in {@code counts}. */
  FileReads dataset(Skew skew, long pages, TenantRecorder counts) {
    return cache().dataset(memory, this, counts, Dataset.of(skew, pages));
  }

  @Override
  public FileReads stream() {
    return stream(recorder());
  }

  /** A stream read through the guest's page cache, hits and misses counted in {@code counts}. */
  FileReads stream(TenantRecorder counts) {
    return cache().stream(memory, this, counts);
  }

  /** The page cache the guest's buffered reads go through. */
  FileCache fileCache() {
    return cache();
  }

  private FileCache cache() {
    if (fileCache == null) {
      throw new IllegalStateException("no page cache wired for " + memory.name());
    }
    return fileCache.get();
  }

  private TenantRecorder recorder() {
    if (recorder == null) {
      throw new IllegalStateException("no recorder wired for " + memory.name());
    }
    return recorder;
  }

  /**
   * Reads the page cache missed: {@code operations} reads of {@code bytes} (random ones one after
   * another, a sequential one as one request) through the CPU stage, the limit and the device,
   * without charging them to the cache again (the cache has placed them).
   */
  void readPastCache(int operations, long bytes, boolean random, Runnable done) {
    new Run(operations, bytes, false, random, true, true, done).next();
  }

  // ------------------------------------------------------------ MemoryIo: paging, raw device

  /** Page faults read from the tenant's swap: 4 KiB random reads one after another. */
  @Override
  public void faultReads(long pages, Runnable done) {
    if (pages <= 0) {
      done.run();
      return;
    }
    new Run(pages, Pages.PAGE_BYTES, false, true, false, true, done).next();
  }

  /**
   * Swap-out writes are clustered by the kernel's swap allocator: one sequential write. Host swap
   * (kswapd, the hypervisor's swapper) goes on the host's own queue, outside the tenant's limit and
   * weight (issue 13 item 4), and nobody waits for it in CFQ's sense (async).
   */
  @Override
  public void swapWrites(long pages, boolean hostSwap, Runnable written) {
    if (pages <= 0) {
      written.run();
      return;
    }
    long bytes = pages * Pages.PAGE_BYTES;
    if (hostSwap) {
      storage.submitSwapWrite(bytes, written);
    } else {
      new Run(1, bytes, true, false, false, true, written).next();
    }
  }

  /**
   * The guest was OOM-killed (every tenant in it): requests held in blkback's or the iothread's
   * queue and in the limit are dropped, the block ring's slots are released ({@link
   * BlkifRing#abort()}), and nothing in flight calls back.
   */
  void kill() {
    killed = true;
    if (cpu != null) {
      cpu.clear();
    }
    if (ring != null) {
      ring.abort();
    }
    if (loop != null) {
      loop.abort();
    }
    if (limiter != null) {
      limiter.clear();
    }
  }
}
