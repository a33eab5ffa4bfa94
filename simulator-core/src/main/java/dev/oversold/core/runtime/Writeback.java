package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.sharing.Share;
import java.util.ArrayDeque;

/**
 * The shared page cache's global writeback (one kernel: OpenVZ, bare metal). A write lands in the
 * page cache as dirty data and completes at once; one flusher writes dirty data back in chunks on
 * its own share of the disk, which is not the writer's (CFQ loses the cgroup of async writes), so a
 * heavy writer's flushes take device time from everyone's reads. Past the dirty limit
 * (vm.dirty_ratio, 20% of RAM by default) writers wait until writeback catches up
 * (balance_dirty_pages).
 */
final class Writeback {
  /** Data written back per flusher job: 4 MiB, so flushes interleave with other tenants' I/O. */
  static final long CHUNK_BYTES = 4L << 20;

  /**
   * vm.dirty_ratio default: 20% of available memory [R kernel
   * Documentation/admin-guide/sysctl/vm.rst].
   */
  static final double DIRTY_RATIO = 0.20;

  private final Simulation simulation;
  private final Share share;
  private final long limitBytes;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private long dirtyBytes;
  private double dirtyDeviceSeconds;
  private boolean flushing;
  private long writtenBack;

  private record Waiter(long bytes, Runnable done) {}

  Writeback(Simulation simulation, Share share, long ramBytes) {
    this.simulation = simulation;
    this.share = share;
    this.limitBytes = Math.max(CHUNK_BYTES, (long) (ramBytes * DIRTY_RATIO));
  }

  /**
   * Dirties {@code bytes} costing {@code deviceSeconds} to write back; {@code done} when accepted.
   */
  void write(long bytes, double deviceSeconds, Runnable done) {
    dirtyBytes += bytes;
    dirtyDeviceSeconds += deviceSeconds;
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
    long chunk = Math.min(dirtyBytes, CHUNK_BYTES);
    double seconds = dirtyDeviceSeconds * chunk / dirtyBytes;
    flushing = true;
    share.submit(
        seconds,
        job -> {
          flushing = false;
          dirtyBytes -= chunk;
          dirtyDeviceSeconds = Math.max(0, dirtyDeviceSeconds - seconds);
          writtenBack += chunk;
          release();
          kick();
        });
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
