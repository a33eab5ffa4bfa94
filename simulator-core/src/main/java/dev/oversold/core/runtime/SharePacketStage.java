package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.network.Frame;
import dev.oversold.core.network.PacketStage;
import dev.oversold.core.sharing.JobListener;
import dev.oversold.core.sharing.Share;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A per-packet stage whose CPU is a share of the host's cores (the host kernel's softirq, dom0, a
 * tenant's vhost thread or vNIC world), so its work competes with the tenants' vCPUs and is charged
 * to whoever owns the share. Frames wait in a backlog of at most {@code backlogLimit} packets (more
 * are dropped, a batch split at the limit) and are handled one batch at a time, FIFO: one thread,
 * as one softirq context serves one queue. A batch in service keeps its place in the backlog until
 * it is done: its packets would leave one by one, so a flood's batch keeps the backlog full while
 * it is served instead of emptying it at once. A batch of n packets is one job of n times the cost
 * per packet; after it, each frame waits {@code latencyNanos} (wake-ups, notifications) before
 * going on.
 */
final class SharePacketStage implements PacketStage {
  private final Simulation simulation;
  private final Share cpu;
  private final double secondsPerPacket;
  private final long latencyNanos;
  private final int backlogLimit;
  private final ArrayDeque<Frame> backlog = new ArrayDeque<>();
  private final ArrayDeque<Consumer<Frame>> continuations = new ArrayDeque<>();
  private int queued;
  private boolean busy;
  private @Nullable Frame inService;
  private @Nullable Consumer<Frame> inServiceNext;
  private final JobListener served = job -> served();
  private long processed;

  /**
   * @param nanosPerPacket CPU per packet on a reference core
   */
  SharePacketStage(
      Simulation simulation, Share cpu, long nanosPerPacket, long latencyNanos, int backlogLimit) {
    this.simulation = simulation;
    this.cpu = cpu;
    this.secondsPerPacket = nanosPerPacket / 1e9;
    this.latencyNanos = latencyNanos;
    this.backlogLimit = backlogLimit;
  }

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
    if (busy || backlog.isEmpty()) {
      return;
    }
    Frame frame = backlog.pollFirst();
    Consumer<Frame> next = continuations.pollFirst();
    busy = true;
    // One batch is in service at a time: it waits in fields and one listener serves every job
    // (no closure per batch).
    inService = frame;
    inServiceNext = next;
    cpu.submit(frame.packets() * secondsPerPacket, served);
  }

  private void served() {
    Frame frame = inService;
    Consumer<Frame> next = inServiceNext;
    inService = null;
    inServiceNext = null;
    busy = false;
    if (frame != null && next != null) {
      queued -= frame.packets();
      processed += frame.packets();
      if (latencyNanos > 0) {
        simulation.scheduleAfter(latencyNanos, () -> next.accept(frame));
      } else {
        next.accept(frame);
      }
    }
    start();
  }

  /** Packets processed. */
  long processed() {
    return processed;
  }
}
