package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.storage.BlockDevice;
import dev.oversold.core.storage.BlockRequest;
import dev.oversold.core.storage.CfqScheduler;
import dev.oversold.core.storage.DeadlineScheduler;
import dev.oversold.core.storage.DeviceProfile;
import dev.oversold.core.storage.FairQueueingScheduler;
import dev.oversold.core.storage.FifoScheduler;
import dev.oversold.core.storage.IoQueue;
import dev.oversold.core.storage.IoScheduler;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A host's one block device behind its I/O scheduler. Every tenant's I/O reaches it through its own
 * {@link IoQueue} ({@link TenantStorage}); the host's own I/O has queues of its own, charged to no
 * tenant: host and hypervisor swap-out, and the shared kernel's writeback (the flusher), whose
 * requests no tenant's limit or weight covers.
 *
 * <p>The report reads its load ({@link DeviceLoad}) in nominal device-seconds: each completed
 * request counts what it costs an idle device, {@code max(1 / iops, bytes / bandwidth)} when random
 * and {@code bytes / bandwidth} when sequential, so a device serving its rated IOPS or bandwidth is
 * 100 % busy.
 */
final class HostStorage implements DeviceLoad {
  /** Requests a derived device accepts at once: SATA NCQ's 32 tags (the AHCI limit). */
  static final int DERIVED_QUEUE_DEPTH = 32;

  private final Simulation simulation;
  private final HostSpec.Disk disk;
  private final DeviceProfile profile;
  private final IoSchedulerKind schedulerKind;
  private final BlockDevice device;
  private final IoQueue swapQueue;
  private final IoQueue flusherQueue;
  private double servedWork;
  // Host swap-out requests allocated (queued or in the device) and writes waiting for one.
  private long swapRequests;
  private final ArrayDeque<PendingSwapWrite> swapWaiting = new ArrayDeque<>();

  /**
   * Requests a queue allocates at most: nr_requests, BLKDEV_MAX_RQ = 128 (include/linux/blkdev.h);
   * a task that would allocate more sleeps in get_request_wait (block/blk-core.c) until one
   * completes. Bounds what reclaim has in flight on the host's swap: at 512 KiB a request, 64 MiB.
   */
  static final long NR_REQUESTS = 128;

  private record PendingSwapWrite(long bytes, long requests, Runnable written) {}

  /**
   * BLK_BATCH_REQ (block/ll_rw_blk.c, 2.6.18): a task woken from {@code get_request_wait} becomes a
   * batcher and may allocate up to 32 requests past the full mark ({@code ioc_batching}).
   */
  static final long BATCH_REQUESTS = 32;

  /**
   * The most a queue allocates with batchers past the full mark: {@code get_request} refuses every
   * task at {@code rl->count >= 3 * nr_requests / 2} (block/ll_rw_blk.c, 2.6.18).
   */
  static final long MAX_BATCHED_REQUESTS = 3 * NR_REQUESTS / 2;

  // The shared kernel's writeback requests allocated (queued or in the device), and submissions
  // waiting in get_request_wait, in the order they slept (prepare_to_wait_exclusive: FIFO).
  private long writebackRequests;
  private boolean writebackCongested;

  /**
   * The queue counts as congested once its allocated requests reach {@code nr_congestion_on} =
   * nr_requests - nr_requests / 8 + 1 (113) and stops at fewer than {@code nr_congestion_off} =
   * nr_requests - nr_requests / 8 - nr_requests / 16 - 1 (103): {@code
   * blk_queue_congestion_threshold}, block/ll_rw_blk.c (2.6.18).
   */
  static final long CONGESTION_ON_REQUESTS = NR_REQUESTS - NR_REQUESTS / 8 + 1;

  static final long CONGESTION_OFF_REQUESTS = NR_REQUESTS - NR_REQUESTS / 8 - NR_REQUESTS / 16 - 1;
  private final ArrayDeque<PendingWriteback> writebackWaiting = new ArrayDeque<>();

  /** One writeback submission: bytes not yet admitted, requests not yet served, its callbacks. */
  private static final class PendingWriteback {
    long bytesLeft;
    final boolean random;
    final Runnable admitted;
    long piecesLeft = 1;
    final Runnable written;

    PendingWriteback(long bytes, boolean random, Runnable admitted, Runnable written) {
      this.bytesLeft = bytes;
      this.random = random;
      this.admitted = admitted;
      this.written = written;
    }
  }

