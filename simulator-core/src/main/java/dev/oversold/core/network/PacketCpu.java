package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;

/**
 * CPU work per packet on a network path: the kernel stack and driver on transmit, the softirq (NAPI
 * poll) on receive, a vhost-net thread, a Xen netback thread. Frames wait in a backlog of at most
 * {@code backlogLimit} (the receive side's netdev_max_backlog, 1,000 by default) and are handled
 * one at a time per core, so small packets are CPU-bound long before the wire is full. Who this CPU
 * belongs to (the shared host, the tenant's cgroup, dom0) is the platform's choice.
 */
public final class PacketCpu {
  /** netdev_max_backlog's default (net/core/dev.c). */
  public static final int DEFAULT_BACKLOG = 1000;

  private final Simulation simulation;
  private final long nanosPerPacket;
  private final double nanosPerByte;
  private final int cores;
  private final int backlogLimit;
  private final ArrayDeque<Frame> backlog = new ArrayDeque<>();
  private final ArrayDeque<Runnable> continuations = new ArrayDeque<>();
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

  /** Processes {@code frame}, then runs {@code next}; drops it when the backlog is full. */
  public void process(Frame frame, Runnable next) {
    if (backlog.size() >= backlogLimit) {
      frame.drop();
      return;
    }
    backlog.addLast(frame);
    continuations.addLast(next);
    start();
  }

  private void start() {
    while (busy < cores && !backlog.isEmpty()) {
      Frame frame = backlog.pollFirst();
      Runnable next = continuations.pollFirst();
      busy++;
      long cost = nanosPerPacket + Math.round(nanosPerByte * frame.payloadBytes());
      busyNanos += cost;
      simulation.scheduleAfter(
          cost,
          () -> {
            busy--;
            processed++;
            next.run();
            start();
          });
    }
  }

  /** CPU time spent so far (including frames in progress), in ns. */
  public long busyNanos() {
    return busyNanos;
  }

  public long processed() {
    return processed;
  }
}
