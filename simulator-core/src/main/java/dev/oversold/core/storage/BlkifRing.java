package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import java.util.ArrayDeque;

/**
 * A Xen guest's block ring (blkif): the one shared page through which blkfront hands requests to
 * blkback in dom0. It holds a fixed number of requests at once, and each request names at most a
 * fixed number of 4 KiB segments, so a larger I/O of the guest crosses it as several ring requests,
 * each taking a slot until blkback has completed it and put its response on the ring. A request
 * that finds the ring full waits in the guest (blkfront stops its queue: {@code blk_stop_queue} in
 * {@code do_blkif_request}, drivers/xen/blkfront/blkfront.c of the 2.6.16/2.6.18-xen trees) and
 * takes a later free slot.
 *
 * <p>Which waiting request takes a freed slot is the guest's elevator's choice: blkfront's {@code
 * do_blkif_request} takes {@code elv_next_request} of the guest's own request queue, so requests
 * that wait for the ring wait in the guest kernel's I/O scheduler. A 2.6.18 guest runs CFQ by
 * default (block/Kconfig.iosched, DEFAULT_CFQ since 2.6.18), in which a sync request (a read
 * someone waits for) preempts the async queue that holds the page cache's writeback ({@code
 * cfq_should_preempt}: a sync request against a non-sync active queue; all async writes of a
 * priority share one queue, {@code CFQ_KEY_ASYNC}); 2.6.16's anticipatory and the deadline
 * scheduler serve reads first too. So the waiting requests form two classes, each in arrival order,
 * and a freed slot goes to the oldest waiting sync request before any async one (an assumption:
 * CFQ's bounds on how long sync queues may hold the disk, its slices and {@code cfq_fifo_expire},
 * are not modelled; async writeback waits while sync requests keep coming).
 *
 * <p>Sizes of Xen 3.0's interface (xen/include/public/io/blkif.h, io/ring.h): {@code
 * BLKIF_MAX_SEGMENTS_PER_REQUEST} = 11 segments of a page each, so 44 KiB a request; {@code
 * BLK_RING_SIZE} = {@code __RING_SIZE} of one 4,096 B page, (4,096 - 64 B of ring header) / 112 B a
 * request entry (the union with the response) = 36, rounded down to a power of two: 32.
 *
 * <p>The ring only counts: what a ring request does in dom0 (blkback's CPU, the device) is the
 * business of the {@link Backend} the I/O names, which calls back once per ring request when it has
 * completed.
 */
public final class BlkifRing {
  /** Xen 3.0's {@code BLK_RING_SIZE}: requests on a one-page ring. */
  public static final int ONE_PAGE_SLOTS = 32;

  /** Xen 3.0's {@code BLKIF_MAX_SEGMENTS_PER_REQUEST} x 4 KiB: bytes one ring request moves. */
  public static final long ONE_PAGE_MAX_REQUEST_BYTES = 11 * 4096L;

  /** What blkback does with one ring request. */
  public interface Backend {
    /**
     * Serves {@code bytes} of the guest's I/O; {@code first} is the I/O's first ring request (the
     * others continue where the previous one ended). Runs {@code completed} once, when done.
     */
    void serve(long bytes, boolean first, Runnable completed);
  }

  /**
   * One ring request: the completion the backend runs. It remembers whether it completed (a second
   * completion is refused whatever else is in flight) and the ring's epoch when it was issued (one
   * issued before {@link #abort()} no longer holds a slot, and its completion is ignored).
   */
  private final class Piece implements Runnable {
    private final Io io;
    private final long bytes;
    private final long epoch;
    private boolean completed;

    Piece(Io io, long bytes, long epoch) {
      this.io = io;
      this.bytes = bytes;
      this.epoch = epoch;
    }

    @Override
    public void run() {
      completed(this);
    }
  }

  /**
   * One I/O of the guest, cut into ring requests as slots free (the next one starts at {@code
   * issuedBytes}), done when its last ring request is.
   */
  private static final class Io {
    private final long bytes;
    private long issuedBytes;
    private long left;
    private final Backend backend;
    private final Runnable done;

    Io(long bytes, long pieces, Backend backend, Runnable done) {
      this.bytes = bytes;
      this.left = pieces;
      this.backend = backend;
      this.done = done;
    }
  }

  private final int slots;
  private final long maxRequestBytes;

  /**
   * Sync I/O (reads, swap) with requests not yet on the ring, in arrival order; only the first can
   * be partly issued. Served before {@link #waitingAsync}.
   */
  private final ArrayDeque<Io> waiting = new ArrayDeque<>();

