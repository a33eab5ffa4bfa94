package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.SimDuration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code fq_codel}, the default qdisc of modern distributions (RFC 8290; net/sched/sch_fq_codel.c):
 * one queue per flow, served by deficit round robin with a quantum of one MTU frame, flows that
 * just became active served first; each flow's queue runs CoDel (RFC 8289), which drops at dequeue
 * once the queue's sojourn time has stayed above {@code target} (5 ms) for an {@code interval} (100
 * ms), then ever faster (interval / sqrt(drops)). A flood therefore fills only its own queue: a
 * thin flow's frames skip past it.
 */
public final class FqCodel implements Qdisc {
  /** fq_codel's default limit, in frames. */
  public static final int DEFAULT_LIMIT = 10_240;

  static final long TARGET_NANOS = SimDuration.ofMillis(5).nanos();
  static final long INTERVAL_NANOS = SimDuration.ofMillis(100).nanos();

  private final int limit;
  private final int mtu;
  private final int quantum;
  private final Map<Flow, FlowQueue> queues = new HashMap<>();
  private final ArrayDeque<FlowQueue> newFlows = new ArrayDeque<>();
  private final ArrayDeque<FlowQueue> oldFlows = new ArrayDeque<>();
  private int backlog;

  public FqCodel(int limit, int mtu) {
    Preconditions.checkArgument(limit >= 1, "queue length must be at least 1: %s", limit);
    this.limit = limit;
    this.mtu = mtu;
    this.quantum = mtu + 14;
  }

  private final class FlowQueue {
    final ArrayDeque<Frame> frames = new ArrayDeque<>();
    long bytes;
    long deficit;
    boolean listed;
    // CoDel state (RFC 8289 section 5).
    boolean dropping;
    long firstAboveTime;
    long dropNext;
    int count;
    int lastCount;
    boolean okToDrop;

    Frame pollHead(long now) {
      Frame frame = frames.pollFirst();
      if (frame == null) {
        firstAboveTime = 0;
        okToDrop = false;
        return null;
      }
      bytes -= frame.payloadBytes();
      backlog--;
      long sojourn = now - frame.enqueuedAt();
      if (sojourn < TARGET_NANOS || bytes <= mtu) {
        firstAboveTime = 0;
        okToDrop = false;
      } else if (firstAboveTime == 0) {
        firstAboveTime = now + INTERVAL_NANOS;
        okToDrop = false;
      } else {
        okToDrop = now >= firstAboveTime;
      }
      return frame;
    }

    Frame codelDequeue(long now, Consumer<Frame> dropped) {
      Frame frame = pollHead(now);
      if (frame == null) {
        dropping = false;
        return null;
      }
      if (dropping) {
        if (!okToDrop) {
          dropping = false;
        } else {
          while (frame != null && now >= dropNext && dropping) {
            dropped.accept(frame);
            count++;
            frame = pollHead(now);
            if (!okToDrop) {
              dropping = false;
            } else {
              dropNext = controlLaw(dropNext, count);
            }
          }
        }
      } else if (okToDrop) {
        dropped.accept(frame);
        frame = pollHead(now);
        dropping = true;
        int delta = count - lastCount;
        count = delta > 1 && now - dropNext < 16 * INTERVAL_NANOS ? delta : 1;
        dropNext = controlLaw(now, count);
        lastCount = count;
      }
      return frame;
    }
  }

  private static long controlLaw(long time, int count) {
    return time + (long) (INTERVAL_NANOS / Math.sqrt(count));
  }

  @Override
  public boolean enqueue(Frame frame, long now) {
    FlowQueue queue = queues.computeIfAbsent(frame.flow(), f -> new FlowQueue());
    if (backlog >= limit) {
      // Over the limit fq_codel drops from the flow with the largest backlog, not the newcomer.
      FlowQueue fattest = queue;
      for (FlowQueue q : queues.values()) {
        if (q.bytes > fattest.bytes) {
          fattest = q;
        }
      }
      if (fattest == queue && queue.frames.isEmpty()) {
        return false;
      }
      Frame victim = fattest.frames.pollFirst();
      fattest.bytes -= victim.payloadBytes();
      backlog--;
      victim.drop();
    }
    queue.frames.addLast(frame);
    queue.bytes += frame.payloadBytes();
    backlog++;
    if (!queue.listed) {
      queue.listed = true;
      queue.deficit = quantum;
      newFlows.addLast(queue);
    }
    return true;
  }

  @Override
  public Frame dequeue(long now, Consumer<Frame> dropped) {
    while (true) {
      boolean fromNew = !newFlows.isEmpty();
      ArrayDeque<FlowQueue> list = fromNew ? newFlows : oldFlows;
      FlowQueue queue = list.peekFirst();
      if (queue == null) {
        return null;
      }
      if (queue.deficit <= 0) {
        queue.deficit += quantum;
        list.pollFirst();
        oldFlows.addLast(queue);
        continue;
      }
      Frame frame = queue.codelDequeue(now, dropped);
      if (frame == null) {
        list.pollFirst();
        if (fromNew && !oldFlows.isEmpty()) {
          oldFlows.addLast(queue);
        } else {
          queue.listed = false;
        }
        continue;
      }
      // Deficits count the frame as the qdisc sees it: the packet plus its 14-byte Ethernet header.
      queue.deficit -= frame.payloadBytes() + 14;
      return frame;
    }
  }

  @Override
  public int backlog() {
    return backlog;
  }
}
