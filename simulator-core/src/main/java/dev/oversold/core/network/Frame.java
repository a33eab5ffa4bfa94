package dev.oversold.core.network;

import com.google.common.base.Preconditions;

/**
 * One Ethernet frame, or a batch of identical ones, on its way through a host's network path: who
 * sent it (its flow: a tenant's socket, a container, a VM's queue), its size, how many packets it
 * stands for, and what happens when it leaves the wire or is dropped. The path fills in the times.
 *
 * <p>A batch lets a flood at line rate (14.88 Mpps of minimum frames on 10 GbE) cost one event per
 * batch instead of one per packet: every stage counts the batch's packets against its limits (queue
 * slots, ring descriptors, CPU per packet, wire time) and splits it with {@link #take} where only
 * part fits, so drops are exact in packets while events grow with batches.
 */
public final class Frame {
  /** Ethernet preamble and start delimiter (8), inter-frame gap (12), header (14), FCS (4). */
  public static final int WIRE_OVERHEAD_BYTES = 38;

  /**
   * Shortest Ethernet payload: smaller packets are padded to it (a 64-byte frame with header and
   * FCS).
   */
  public static final int MIN_PAYLOAD_BYTES = 46;

  /** Ethernet's MTU, where a GSO/TSO segment is cut into frames for the ring. */
  public static final int ETHERNET_MTU = 1500;

  /** The end of a frame's journey. */
  public interface Outcome {
    void delivered(Frame frame);

    default void dropped(Frame frame) {}

    /**
     * The frame has crossed the host stack (its backlog and softirq, if the path has one) and is
     * about to be queued in the qdisc. Where the sender's socket lets go of its packets there (an
     * OpenVZ container's venet hands them to the host's backlog, whose {@code ip_rcv} orphans
     * them), the sender is no longer held back by what queues behind.
     */
    default void leftStack(Frame frame) {}
  }

  private final Flow flow;
  private final int payloadBytes;
  private final Framing framing;
  private final Outcome outcome;
  private int packets;
  private long enqueuedAt = -1;
  private boolean leftStack;

  /**
   * @param payloadBytes IP packet size (header included), 1..65,535; a TSO/GSO super-packet may be
   *     larger than the MTU and is cut into MTU frames by the NIC
   */
  public Frame(Flow flow, int payloadBytes, Outcome outcome) {
    this(flow, payloadBytes, 1, outcome);
  }

  /**
   * A batch of {@code packets} IP packets of {@code payloadBytes} each (headers included: {@link
   * Framing#IP}) from one flow.
   *
   * @param packets how many packets the batch stands for, at least 1
   */
  public Frame(Flow flow, int payloadBytes, int packets, Outcome outcome) {
    this(flow, Framing.IP, payloadBytes, packets, outcome);
  }

  /**
   * A batch of {@code packets} packets from one flow, each carrying {@code payloadBytes} of the
   * sender's data under {@code framing}'s headers (a TCP segment's data, a UDP datagram's).
   *
   * @param payloadBytes the sender's bytes per packet, 1..65,535; a GSO segment or a datagram may
   *     be larger than one frame takes and is cut into frames, each with its headers
   * @param packets how many packets the batch stands for, at least 1
   */
  public Frame(Flow flow, Framing framing, int payloadBytes, int packets, Outcome outcome) {
    Preconditions.checkArgument(
        payloadBytes >= 1 && payloadBytes <= 65_535,
        "packet size out of 1..65535: %s",
        payloadBytes);
    Preconditions.checkArgument(packets >= 1, "a batch has at least one packet: %s", packets);
    this.flow = flow;
    this.framing = framing;
    this.payloadBytes = payloadBytes;
    this.packets = packets;
    this.outcome = outcome;
  }

  /** Packets this frame stands for (1 unless it is a batch). */
  public int packets() {
    return packets;
  }

  /**
   * Ethernet frames (ring descriptors) one packet needs: a GSO segment or a large datagram is cut
   * so that each frame's IP packet, headers included, fits the MTU.
   */
  public int framesPerPacket() {
    return framing.frames(payloadBytes, ETHERNET_MTU);
  }

  /**
   * Bytes of one packet as a queueing discipline or shaper counts it without the Ethernet header:
   * its IP packets with their headers, one set per frame it is cut into.
   */
  public long ipBytesPerPacket() {
    return framing.ipBytes(payloadBytes, ETHERNET_MTU);
  }

  /** {@link #ipBytesPerPacket} of all its packets. */
  public long ipBytes() {
    return ipBytesPerPacket() * packets;
  }

  public Framing framing() {
    return framing;
  }

  /** Ethernet frames of all its packets. */
  public long wireFrames() {
    return (long) framesPerPacket() * packets;
  }

  /** The sender's bytes (payload, without headers) of all its packets. */
  public long bytes() {
    return (long) payloadBytes * packets;
  }

  /**
   * Takes {@code count} packets out of this batch into a frame of their own (same flow, size,
   * outcome and queueing time); this one keeps the rest.
   */
  public Frame take(int count) {
    Preconditions.checkArgument(
        count >= 1 && count < packets, "take 1..%s packets, not %s", packets - 1, count);
    Frame part = new Frame(flow, framing, payloadBytes, count, outcome);
    part.enqueuedAt = enqueuedAt;
    part.leftStack = leftStack;
    packets -= count;
    return part;
  }

  public Flow flow() {
    return flow;
  }

  /** The sender's bytes per packet (for {@link Framing#IP}, the IP packet's, headers included). */
  public int payloadBytes() {
    return payloadBytes;
  }

  /**
   * Bytes the frame (all its packets) occupies on the wire: each Ethernet frame's IP packet (the
   * sender's bytes and the framing's headers, at most {@code mtu}), padded to Ethernet's minimum
   * payload, plus Ethernet's overhead.
   */
  public long wireBytes(int mtu) {
    long data = payloadBytes + (long) framing.onceBytes();
    int perFrame = framing.dataPerFrame(mtu);
    int frames = framing.frames(payloadBytes, mtu);
    long last = data - (long) (frames - 1) * perFrame + framing.headerBytes();
    long one =
        (long) (frames - 1) * (mtu + WIRE_OVERHEAD_BYTES)
            + Math.max(last, MIN_PAYLOAD_BYTES)
            + WIRE_OVERHEAD_BYTES;
    return one * packets;
  }

  public long enqueuedAt() {
    return enqueuedAt;
  }

  void enqueued(long now) {
    enqueuedAt = now;
  }

  /** Whether the frame has crossed the host stack (see {@link Outcome#leftStack}). */
  public boolean hasLeftStack() {
    return leftStack;
  }

  /** The frame has crossed the host stack: its outcome is told, once. */
  void leaveStack() {
    if (!leftStack) {
      leftStack = true;
      outcome.leftStack(this);
    }
  }

  /** The frame has left the last stage: its flow and outcome are told. */
  public void deliver() {
    flow.delivered(this);
    outcome.delivered(this);
  }

  /** A stage had no room for it: its flow and outcome are told. */
  public void drop() {
    flow.dropped(this);
    outcome.dropped(this);
  }
}
