package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deficit round robin with a weight per flow (Shreedhar and Varghese 1996): each backlogged flow
 * may send {@code weight x quantum} bytes per round, so busy flows share the link in proportion to
 * their weights, and an idle flow's share goes to the others. Each flow queues at most {@code
 * limit} packets (tail drop). Stands for the ESXi uplink under NIOC shares.
 */
public final class WeightedDrr implements Qdisc {
  private static final class FlowQueue {
    final ArrayDeque<Frame> frames = new ArrayDeque<>();
    final double weight;
    int queued;
    double deficit;
    boolean listed;

    FlowQueue(double weight) {
      this.weight = weight;
    }
  }

  private final Map<Flow, FlowQueue> queues = new HashMap<>();
  private final ArrayDeque<FlowQueue> active = new ArrayDeque<>();
  private final int limit;
  private final int quantum;
  private int backlog;

  /**
   * @param limit packets each flow may queue
   * @param mtu the quantum of a flow of weight 1 is one MTU frame with its 14-byte header
   */
  public WeightedDrr(int limit, int mtu) {
    Preconditions.checkArgument(limit >= 1, "queue length must be at least 1: %s", limit);
    this.limit = limit;
    this.quantum = mtu + 14;
  }

  /** Sets {@code flow}'s weight (1 when never set). */
  public void weigh(Flow flow, double weight) {
    Preconditions.checkArgument(weight > 0 && Double.isFinite(weight), "weight must be positive");
    queues.put(flow, new FlowQueue(weight));
  }

  @Override
  public boolean enqueue(Frame frame, long now) {
    FlowQueue queue = queues.computeIfAbsent(frame.flow(), f -> new FlowQueue(1));
    int room = limit - queue.queued;
    if (room <= 0) {
      return false;
    }
    if (frame.packets() > room) {
      frame.take(frame.packets() - room).drop();
    }
    queue.frames.addLast(frame);
    queue.queued += frame.packets();
    backlog += frame.packets();
    if (!queue.listed) {
      queue.listed = true;
      queue.deficit = 0;
      active.addLast(queue);
    }
    return true;
  }

  @Override
  public Frame dequeue(long now, Consumer<Frame> dropped, int maxFrames) {
    while (!active.isEmpty()) {
      FlowQueue queue = active.peekFirst();
      Frame head = queue.frames.peekFirst();
      long perPacket = head.ipBytesPerPacket() + 14L;
      if (queue.deficit < perPacket) {
        // Its turn is over: a new quantum, and to the back of the round.
        queue.deficit += queue.weight * quantum;
        active.pollFirst();
        active.addLast(queue);
        continue;
      }
      long count = (long) (queue.deficit / perPacket);
      Frame frame = Qdisc.atMost(head, Math.min(maxFrames, count * head.framesPerPacket()));
      if (frame == head) {
        queue.frames.pollFirst();
      }
      queue.deficit -= perPacket * frame.packets();
      queue.queued -= frame.packets();
      backlog -= frame.packets();
      if (queue.frames.isEmpty()) {
        queue.listed = false;
        queue.deficit = 0;
        active.pollFirst();
      }
      return frame;
    }
    return null;
  }

  @Override
  public int backlog() {
    return backlog;
  }
}
