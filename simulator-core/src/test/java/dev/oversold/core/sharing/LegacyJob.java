package dev.oversold.core.sharing;

import org.jspecify.annotations.Nullable;

/**
 * Test-only copy of a job as it was before the pool's virtual clock (main at 37f34e8): every change
 * of a saturated pool runs a full water-filling pass and reschedules every busy share whose
 * allocation moved. Kept unchanged as the independent implementation that {@link
 * VirtualClockEquivalenceProperties} compares the current pool with.
 *
 * <p>* A piece of work (units of the resource: reference-core-seconds for CPU, device-seconds for a
 * disk, bytes for a NIC) processor-shared inside one {@link LegacyShare}. Completes when the
 * share's virtual time reaches {@link #finishVirtualTime}.
 */
public final class LegacyJob {
  final double work;
  final LegacyJobListener listener;
  final long sequence;
  double finishVirtualTime;
  int heapIndex = -1;
  final LegacyShare share;

  /** The event that queues a job submitted with a start delay, while it waits; else null. */
  dev.oversold.core.engine.@Nullable EventHandle pendingStart;

  LegacyJob(LegacyShare share, double work, LegacyJobListener listener, long sequence) {
    this.share = share;
    this.work = work;
    this.listener = listener;
    this.sequence = sequence;
  }

  /** The work the job asked for. */
  public double work() {
    return work;
  }

  /** True while the job is queued in its share or waiting for its delayed start. */
  public boolean isActive() {
    return heapIndex >= 0 || pendingStart != null;
  }

  boolean before(LegacyJob other) {
    return finishVirtualTime < other.finishVirtualTime
        || (finishVirtualTime == other.finishVirtualTime && sequence < other.sequence);
  }
}
