package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * CPU work per packet on a network path: the kernel stack and driver on transmit, the softirq (NAPI
 * poll) on receive, a vhost-net thread, a Xen netback thread. Frames wait in a backlog of at most
 * {@code backlogLimit} packets (the receive side's netdev_max_backlog, 1,000 by default) and are
 * handled one at a time per core (a batch costs its packets' worth), so small packets are CPU-bound
 * long before the wire is full. Who this CPU belongs to (the shared host, the tenant's cgroup,
 * dom0) is the platform's choice.
 */
public final class PacketCpu implements PacketStage {
  /** netdev_max_backlog's default (net/core/dev.c). */
  public static final int DEFAULT_BACKLOG = 1000;

  private final Simulation simulation;
  private final long nanosPerPacket;
  private final double nanosPerByte;
  private final int cores;
  private final int backlogLimit;
  private final ArrayDeque<Frame> backlog = new ArrayDeque<>();
  private final ArrayDeque<Consumer<Frame>> continuations = new ArrayDeque<>();
  private int queued;
  private int busy;
  private long busyNanos;
  private long processed;

  public PacketCpu(
      Simulation simulation,
      long nanosPerPacket,
      double nanosPerByte,
      int cores,
      int backlogLimit) {
    Preconditions.checkArgument(nanosPerPacket >= 0, "cost per packet must be >= 0");
    Preconditions.checkArgument(nanosPerByte >= 0, "cost per byte must be >= 0");
    Preconditions.checkArgument(cores >= 1, "at least one core: %s", cores);
    Preconditions.checkArgument(backlogLimit >= 1, "backlog must be at least 1: %s", backlogLimit);
    this.simulation = simulation;
    this.nanosPerPacket = nanosPerPacket;
    this.nanosPerByte = nanosPerByte;
    this.cores = cores;
    this.backlogLimit = backlogLimit;
  }

  /** Processes {@code frame}, then hands it on; drops what the backlog has no room for. */
  @Override
  public void process(Frame frame, Consumer<Frame> next) {
    int room = backlogLimit - queued;
    if (room <= 0) {
      frame.drop();
      return;
    }
    if (frame.packets() > room) {
      frame.take(frame.packets() - room).drop();
    }
    queued += frame.packets();
    backlog.addLast(frame);
    continuations.addLast(next);
    start();
  }

  private void start() {
    while (busy < cores && !backlog.isEmpty()) {
      Frame frame = backlog.pollFirst();
      Consumer<Frame> next = continuations.pollFirst();
      queued -= frame.packets();
      busy++;
      long cost = nanosPerPacket * frame.packets() + Math.round(nanosPerByte * frame.bytes());
      busyNanos += cost;
      simulation.scheduleAfter(
          cost,
          () -> {
            busy--;
            processed += frame.packets();
            next.accept(frame);
            start();
          });
    }
  }

  /** CPU time spent so far (including frames in progress), in ns. */
  public long busyNanos() {
    return busyNanos;
  }

  /** Packets processed. */
  public long processed() {
    return processed;
  }
}
