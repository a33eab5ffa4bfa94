package dev.oversold.core.storage;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Linux {@code bfq}, reduced to what decides shares: each queue's requests get start and finish
 * tags in bytes scaled by the queue's weight (start-time fair queueing, Goyal et al. 1996), and the
 * device always takes the waiting request with the smallest start tag. Backlogged queues therefore
 * receive bytes in proportion to their weights, whatever the request sizes.
 *
 * <p>Not modelled: BFQ grants a queue a budget of several requests at once and idles a few
 * milliseconds for a sync queue that has just emptied (slice_idle 8 ms) to keep its share; here a
 * reader with one request outstanding competes request by request. {@link CfqScheduler} models
 * idling. Cost: O(log q) per request in backlogged queues.
 */
public final class FairQueueingScheduler implements IoScheduler {
  private static final class Tagged {
    final BlockRequest request;
    final double start;

    Tagged(BlockRequest request, double start) {
      this.request = request;
      this.start = start;
    }
  }

  private static final class QueueState {
    final ArrayDeque<Tagged> requests = new ArrayDeque<>();
    final long order;
    double lastFinish;

    QueueState(long order) {
      this.order = order;
    }

    double headStart() {
      return requests.getFirst().start;
    }
  }

  private final Map<IoQueue, QueueState> queues = new HashMap<>();
  private final PriorityQueue<QueueState> backlogged =
      new PriorityQueue<>(
          (a, b) -> {
            int byTag = Double.compare(a.headStart(), b.headStart());
            return byTag != 0 ? byTag : Long.compare(a.order, b.order);
          });
  private double virtualTime;
  private int waiting;

  @Override
  public void add(BlockRequest request, long now) {
    QueueState state = queues.computeIfAbsent(request.queue(), q -> new QueueState(queues.size()));
    double start = Math.max(virtualTime, state.lastFinish);
    state.lastFinish = start + request.bytes() / request.queue().weight();
    boolean wasIdle = state.requests.isEmpty();
    state.requests.addLast(new Tagged(request, start));
    if (wasIdle) {
      backlogged.add(state);
    }
    waiting++;
  }

  @Override
  public BlockRequest next(long now) {
    QueueState state = backlogged.poll();
    if (state == null) {
      return null;
    }
    Tagged head = state.requests.pollFirst();
    virtualTime = head.start;
    if (!state.requests.isEmpty()) {
      backlogged.add(state);
    }
    waiting--;
    return head.request;
  }

  @Override
  public int waiting() {
    return waiting;
  }

  @Override
  public boolean honoursWeights() {
    return true;
  }
}