  HostStorage(Simulation simulation, HostSpec spec, Platform platform) {
    this.simulation = simulation;
    this.disk = spec.disk();
    this.profile = profile(disk);
    this.schedulerKind =
        disk.scheduler() != null ? disk.scheduler() : platform.io().defaultIoScheduler(disk.kind());
    this.device = new BlockDevice(simulation, profile, scheduler(schedulerKind));
    this.swapQueue = new IoQueue(spec.name() + "/swap-out", 1.0);
    this.flusherQueue = new IoQueue(spec.name() + "/writeback", 1.0);
  }

  /**
   * The device of a host: a named profile, or one derived from the old keys. A derived device has
   * {@code u = max(1, round(iops x latency))} units that each position for {@code u / iops} (the
   * stated latency when it is a whole number of units' worth), so random IOPS at depth are the
   * stated iops; data moves over one channel at the stated bandwidth; 32 tags.
   */
  static DeviceProfile profile(HostSpec.Disk disk) {
    if (disk.kind() != DiskKind.DERIVED) {
      DeviceProfile named = disk.kind().profile();
      return disk.queueDepth() == 0
          ? named
          : new DeviceProfile(
              named.name(),
              named.positioning(),
              named.bytesPerSecond(),
              named.units(),
              disk.queueDepth(),
              named.mechanical());
    }
    double latencySeconds = disk.latency().nanos() / 1e9;
    int units = (int) Math.max(1, Math.round(disk.iops() * latencySeconds));
    long positioning = Math.round(units * 1e9 / disk.iops());
    int depth = disk.queueDepth() == 0 ? DERIVED_QUEUE_DEPTH : disk.queueDepth();
    return new DeviceProfile(
        "derived",
        SimDuration.ofNanos(positioning),
        disk.bandwidthBytesPerSecond(),
        units,
        depth,
        false);
  }

  static IoScheduler scheduler(IoSchedulerKind kind) {
    return switch (kind) {
      case NONE, NOOP -> new FifoScheduler();
      case MQ_DEADLINE, DEADLINE -> new DeadlineScheduler();
      case BFQ, ESXI_SFQ -> new FairQueueingScheduler();
      case CFQ -> new CfqScheduler();
    };
  }

  /** Nominal device-seconds of one request on an idle device (what limits and the load count). */
  double nominalCost(long bytes, boolean random) {
    double transfer = bytes / disk.bandwidthBytesPerSecond();
    return random ? Math.max(1.0 / disk.iops(), transfer) : transfer;
  }

  /**
   * Submits one request of {@code queue}; {@code done} gets it back when the device has served it.
   */
  void submit(
      IoQueue queue,
      long bytes,
      boolean write,
      boolean random,
      boolean sync,
      Consumer<BlockRequest> done) {
    double cost = nominalCost(bytes, random);
    device.submit(
        new BlockRequest(
            queue,
            bytes,
            write,
            !random,
            sync,
            request -> {
              servedWork += cost;
              done.accept(request);
            }));
  }

  /**
   * One host swap-out write of {@code bytes} (sequential, async, on {@link #swapQueue()}): it
   * enters the scheduler once the queue has request slots for it ({@link #NR_REQUESTS}, counted in
   * requests of at most the device's {@code max_sectors_kb}), in the order issued; the pages stay
   * under writeback meanwhile. A write larger than the whole pool enters an empty queue.
   */
  void submitSwapWrite(long bytes, Runnable written) {
    long chunk = device.maxRequestBytes();
    long requests = (bytes + chunk - 1) / chunk;
    PendingSwapWrite write = new PendingSwapWrite(bytes, requests, written);
    if (swapWaiting.isEmpty() && fitsSwapSlots(requests)) {
      startSwapWrite(write);
    } else {
      swapWaiting.add(write);
    }
  }

  /** Host swap-out writes waiting for request slots (not yet at the scheduler). */
  int swapWritesWaiting() {
    return swapWaiting.size();
  }

  private boolean fitsSwapSlots(long requests) {
    return swapRequests == 0 || swapRequests + requests <= NR_REQUESTS;
  }

  private void startSwapWrite(PendingSwapWrite write) {
    swapRequests += write.requests();
    submit(
        swapQueue,
        write.bytes(),
        true,
        false,
        false,
        request -> {
          swapRequests -= write.requests();
          while (!swapWaiting.isEmpty() && fitsSwapSlots(swapWaiting.peekFirst().requests())) {
            startSwapWrite(swapWaiting.pollFirst());
          }
          write.written().run();
        });
  }

