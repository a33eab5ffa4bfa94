package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.network.Frame;
import dev.oversold.core.network.PacketStage;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The token bucket stage as it was before its fast path (kept as the reference for {@code
 * TokenBucketStageEquivalenceProperties}): every frame goes through the waiting queues.
 */
final class LegacyTokenBucketStage implements PacketStage {
  private final Simulation simulation;
  private final double bytesPerSecond;
  private final double bucketBytes;
  private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
  private final ArrayDeque<Consumer<Frame>> continuations = new ArrayDeque<>();
  private double tokens;
  private long updated;
  private boolean timerArmed;

  LegacyTokenBucketStage(Simulation simulation, double bytesPerSecond, long intervalNanos) {
    this.simulation = simulation;
    this.bytesPerSecond = bytesPerSecond;
    this.bucketBytes = bytesPerSecond * intervalNanos / 1e9;
    this.tokens = bucketBytes;
    this.updated = simulation.now();
  }

  @Override
  public void process(Frame frame, Consumer<Frame> next) {
    waiting.addLast(frame);
    continuations.addLast(next);
    release();
  }

  private void release() {
    refill();
    while (!waiting.isEmpty()) {
      Frame head = waiting.peekFirst();
      if (tokens <= 0) {
        armTimer(-tokens / bytesPerSecond);
        return;
      }
      // A packet goes whenever the bucket is not empty and may take it below zero (as HTB's
      // tokens do), so a packet larger than the bucket still passes, at the rate on average.
      int affordable =
          (int) Math.max(1, Math.min(head.packets(), Math.floor(tokens / head.payloadBytes())));
      Frame leaving;
      Consumer<Frame> next;
      if (affordable < head.packets()) {
        leaving = head.take(affordable);
        next = continuations.peekFirst();
      } else {
        leaving = waiting.pollFirst();
        next = continuations.pollFirst();
      }
      tokens -= leaving.bytes();
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
