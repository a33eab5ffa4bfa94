package dev.oversold.core.storage;

import java.util.ArrayDeque;

/**
 * Linux {@code mq-deadline} (block/mq-deadline.c): reads and writes wait in separate FIFOs; reads
 * go first, in batches of up to {@code fifo_batch} (16) requests, and pending writes are passed
 * over at most {@code writes_starved} (2) times before a write batch runs. Weights mean nothing.
 *
 * <p>The kernel also sorts each direction by sector and serves a request whose deadline (500 ms for
 * reads, 5 s for writes) has passed first. Requests here carry no sector, so sorted order and FIFO
 * order coincide and the oldest request is always the one whose deadline expires first: both rules
 * reduce to serving each FIFO from its head.
 */
public final class DeadlineScheduler implements IoScheduler {
  /** mq-deadline's default {@code fifo_batch}. */
  static final int FIFO_BATCH = 16;

  /** mq-deadline's default {@code writes_starved}. */
  static final int WRITES_STARVED = 2;

  private final ArrayDeque<BlockRequest> reads = new ArrayDeque<>();
  private final ArrayDeque<BlockRequest> writes = new ArrayDeque<>();
  private boolean batchIsWrite;
  private int batchLeft;
  private int starved;

  @Override
  public void add(BlockRequest request, long now) {
    (request.write() ? writes : reads).addLast(request);
  }

  @Override
  public BlockRequest next(long now) {
    if (batchLeft > 0 && !(batchIsWrite ? writes : reads).isEmpty()) {
      batchLeft--;
      return (batchIsWrite ? writes : reads).pollFirst();
    }
    if (!reads.isEmpty() && (writes.isEmpty() || starved < WRITES_STARVED)) {
      if (!writes.isEmpty()) {
        starved++;
      }
      return startBatch(false);
    }
    if (!writes.isEmpty()) {
      starved = 0;
      return startBatch(true);
    }
    return null;
  }

  private BlockRequest startBatch(boolean write) {
    batchIsWrite = write;
    batchLeft = FIFO_BATCH - 1;
    return (write ? writes : reads).pollFirst();
  }

  @Override
  public int waiting() {
    return reads.size() + writes.size();
  }

  @Override
  public boolean honoursWeights() {
    return false;
  }
}
