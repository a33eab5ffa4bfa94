package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * {@code pfifo_fast}, the default qdisc of 2.6-era kernels (net/sched/sch_generic.c): three FIFO
 * bands by TOS, a limit of {@code txqueuelen} packets (1,000 by default on Ethernet), tail drop.
 * Tenants' ordinary traffic all lands in band 1, so here it is one FIFO shared by everyone: a flood
 * fills it and every other sender's frames wait behind, or are dropped.
 */
public final class PfifoFast implements Qdisc {
  /** Ethernet's default txqueuelen (ether_setup in net/ethernet/eth.c). */
  public static final int DEFAULT_LIMIT = 1000;

  private final ArrayDeque<Frame> fifo = new ArrayDeque<>();
  private final int limit;
  private int backlog;

  public PfifoFast(int limit) {
    Preconditions.checkArgument(limit >= 1, "queue length must be at least 1: %s", limit);
    this.limit = limit;
  }

  @Override
  public boolean enqueue(Frame frame, long now) {
    int room = limit - backlog;
    if (room <= 0) {
      return false;
    }
    if (frame.packets() > room) {
      frame.take(frame.packets() - room).drop();
    }
    fifo.addLast(frame);
    backlog += frame.packets();
    return true;
  }

  @Override
  public Frame dequeue(long now, Consumer<Frame> dropped, int maxFrames) {
    Frame head = fifo.peekFirst();
    if (head == null) {
      return null;
    }
    Frame out = Qdisc.atMost(head, maxFrames);
    if (out == head) {
      fifo.pollFirst();
    }
    backlog -= out.packets();
    return out;
  }

  @Override
  public int backlog() {
    return backlog;
  }
}
