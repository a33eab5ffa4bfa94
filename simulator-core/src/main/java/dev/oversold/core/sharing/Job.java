package dev.oversold.core.sharing;

import org.jspecify.annotations.Nullable;

/**
 * A piece of work (units of the resource: reference-core-seconds for CPU, device-seconds for a
 * disk, bytes for a NIC) processor-shared inside one {@link Share}. Completes when the share's
 * virtual time reaches {@link #finishVirtualTime}.
 */
public final class Job {
  final double work;
  final JobListener listener;
  final long sequence;
  double finishVirtualTime;
  int heapIndex = -1;
  final Share share;

  /** The event that queues a job submitted with a start delay, while it waits; else null. */
  dev.oversold.core.engine.@Nullable EventHandle pendingStart;

  Job(Share share, double work, JobListener listener, long sequence) {
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

  boolean before(Job other) {
    return finishVirtualTime < other.finishVirtualTime
        || (finishVirtualTime == other.finishVirtualTime && sequence < other.sequence);
  }
}