  /** Async I/O (page-cache writeback) with requests not yet on the ring, likewise. */
  private final ArrayDeque<Io> waitingAsync = new ArrayDeque<>();

  private long waitingRequests;
  private int inFlight;
  private long epoch;
  private long aborted;
  private long issued;
  private long completed;
  private long bytesCompleted;

  /**
   * @param slots requests the ring holds at once
   * @param maxRequestBytes bytes one ring request moves at most
   */
  public BlkifRing(int slots, long maxRequestBytes) {
    Preconditions.checkArgument(slots >= 1, "a ring holds at least one request: %s", slots);
    Preconditions.checkArgument(
        maxRequestBytes >= 1, "a ring request moves at least one byte: %s", maxRequestBytes);
    this.slots = slots;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** Xen 3.0's one-page ring: 32 requests of at most 44 KiB. */
  public static BlkifRing onePage() {
    return new BlkifRing(ONE_PAGE_SLOTS, ONE_PAGE_MAX_REQUEST_BYTES);
  }

  /**
   * Puts a sync I/O of {@code bytes} on the ring as {@code ceil(bytes / maxRequestBytes)} requests,
   * in order, each served by {@code backend} once it has a slot; {@code done} runs once, when the
   * last of them has completed.
   */
  public void submit(long bytes, Backend backend, Runnable done) {
    submit(bytes, true, backend, done);
  }

  /**
   * As {@link #submit(long, Backend, Runnable)}, with the I/O's class at the guest's elevator:
   * {@code sync} (a read or anything its issuer waits for) takes freed slots before every waiting
   * async request (page-cache writeback), whenever either was submitted.
   */
  public void submit(long bytes, boolean sync, Backend backend, Runnable done) {
    Preconditions.checkArgument(bytes > 0, "an I/O moves at least one byte: %s", bytes);
    long pieces = (bytes + maxRequestBytes - 1) / maxRequestBytes;
    (sync ? waiting : waitingAsync).addLast(new Io(bytes, pieces, backend, done));
    waitingRequests += pieces;
    fill();
  }

  private void fill() {
    while (inFlight < slots) {
      ArrayDeque<Io> queue = waiting.isEmpty() ? waitingAsync : waiting;
      if (queue.isEmpty()) {
        return;
      }
      // The next request is cut when it gets its slot: the same sizes in the same order as cutting
      // the whole I/O up front, without holding ceil(bytes / maxRequestBytes) objects meanwhile.
      Io io = queue.getFirst();
      long size = Math.min(maxRequestBytes, io.bytes - io.issuedBytes);
      boolean first = io.issuedBytes == 0;
      io.issuedBytes += size;
      if (io.issuedBytes == io.bytes) {
        queue.pollFirst();
      }
      waitingRequests--;
      inFlight++;
      issued++;
      io.backend.serve(size, first, new Piece(io, size, epoch));
    }
  }

  private void completed(Piece piece) {
    Preconditions.checkState(!piece.completed, "a ring request completed twice");
    piece.completed = true;
    if (piece.epoch != epoch) {
      // Issued before abort(): its slot was released then, and its I/O's owner is gone.
      return;
    }
    inFlight--;
    completed++;
    bytesCompleted += piece.bytes;
    Io io = piece.io;
    // The freed slot goes to the next waiting request before the I/O's owner hears of it, as
    // blkfront restarts its queue when responses free slots (kick_pending_request_queues).
    fill();
    if (--io.left == 0) {
      io.done.run();
    }
  }

  /** Requests on the ring now (handed to the backend, not completed): at most {@link #slots()}. */
  public int inFlight() {
    return inFlight;
  }

  /** Ring requests waiting in the guest for a slot. */
  public int waiting() {
    return Math.toIntExact(waitingRequests);
  }

  /** Ring requests handed to the backend so far. */
  public long issued() {
    return issued;
  }

  /** Ring requests that were in flight when {@link #abort()} released their slots. */
  public long aborted() {
    return aborted;
  }

  /** Ring requests completed so far (not counting those {@link #abort()} released). */
  public long completed() {
    return completed;
  }

  /** Bytes of completed ring requests. */
  public long bytesCompleted() {
    return bytesCompleted;
  }

  public int slots() {
    return slots;
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * The guest was killed: drops every waiting request and releases every slot, so the ring is empty
   * ({@code issued() == completed() + aborted()}). A request that was in flight may still be
   * completed by the backend later (one already at the device); that completion is ignored and its
   * I/O's {@code done} never runs. The ring takes new I/O afterwards as if new.
   */
  public void abort() {
    waiting.clear();
    waitingAsync.clear();
    waitingRequests = 0;
    aborted += inFlight;
    inFlight = 0;
    epoch++;
  }
}
