package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A host's transmit path: optional per-packet CPU (the stack and driver), the queueing discipline,
 * the NIC's transmit ring of {@code ringSlots} descriptors, and the wire at line rate. The qdisc
 * hands a frame to the ring whenever a descriptor is free; the NIC sends the ring in order, one
 * frame at a time, and frees the descriptor when the frame has left (a batch, or a GSO segment cut
 * at the MTU, holds one descriptor per Ethernet frame and leaves in one piece). Without byte queue
 * limits (as on 2.6-era kernels) a full ring adds its whole drain time to every frame behind it.
 */
public final class TxPath {
  private final Simulation simulation;
  private final Qdisc qdisc;
  private final @Nullable PacketStage cpu;
  private final int ringSlots;
  private final double bitsPerSecond;
  private final int mtu;

  /** {@link #toQdisc} as the host stack's continuation, made once instead of per frame. */
  private final Consumer<Frame> toQdisc = this::toQdisc;

  private final ArrayDeque<Frame> ring = new ArrayDeque<>();
  private long ringUsed;
  private boolean wireBusy;
  private long wireBusyNanos;
  private @Nullable EventHandle wireEvent;
  private final Runnable wireDone = this::wireDone;
  private dev.oversold.core.engine.EventHandle wakeUp;
  private long wakeUpAt = Long.MAX_VALUE;

  /**
   * @param cpu per-packet CPU before the qdisc, or null when it is not modelled on this path
   * @param bitsPerSecond line rate
   */
  public TxPath(
      Simulation simulation,
      Qdisc qdisc,
      @Nullable PacketStage cpu,
      int ringSlots,
      double bitsPerSecond,
      int mtu) {
    Preconditions.checkArgument(ringSlots >= 1, "ring must have at least one slot: %s", ringSlots);
    Preconditions.checkArgument(
        bitsPerSecond > 0 && Double.isFinite(bitsPerSecond), "line rate must be positive");
    Preconditions.checkArgument(mtu >= 68, "MTU below IPv4's minimum of 68: %s", mtu);
    this.simulation = simulation;
    this.qdisc = qdisc;
    this.cpu = cpu;
    this.ringSlots = ringSlots;
    this.bitsPerSecond = bitsPerSecond;
    this.mtu = mtu;
  }

  /** Sends {@code frame}: it is delivered when its last bit has left, or dropped on the way. */
  public void send(Frame frame) {
    if (cpu == null) {
      toQdisc(frame);
    } else {
      cpu.process(frame, toQdisc);
    }
  }

  private void toQdisc(Frame frame) {
    frame.leaveStack();
    long now = simulation.now();
    frame.enqueued(now);
    if (!qdisc.enqueue(frame, now)) {
      frame.drop();
      return;
    }
    pump(now);
  }

  private void pump(long now) {
    while (ringUsed < ringSlots) {
      Frame next = qdisc.dequeue(now, Frame::drop, (int) (ringSlots - ringUsed));
      if (next == null) {
        break;
      }
      ringUsed += next.wireFrames();
      ring.addLast(next);
    }
    if (ringUsed < ringSlots && qdisc.backlog() > 0) {
      armWakeUp(qdisc.readyAt(now));
    }
    startWire();
  }

  /** A shaper holds frames until its tokens refill: ask it again then. */
  private void armWakeUp(long time) {
    if (time == Long.MAX_VALUE || time >= wakeUpAt) {
      return;
    }
    if (wakeUp != null) {
      wakeUp.cancel();
    }
    wakeUpAt = time;
    wakeUp =
        simulation.schedule(
            time,
            () -> {
              wakeUp = null;
              wakeUpAt = Long.MAX_VALUE;
              pump(simulation.now());
            });
  }

  private void startWire() {
    if (wireBusy || ring.isEmpty()) {
      return;
    }
    Frame frame = ring.peekFirst();
    wireBusy = true;
    long nanos = (long) Math.ceil(frame.wireBytes(mtu) * 8e9 / bitsPerSecond);
    // A wire too slow to send one frame within time saturates at NEVER rather than wrapping.
    wireBusyNanos = SimTime.plus(wireBusyNanos, nanos);
    // One frame on the wire at a time, the ring's first (the ring only grows at its tail
    // meanwhile): one event is queued again for each frame (rescheduling an event that has run
    // takes
    // a fresh sequence number, as scheduling a new one does, so the order of events is the same).
    EventHandle event = wireEvent;
    if (event == null) {
      wireEvent = simulation.scheduleAfter(nanos, wireDone);
    } else {
      simulation.reschedule(event, SimTime.plus(simulation.now(), nanos));
    }
  }

  private void wireDone() {
    wireBusy = false;
    Frame frame = ring.pollFirst();
    ringUsed -= frame.wireFrames();
    frame.deliver();
    pump(simulation.now());
  }

  /** Time the wire has been (or is committed to be) busy, in ns. */
  public long wireBusyNanos() {
    return wireBusyNanos;
  }

  public Qdisc qdisc() {
    return qdisc;
  }
}
