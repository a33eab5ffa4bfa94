package dev.oversold.core.network;

import com.google.common.base.Preconditions;

/**
 * One Ethernet frame on its way through a host's network path: who sent it (its flow: a tenant's
 * socket, a container, a VM's queue), its size, and what happens when it leaves the wire or is
 * dropped. The path fills in the times.
 */
public final class Frame {
  /** Ethernet preamble and start delimiter (8), inter-frame gap (12), header (14), FCS (4). */
  public static final int WIRE_OVERHEAD_BYTES = 38;

  /**
   * Shortest Ethernet payload: smaller packets are padded to it (a 64-byte frame with header and
   * FCS).
   */
  public static final int MIN_PAYLOAD_BYTES = 46;

  /** The end of a frame's journey. */
  public interface Outcome {
    void delivered(Frame frame);

    default void dropped(Frame frame) {}
  }

  private final Flow flow;
  private final int payloadBytes;
  private final Outcome outcome;
  private long enqueuedAt = -1;

  /**
   * @param payloadBytes IP packet size (header included), 1..65,535; a TSO/GSO super-packet may be
   *     larger than the MTU and is cut into MTU frames by the NIC
   */
  public Frame(Flow flow, int payloadBytes, Outcome outcome) {
    Preconditions.checkArgument(
        payloadBytes >= 1 && payloadBytes <= 65_535,
        "packet size out of 1..65535: %s",
        payloadBytes);
    this.flow = flow;
    this.payloadBytes = payloadBytes;
    this.outcome = outcome;
  }

  public Flow flow() {
    return flow;
  }

  public int payloadBytes() {
    return payloadBytes;
  }

  /** Bytes the frame occupies on the wire, with overhead and padding. */
  public long wireBytes(int mtu) {
    int frames = Math.max(1, (payloadBytes + mtu - 1) / mtu);
    long last = payloadBytes - (long) (frames - 1) * mtu;
    return (long) (frames - 1) * (mtu + WIRE_OVERHEAD_BYTES)
        + Math.max(last, MIN_PAYLOAD_BYTES)
        + WIRE_OVERHEAD_BYTES;
  }

  public long enqueuedAt() {
    return enqueuedAt;
  }

  void enqueued(long now) {
    enqueuedAt = now;
  }

  void deliver() {
    flow.delivered(this);
    outcome.delivered(this);
  }

  void drop() {
    flow.dropped(this);
    outcome.dropped(this);
  }
}
