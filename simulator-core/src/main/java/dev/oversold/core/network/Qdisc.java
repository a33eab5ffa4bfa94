package dev.oversold.core.network;

/**
 * A queueing discipline in front of a NIC's transmit ring: holds frames the ring has no room for
 * and decides which goes next and which is dropped.
 */
public interface Qdisc {
  /** Offers a frame at {@code now}; false when the discipline drops it on arrival. */
  boolean enqueue(Frame frame, long now);

  /**
   * The frame to hand to the ring now, or null when none is ready. A discipline may drop frames
   * while dequeuing (CoDel); it reports them through {@code dropped}.
   */
  Frame dequeue(long now, java.util.function.Consumer<Frame> dropped);

  /** Frames held. */
  int backlog();

  /**
   * When {@link #dequeue} returned null while frames wait (a shaper out of tokens): the time to ask
   * again; {@code Long.MAX_VALUE} when only an arrival or a freed ring slot can change the answer.
   */
  default long readyAt(long now) {
    return Long.MAX_VALUE;
  }
}
