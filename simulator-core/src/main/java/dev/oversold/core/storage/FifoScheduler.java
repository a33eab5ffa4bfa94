package dev.oversold.core.storage;

import java.util.ArrayDeque;

/**
 * Linux {@code none}: blk-mq without a scheduler hands requests to the device in arrival order;
 * weights mean nothing (block/blk-mq.c, Documentation/block/blk-mq.rst).
 */
public final class FifoScheduler implements IoScheduler {
  private final ArrayDeque<BlockRequest> fifo = new ArrayDeque<>();

  @Override
  public void add(BlockRequest request, long now) {
    fifo.addLast(request);
  }

  @Override
  public BlockRequest next(long now) {
    return fifo.pollFirst();
  }

  @Override
  public int waiting() {
    return fifo.size();
  }

  @Override
  public boolean honoursWeights() {
    return false;
  }
}
