package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.network.Frame;
import dev.oversold.core.network.PacketStage;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A tenant's rate limit as a token bucket of bytes: refilled at {@code rate}, holding at most one
 * refill interval's worth, so a burst within the credit leaves at once and a sender past it waits
 * for tokens (Xen's vif credit, libvirt's and ESXi's shapers). Frames wait FIFO; a batch leaves as
 * many packets as the tokens pay for, the rest waits.
 *
 * <p>The interval is 50 ms for every platform: Xen's vif {@code rate=RATE/s@INTERVAL} default [R
 * platform-mechanics, Xen]; for the others it is a documented assumption.
 */
final class TokenBucketStage implements PacketStage {
  private final Simulation simulation;
  private final double bytesPerSecond;
  private final double bucketBytes;
  private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
  private final ArrayDeque<Consumer<Frame>> continuations = new ArrayDeque<>();
  private double tokens;
  private long updated;
  private boolean timerArmed;

  TokenBucketStage(Simulation simulation, double bytesPerSecond, long intervalNanos) {
    this.simulation = simulation;
    this.bytesPerSecond = bytesPerSecond;
    this.bucketBytes = bytesPerSecond * intervalNanos / 1e9;
    this.tokens = bucketBytes;
    this.updated = simulation.now();
  }

  /**
   * A frame that finds no queue and tokens for all its packets leaves at once without entering the
   * queues: the same frame, tokens and moment as through them, without touching a thousand tenants'
   * cold queue arrays ({@code TokenBucketStageEquivalenceProperties} checks it against the stage
   * without this path).
   */
  @Override
  public void process(Frame frame, Consumer<Frame> next) {
    refill();
    if (waiting.isEmpty() && tokens > 0 && affordable(frame) >= frame.packets()) {
      tokens -= frame.ipBytes();
      next.accept(frame);
      return;
    }
    waiting.addLast(frame);
    continuations.addLast(next);
    drain();
  }

  /** Packets of {@code head} the tokens pay for, at least one. */
  private int affordable(Frame head) {
    return (int)
        Math.max(1, Math.min(head.packets(), Math.floor(tokens / head.ipBytesPerPacket())));
  }

  private void release() {
    refill();
    drain();
  }

  private void drain() {
    while (!waiting.isEmpty()) {
      Frame head = waiting.peekFirst();
      if (tokens <= 0) {
        armTimer(-tokens / bytesPerSecond);
        return;
      }
      // A packet goes whenever the bucket is not empty and may take it below zero (as HTB's
      // tokens do), so a packet larger than the bucket still passes, at the rate on average.
      int affordable = affordable(head);
      Frame leaving;
      Consumer<Frame> next;
      if (affordable < head.packets()) {
        leaving = head.take(affordable);
        next = continuations.peekFirst();
      } else {
        leaving = waiting.pollFirst();
        next = continuations.pollFirst();
      }
      tokens -= leaving.ipBytes();
      next.accept(leaving);
    }
  }

  private void refill() {
    long now = simulation.now();
    tokens = Math.min(bucketBytes, tokens + (now - updated) / 1e9 * bytesPerSecond);
    updated = now;
  }

  private void armTimer(double seconds) {
    if (timerArmed) {
      return;
    }
    timerArmed = true;
    // Saturating: at a rate so low that the missing tokens take past the end of time, the cast
    // saturates at Long.MAX_VALUE and a plain + 1 wrapped to a 1 ns timer (an event storm);
    // such a timer now waits for SimTime.NEVER, i.e. the frame never leaves.
    simulation.scheduleAfter(
        Math.max(1, SimTime.plus(SimTime.ceilNanos(seconds), 1)),
        () -> {
          timerArmed = false;
          release();
        });
  }
}
