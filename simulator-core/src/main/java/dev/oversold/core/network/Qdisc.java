package dev.oversold.core.network;

import java.util.function.Consumer;

/**
 * A queueing discipline in front of a NIC's transmit ring: holds frames the ring has no room for
 * and decides which goes next and which is dropped. Limits and backlog count packets (a batch
 * {@link Frame} counts its packets), as the kernel counts skbs.
 */
public interface Qdisc {
  /**
   * Offers a frame at {@code now}; false when the discipline drops it on arrival. A batch that only
   * partly fits is split: the discipline drops the packets it has no room for and keeps the rest.
   */
  boolean enqueue(Frame frame, long now);

  /**
   * The frame to hand to the ring now, or null when none is ready. A discipline may drop frames
   * while dequeuing (CoDel); it reports them through {@code dropped}.
   */
  default Frame dequeue(long now, Consumer<Frame> dropped) {
    return dequeue(now, dropped, Integer.MAX_VALUE);
  }

  /**
   * As {@link #dequeue(long, Consumer)}, but a batch at the head gives at most the packets that
   * fill {@code maxFrames} Ethernet frames (the ring's free descriptors), and at least one; the
   * rest stays queued.
   */
  Frame dequeue(long now, Consumer<Frame> dropped, int maxFrames);

  /** Packets held. */
  int backlog();

  /**
   * When {@link #dequeue} returned null while frames wait (a shaper out of tokens): the time to ask
   * again; {@code Long.MAX_VALUE} when only an arrival or a freed ring slot can change the answer.
   */
  default long readyAt(long now) {
    return Long.MAX_VALUE;
  }

  /**
   * Splits {@code head} so that the packets leaving now fill at most {@code maxFrames} Ethernet
   * frames (at least one packet leaves); returns what leaves.
   */
  static Frame atMost(Frame head, long maxFrames) {
    long packets = Math.max(1, maxFrames / head.framesPerPacket());
    return head.packets() > packets ? head.take((int) packets) : head;
  }
}