  /**
   * The shared kernel's writeback as a 2.6.18 kernel submits it (the {@link Writeback.Sink} of the
   * host's page cache when its dirty throttling is 2.6.18's): each write on {@link
   * #flusherQueue()}, async, in requests of at most the device's {@code max_sectors_kb}, each of
   * which must be allocated first. As 2.6.18's {@code get_request}/{@code get_request_wait} do it
   * (block/ll_rw_blk.c): the queue allocates at most {@link #NR_REQUESTS} write requests; a
   * submitter that finds none sleeps in FIFO order; when a completion brings the count under
   * nr_requests the first sleeper wakes as a batcher and takes up to {@link #BATCH_REQUESTS}
   * requests, the count going at most to {@link #MAX_BATCHED_REQUESTS}. A submission is admitted
   * once all its requests are allocated (the submitter goes on; {@code written} when all are
   * served). Assumptions: the batcher's 20 ms window ({@code BLK_BATCH_TIME}) is not timed; host
   * swap-out keeps its own count ({@link #submitSwapWrite}); pdflush sleeps in the FIFO like a
   * writer (2.6.18's pdflush writes {@code nonblocking} and backs off a congested queue instead).
   */
  Writeback.Sink writebackSink() {
    return new Writeback.Sink() {
      @Override
      public void write(long bytes, boolean random, Runnable written) {
        write(bytes, random, () -> {}, written);
      }

      @Override
      public boolean admits() {
        return true;
      }

      @Override
      public boolean congested() {
        return writebackCongested;
      }

      @Override
      public void write(long bytes, boolean random, Runnable admitted, Runnable written) {
        writebackWaiting.addLast(new PendingWriteback(bytes, random, admitted, written));
        if (writebackWaiting.size() == 1) {
          admitWriteback();
        }
      }
    };
  }

  /** Writeback submissions allocated requests but not yet served, in requests. */
  long writebackRequests() {
    return writebackRequests;
  }

  /** Writeback submissions sleeping in get_request_wait. */
  int writebackWaiting() {
    return writebackWaiting.size();
  }

  /** Wakes sleepers in order while the queue has requests for them. */
  private void admitWriteback() {
    long chunk = device.maxRequestBytes();
    while (!writebackWaiting.isEmpty() && writebackRequests < NR_REQUESTS) {
      PendingWriteback head = writebackWaiting.peekFirst();
      long take =
          Math.min(
              (head.bytesLeft + chunk - 1) / chunk,
              Math.min(BATCH_REQUESTS, MAX_BATCHED_REQUESTS - writebackRequests));
      long bytes = Math.min(head.bytesLeft, take * chunk);
      long requests = (bytes + chunk - 1) / chunk;
      head.bytesLeft -= bytes;
      writebackRequests += requests;
      if (writebackRequests >= CONGESTION_ON_REQUESTS) {
        writebackCongested = true;
      }
      head.piecesLeft += requests - 1;
      if (head.bytesLeft > 0) {
        head.piecesLeft++;
      } else {
        writebackWaiting.pollFirst();
      }
      // Each request frees its slot when served (freed_request): one submission per request.
      for (long offset = 0; offset < bytes; offset += chunk) {
        submit(
            flusherQueue,
            Math.min(chunk, bytes - offset),
            true,
            head.random,
            false,
            r -> {
              writebackRequests--;
              if (writebackRequests < CONGESTION_OFF_REQUESTS) {
                writebackCongested = false;
              }
              if (--head.piecesLeft == 0) {
                head.written.run();
              }
              admitWriteback();
            });
      }
      if (head.bytesLeft == 0) {
        head.admitted.run();
      }
    }
  }

  /** Host swap-out and hypervisor swap: outside every tenant's limit and weight. */
  IoQueue swapQueue() {
    return swapQueue;
  }

  /** The shared kernel's flusher (writeback of the page cache). */
  IoQueue flusherQueue() {
    return flusherQueue;
  }

  BlockDevice device() {
    return device;
  }

  DeviceProfile deviceProfile() {
    return profile;
  }

  IoSchedulerKind schedulerKind() {
    return schedulerKind;
  }

  Simulation simulation() {
    return simulation;
  }

  @Override
  public double servedWork() {
    return servedWork;
  }

  @Override
  public double capacityPerSecond() {
    return 1;
  }

  @Override
  public int outstanding() {
    return (int) Math.min(Integer.MAX_VALUE, device.inSystem());
  }
}
