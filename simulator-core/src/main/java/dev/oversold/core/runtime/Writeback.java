package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;

/**
 * The shared page cache's global writeback (one kernel: OpenVZ, bare metal). A write lands in the
 * page cache as dirty data and completes at once; one flusher writes dirty data back in sequential
 * chunks on its own queue at the host's I/O scheduler, which is not the writer's (CFQ loses the
 * cgroup of async writes), so a heavy writer's flushes take device time from everyone's reads. Past
 * the dirty limit (vm.dirty_ratio, 20% of RAM by default) writers wait until writeback catches up
 * (balance_dirty_pages).
 */
final class Writeback {
  /** Data written back per flusher job: 4 MiB, so flushes interleave with other tenants' I/O. */
  static final long CHUNK_BYTES = 4L << 20;

  /** A page: what a randomly dirtied write is written back as. */
  private static final long PAGE = 4096;

  /**
   * vm.dirty_ratio default: 20% of available memory [R kernel
   * Documentation/admin-guide/sysctl/vm.rst].
   */
  static final double DIRTY_RATIO = 0.20;

  private final Simulation simulation;
  private final HostStorage storage;
  private final long limitBytes;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private long dirtyBytes;

  /** Dirty data in the order it was written: {bytes, 1 if written at random offsets}. */
  private final ArrayDeque<long[]> segments = new ArrayDeque<>();

  private boolean flushing;
  private long writtenBack;

  private record Waiter(long bytes, Runnable done) {}

  Writeback(Simulation simulation, HostStorage storage, long ramBytes) {
    this.simulation = simulation;
    this.storage = storage;
    this.limitBytes = Math.max(CHUNK_BYTES, (long) (ramBytes * DIRTY_RATIO));
  }

  /**
   * Dirties {@code bytes}, written at random offsets or sequentially; {@code done} when accepted.
   */
  void write(long bytes, boolean random, Runnable done) {
    dirtyBytes += bytes;
    long[] last = segments.peekLast();
    if (last != null && (last[1] == 1) == random) {
      last[0] += bytes;
    } else {
      segments.addLast(new long[] {bytes, random ? 1 : 0});
    }
    if (dirtyBytes > limitBytes || !waiting.isEmpty()) {
      waiting.addLast(new Waiter(bytes, done));
    } else {
      complete(done);
    }
    kick();
  }

  long dirtyBytes() {
    return dirtyBytes;
  }

  long writtenBackBytes() {
    return writtenBack;
  }

  private void kick() {
    if (flushing || dirtyBytes <= 0) {
      return;
    }
    // One chunk of the oldest dirty data at a time, of one kind: a sequential run is one request
    // (the device splits it); pages dirtied at random offsets go back to those offsets, one 4 KiB
    // write each, all submitted at once so the scheduler and the device's tags can overlap them.
    long[] head = segments.getFirst();
    long chunk = Math.min(head[0], CHUNK_BYTES);
    boolean random = head[1] == 1;
    head[0] -= chunk;
    if (head[0] == 0) {
      segments.pollFirst();
    }
    flushing = true;
    Runnable flushed =
        () -> {
          flushing = false;
          dirtyBytes -= chunk;
          writtenBack += chunk;
          release();
          kick();
        };
    if (!random) {
      storage.submit(storage.flusherQueue(), chunk, true, false, false, request -> flushed.run());
      return;
    }
    long pages = (chunk + PAGE - 1) / PAGE;
    long[] left = {pages};
    for (long i = 0; i < pages; i++) {
      long bytes = Math.min(PAGE, chunk - i * PAGE);
      storage.submit(
          storage.flusherQueue(),
          bytes,
          true,
          true,
          false,
          request -> {
            if (--left[0] == 0) {
              flushed.run();
            }
          });
    }
  }

  private void release() {
    long pending = dirtyBytes;
    while (!waiting.isEmpty() && pending <= limitBytes) {
      complete(waiting.pollFirst().done());
    }
  }

  /**
   * A write accepted into the cache is done in an event of its own, so that a writer looping on
   * buffered writes neither recurses through {@link #write} nor re-enters {@link #release}.
   */
  private void complete(Runnable done) {
    simulation.schedule(simulation.now(), done);
  }
}
