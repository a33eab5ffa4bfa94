package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import org.jspecify.annotations.Nullable;

/**
 * Who a block request is charged to: a cgroup, a container, a VM, or the host itself (host swap,
 * writeback on old kernels). Schedulers that honour weights (CFQ, BFQ) share the device among
 * queues by {@link #weight()}; the others ignore it. Counters are the queue's own I/O.
 */
public final class IoQueue {
  private final String name;
  private double weight;
  private long completed;
  private long bytes;
  private long serviceNanos;
  private long sojournNanos;

  /**
   * The CFQ scheduler that last queued this queue's requests and its state for the queue, so that
   * each request finds it with two field loads instead of a hash-map lookup (CFQ keeps a queue's
   * state for its lifetime; a queue seen by another scheduler falls back to that one's map).
   */
  @Nullable CfqScheduler cfqOwner;

  CfqScheduler.@Nullable QueueState cfqState;

  /**
   * @param weight relative share, 1.0 = the platform default (CFQ ioprio 4, cgroup io.weight 100)
   */
  public IoQueue(String name, double weight) {
    Preconditions.checkArgument(
        weight > 0 && Double.isFinite(weight), "weight must be positive: %s", weight);
    this.name = name;
    this.weight = weight;
  }

  public String name() {
    return name;
  }

  public double weight() {
    return weight;
  }

  /**
   * Changes the queue's weight from now on (ESXi Storage I/O Control switching shares on and off);
   * schedulers read it when they next tag or slice this queue's requests.
   */
  public void setWeight(double newWeight) {
    Preconditions.checkArgument(
        newWeight > 0 && Double.isFinite(newWeight), "weight must be positive: %s", newWeight);
    this.weight = newWeight;
  }

  /** Requests of this queue that completed. */
  public long completed() {
    return completed;
  }

  /** Bytes of this queue's completed requests. */
  public long bytes() {
    return bytes;
  }

  /** Device time (positioning and transfer) spent on this queue's requests, in ns. */
  public long serviceNanos() {
    return serviceNanos;
  }

  /** Sum of submission-to-completion times of this queue's requests, in ns. */
  public long sojournNanos() {
    return sojournNanos;
  }

  void recordCompletion(BlockRequest request) {
    completed++;
    bytes += request.bytes();
    serviceNanos += request.serviceNanos();
    sojournNanos += request.completedAt() - request.submittedAt();
  }

  @Override
  public String toString() {
    return name;
  }
}
