package dev.oversold.core.runtime;

import java.util.ArrayDeque;

/**
 * dom0's loop device for one guest's image file (a Xen {@code file:} VBD, host option {@code vbd:
 * file}): drivers/block/loop.c of Linux 2.6.16/2.6.18, which Xen 3.0's dom0 ran.
 *
 * <p>The driver queues the requests blkback hands it on one list ({@code loop_add_bio}) and one
 * kernel thread per device ({@code loop_thread}) takes them off in arrival order ({@code
 * loop_get_bio}), handling one at a time ({@code do_bio_filebacked}):
 *
 * <ul>
 *   <li>a write is copied into the image file's pages in dom0's page cache ({@code
 *       do_lo_send_aops}: prepare_write, copy, commit_write) and is done once copied: the data
 *       reaches the disk later, by dom0's writeback, in dom0's order, charged to no guest;
 *   <li>a read is read from the file ({@code do_lo_receive}); the model sends every read to the
 *       device (dom0's cached copies of the image are not tracked: reads never hit there, which can
 *       only make a guest's reads slower than on a real host, never faster).
 * </ul>
 *
 * <p>dom0's page cache is one {@link Writeback} for all guests (one kernel), so every guest's loop
 * thread meets the same dirty limit as the heaviest writer among them. <b>Assumption:</b> the loop
 * thread is throttled as a writer in 2.6.18's {@code balance_dirty_pages} (it writes back the
 * oldest dirty data itself once the level is past the limit, whoever dirtied it). In vanilla
 * 2.6.16-2.6.18 the aops path of loop.c does not call {@code balance_dirty_pages} itself; what
 * holds it back there is page reclaim in its page-cache allocations (the backing file's mapping is
 * GFP_NOIO, so it waits for the flusher in {@code throttle_vm_writeout} and {@code
 * blk_congestion_wait}), which is not modelled; the global dirty limit stands in for that one
 * shared throttle. While the thread is held, every later request of the guest, reads included,
 * waits behind it. The copy's CPU time in dom0 is not charged (assumption: a 4 KiB copy is about 1
 * us, against 15 us of blkback).
 */
final class LoopDevice {
  /** A read of the image file that misses dom0's cache: one request to the device. */
  interface Reads {
    void read(long bytes, boolean random, Runnable done);
  }

  private final Writeback imageCache;
  private final Reads reads;
  private final ArrayDeque<Handling> pending = new ArrayDeque<>();
  private boolean busy;
  private boolean aborted;
  private long bytesWritten;
  private long bytesRead;
  private long completed;

  LoopDevice(Writeback imageCache, Reads reads) {
    this.imageCache = imageCache;
    this.reads = reads;
  }

  /** blkback hands the loop device a request; {@code done} when the loop thread has handled it. */
  void submit(long bytes, boolean write, boolean random, Runnable done) {
    if (aborted) {
      return;
    }
    pending.addLast(new Handling(bytes, write, random, done));
    if (!busy) {
      next();
    }
  }

  /**
   * The loop thread takes the next request; a request handled at once (a write under the dirty
   * limit) lets it go on in this loop rather than by recursion.
   */
  private void next() {
    while (true) {
      Handling handling = pending.pollFirst();
      if (handling == null || aborted) {
        busy = false;
        return;
      }
      busy = true;
      handling.started = true;
      if (handling.write) {
        // The loop thread is the writer dom0's dirty throttling counts.
        imageCache.write(this, handling.bytes, handling.random, handling);
      } else {
        reads.read(handling.bytes, handling.random, handling);
      }
      handling.started = false;
      if (!handling.finished) {
        return; // the thread waits; the completion goes on
      }
    }
  }

  /**
   * One request, queued and then handled: its completion is counted, reported, then the thread
   * takes the next. One object per request (the queue entry is the completion callback).
   */
  private final class Handling implements Runnable {
    private final long bytes;
    private final boolean write;
    private final boolean random;
    private final Runnable done;
    // true while the loop thread is still inside the write/read call that may complete at once
    boolean started;
    boolean finished;

    Handling(long bytes, boolean write, boolean random, Runnable done) {
      this.bytes = bytes;
      this.write = write;
      this.random = random;
      this.done = done;
    }

    @Override
    public void run() {
      if (aborted || finished) {
        return;
      }
      finished = true;
      completed++;
      if (write) {
        bytesWritten += bytes;
      } else {
        bytesRead += bytes;
      }
      done.run();
      if (!started) {
        next();
      }
    }
  }

  /** The guest was killed: requests not yet handled are dropped; none calls back. */
  void abort() {
    aborted = true;
    pending.clear();
    busy = false;
  }

  /** Requests waiting for the loop thread (not the one it handles). */
  int waiting() {
    return pending.size();
  }

  /** Whether the loop thread is handling a request (copying, throttled, or reading). */
  boolean busy() {
    return busy;
  }

  /** Bytes of writes copied into dom0's page cache. */
  long bytesWritten() {
    return bytesWritten;
  }

  /** Bytes read from the device for the guest. */
  long bytesRead() {
    return bytesRead;
  }

  /** Requests handled. */
  long completed() {
    return completed;
  }
}
