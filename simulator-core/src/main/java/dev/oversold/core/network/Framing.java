package dev.oversold.core.network;

/**
 * What a packet's size counts and which protocol headers each of its Ethernet frames carries on top
 * of Ethernet's own 38 bytes ({@link Frame#WIRE_OVERHEAD_BYTES}). A frame carries at most an MTU
 * (1,500 B) of IP packet, headers included, so the headers also decide how much of the sender's
 * data fits in one frame.
 *
 * <ul>
 *   <li>{@link #TCP}: the size is the stream's data; every frame is a TCP segment of its own with
 *       an IPv4 header (20 B, RFC 791 section 3.1), a TCP header (20 B, RFC 793 section 3.1) and
 *       the timestamps option (10 B padded to 12, RFC 7323 section 3), which Linux sends by default
 *       (net.ipv4.tcp_timestamps = 1): 52 B, so an MSS of 1,448 B per 1,500 B packet. A GSO or TSO
 *       segment is cut into such segments, each with its own headers (tcp_gso_segment,
 *       net/ipv4/tcp_offload.c).
 *   <li>{@link #UDP}: the size is the datagram's data; the UDP header (8 B, RFC 768) comes once per
 *       datagram and every frame carries an IPv4 header (20 B): 1,472 B of data in one frame, and a
 *       larger datagram is cut into IP fragments of 1,480 B of IP payload each (RFC 791's
 *       fragmentation: the fragment offset counts 8-byte units of the original payload).
 *   <li>{@link #IP}: the size is already the IP packet's, headers included (a raw packet); a larger
 *       one is cut at the MTU with no headers added.
 * </ul>
 */
public enum Framing {
  IP(0, 0),
  TCP(0, 20 + 20 + 12),
  UDP(8, 20);

  private final int onceBytes;
  private final int headerBytes;

  Framing(int onceBytes, int headerBytes) {
    this.onceBytes = onceBytes;
    this.headerBytes = headerBytes;
  }

  /** Header bytes a packet carries once, in its first frame (the UDP header). */
  public int onceBytes() {
    return onceBytes;
  }

  /** Header bytes every frame carries within the IP packet (IP, and TCP with its options). */
  public int headerBytes() {
    return headerBytes;
  }

  /** The sender's bytes one full frame carries at {@code mtu} (TCP's MSS: 1,448 at 1,500). */
  public int dataPerFrame(int mtu) {
    return mtu - headerBytes;
  }

  /** Ethernet frames a packet of {@code dataBytes} takes at {@code mtu}: at least one. */
  public int frames(long dataBytes, int mtu) {
    long perFrame = dataPerFrame(mtu);
    return (int) Math.max(1, (dataBytes + onceBytes + perFrame - 1) / perFrame);
  }

  /**
   * The sender's bytes in one unfragmented packet of {@code ipPacketBytes} (headers included), at
   * least 1: a UDP datagram of a 1,500 B IP packet carries 1,472 B, a TCP segment 1,448 B.
   */
  public int dataIn(long ipPacketBytes) {
    return (int) Math.max(1, Math.min(65_535, ipPacketBytes - onceBytes - headerBytes));
  }

  /** IP bytes (headers included) of a packet of {@code dataBytes} once cut at {@code mtu}. */
  public long ipBytes(long dataBytes, int mtu) {
    return dataBytes + onceBytes + (long) headerBytes * frames(dataBytes, mtu);
  }
}
