package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.function.Consumer;

/**
 * A host's receive path: frames arrive off the wire no faster than line rate, land in the NIC's
 * receive ring of {@code ringSlots} descriptors, and the softirq (NAPI poll) takes them off the
 * ring at a CPU cost per packet. A frame that finds the ring full is dropped by the NIC: unlike
 * transmit, nothing pushes back on a sender out on the network.
 */
public final class RxPath {
  /** Packets a NAPI poll takes at most (the default weight, 64: net/core/dev.c). */
  static final int NAPI_BUDGET = 64;

  private final Simulation simulation;
  private final PacketStage softirq;
  private final double bitsPerSecond;
  private final int mtu;
  private long wireFreeAt;
  private long wireBusyNanos;

  /**
   * @param softirq the CPU that polls the ring; its backlog limit is the ring's size
   */
  public RxPath(Simulation simulation, PacketStage softirq, double bitsPerSecond, int mtu) {
    Preconditions.checkArgument(
        bitsPerSecond > 0 && Double.isFinite(bitsPerSecond), "line rate must be positive");
    this.simulation = simulation;
    this.softirq = softirq;
    this.bitsPerSecond = bitsPerSecond;
    this.mtu = mtu;
  }

  /** A frame starts arriving now; it reaches the ring after its wire time (behind earlier ones). */
  public void receive(Frame frame) {
    receive(frame, Frame::deliver);
  }

  /**
   * As {@link #receive(Frame)}, but once the softirq has handled the frame {@code next} runs
   * instead of delivering it (and gets each part of a split batch) (a backend such as vhost or
   * netback comes after the host's stack).
   */
  public void receive(Frame frame, Consumer<Frame> next) {
    // A batch comes off the wire a NAPI budget at a time, each part when its last bit is in, so
    // the ring fills as it would packet by packet and a packet behind the batch is not always the
    // one that finds it full.
    while (frame.packets() > NAPI_BUDGET) {
      arrive(frame.take(NAPI_BUDGET), next);
    }
    arrive(frame, next);
  }

  private void arrive(Frame frame, Consumer<Frame> next) {
    long now = simulation.now();
    frame.enqueued(now);
    long start = Math.max(now, wireFreeAt);
    long wire = (long) Math.ceil(frame.wireBytes(mtu) * 8e9 / bitsPerSecond);
    // A wire too slow to carry one frame within time saturates at NEVER rather than wrapping.
    wireFreeAt = SimTime.plus(start, wire);
    wireBusyNanos = SimTime.plus(wireBusyNanos, wire);
    simulation.schedule(wireFreeAt, () -> softirq.process(frame, next));
  }

  /** Time the receive wire has been (or is committed to be) busy, in ns. */
  public long wireBusyNanos() {
    return wireBusyNanos;
  }
}
