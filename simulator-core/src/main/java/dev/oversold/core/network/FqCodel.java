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
  /** fq_codel's default limit, in packets. */
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

  final class FlowQueue {
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

    Frame pollHead(long now, int maxFrames) {
      Frame head = frames.peekFirst();
      if (head == null) {
        firstAboveTime = 0;
        okToDrop = false;
        return null;
      }
      Frame frame = Qdisc.atMost(head, maxFrames);
      if (frame == head) {
        frames.pollFirst();
      }
      bytes -= frame.ipBytes();
      backlog -= frame.packets();
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

    Frame codelDequeue(long now, Consumer<Frame> dropped, int maxFrames) {
      Frame frame = pollHead(now, maxFrames);
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
            frame = pollHead(now, maxFrames);
            if (!okToDrop) {
              dropping = false;
            } else {
              dropNext = controlLaw(dropNext, count);
            }
          }
        }
      } else if (okToDrop) {
        dropped.accept(frame);
        frame = pollHead(now, maxFrames);
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
    Flow flow = frame.flow();
    FlowQueue queue;
    FlowQueue known = flow.fqQueue;
    if (flow.fqOwner == this && known != null) {
      queue = known; // this qdisc's queue for the flow, found without hashing (queues never leave)
    } else {
      queue = queues.computeIfAbsent(flow, f -> new FlowQueue());
      flow.fqOwner = this;
      flow.fqQueue = queue;
    }
    while (backlog + frame.packets() > limit) {
      // Over the limit fq_codel drops from the flow with the largest backlog, not the newcomer.
      FlowQueue fattest = queue;
      for (FlowQueue q : queues.values()) {
        if (q.bytes > fattest.bytes) {
          fattest = q;
        }
      }
      int excess = backlog + frame.packets() - limit;
      if (fattest == queue && queue.frames.isEmpty()) {
        // The newcomer is the fattest flow: it loses what does not fit.
        if (excess >= frame.packets()) {
          return false;
        }
        frame.take(excess).drop();
        break;
      }
      Frame head = fattest.frames.peekFirst();
      Frame victim = Qdisc.atMost(head, (long) excess * head.framesPerPacket());
      if (victim == head) {
        fattest.frames.pollFirst();
      }
      fattest.bytes -= victim.ipBytes();
      backlog -= victim.packets();
      victim.drop();
    }
    queue.frames.addLast(frame);
    queue.bytes += frame.ipBytes();
    backlog += frame.packets();
    if (!queue.listed) {
      queue.listed = true;
      queue.deficit = quantum;
      newFlows.addLast(queue);
    }
    return true;
  }

  @Override
  public Frame dequeue(long now, Consumer<Frame> dropped, int maxFrames) {
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
      // A batch leaves at most one quantum's worth at a time, so DRR interleaves as per packet.
      Frame head = queue.frames.peekFirst();
      long quantumFrames =
          head == null
              ? maxFrames
              : Math.min(
                  maxFrames,
                  Math.max(1, queue.deficit / (head.ipBytesPerPacket() + 14))
                      * head.framesPerPacket());
      Frame frame = queue.codelDequeue(now, dropped, (int) quantumFrames);
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
      queue.deficit -= frame.ipBytes() + 14L * frame.packets();
      return frame;
    }
  }

  @Override
  public int backlog() {
    return backlog;
  }
}
