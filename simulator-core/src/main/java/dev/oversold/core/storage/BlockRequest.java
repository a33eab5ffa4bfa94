package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import java.util.function.Consumer;

/**
 * One read or write on the block device, from submission to completion. The device fills in the
 * times as the request moves: submitted (reaches the scheduler), dispatched (enters the device
 * queue), started (a unit begins positioning), completed (data transferred).
 */
public final class BlockRequest {
  private final IoQueue queue;
  private final long bytes;
  private final boolean write;
  private final boolean sequential;
  private final boolean sync;
  private final Consumer<BlockRequest> done;

  private long submittedAt = -1;
  private long dispatchedAt = -1;
  private long completedAt = -1;
  private long serviceNanos;

  /**
   * @param sequential continues where the previous request of the stream ended (no positioning)
   * @param sync someone waits for it (reads, O_SYNC writes): CFQ idles for sync queues only
   * @param done runs once, when the request completes
   */
  public BlockRequest(
      IoQueue queue,
      long bytes,
      boolean write,
      boolean sequential,
      boolean sync,
      Consumer<BlockRequest> done) {
    Preconditions.checkArgument(bytes > 0, "a request moves at least one byte: %s", bytes);
    this.queue = queue;
    this.bytes = bytes;
    this.write = write;
    this.sequential = sequential;
    this.sync = sync;
    this.done = done;
  }

  public IoQueue queue() {
    return queue;
  }

  public long bytes() {
    return bytes;
  }

  public boolean write() {
    return write;
  }

  public boolean sequential() {
    return sequential;
  }

  public boolean sync() {
    return sync;
  }

  public long submittedAt() {
    return submittedAt;
  }

  public long dispatchedAt() {
    return dispatchedAt;
  }

  public long completedAt() {
    return completedAt;
  }

  /** Device time this request used (positioning plus transfer), in ns. */
  public long serviceNanos() {
    return serviceNanos;
  }

  void submitted(long now) {
    Preconditions.checkState(submittedAt < 0, "request submitted twice");
    submittedAt = now;
  }

  void dispatched(long now) {
    dispatchedAt = now;
  }

  void served(long nanos) {
    serviceNanos += nanos;
  }

  void markCompleted(long now) {
    completedAt = now;
  }

  void notifyDone() {
    done.accept(this);
  }
}
