package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One read or write on the block device, from submission to completion. The device fills in the
 * times as the request moves: submitted (reaches the scheduler), dispatched (enters the device
 * queue), started (a unit begins positioning), completed (data transferred).
 *
 * <p>A request larger than the device's {@code max_sectors_kb} reaches the scheduler as chunks
 * (requests with this one as their {@link #parent()}); this one completes when its last chunk does,
 * its dispatch time is its first chunk's and its service time the sum of theirs.
 */
public final class BlockRequest {
  private final IoQueue queue;
  private final long bytes;
  private final boolean write;
  private final boolean sequential;
  private final boolean sync;
  private final Consumer<BlockRequest> done;
  private final @Nullable BlockRequest parent;
  private int chunksLeft;

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
    this.parent = null;
  }

  /** A chunk of {@code parent}: same queue, direction and sync flag, {@code bytes} of its data. */
  private BlockRequest(BlockRequest parent, long bytes, boolean sequential) {
    this.queue = parent.queue;
    this.bytes = bytes;
    this.write = parent.write;
    this.sequential = sequential;
    this.sync = parent.sync;
    this.done = r -> {};
    this.parent = parent;
  }

  /** The request this one is a chunk of, or null for a request as submitted. */
  public @Nullable BlockRequest parent() {
    return parent;
  }

  /**
   * Splits this request into chunks of at most {@code maxBytes}. The first chunk positions if this
   * request does; the others continue where the previous chunk ended (sequential).
   */
  BlockRequest[] split(long maxBytes) {
    int count = Math.toIntExact((bytes + maxBytes - 1) / maxBytes);
    BlockRequest[] chunks = new BlockRequest[count];
    for (int i = 0; i < count; i++) {
      long size = Math.min(maxBytes, bytes - i * maxBytes);
      chunks[i] = new BlockRequest(this, size, i == 0 ? sequential : true);
    }
    chunksLeft = count;
    return chunks;
  }

  /** Counts one chunk done; true when it was the last. */
  boolean chunkDone() {
    Preconditions.checkState(chunksLeft > 0, "more chunks completed than split");
    return --chunksLeft == 0;
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
    if (parent != null && parent.dispatchedAt < 0) {
      parent.dispatchedAt = now;
    }
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
