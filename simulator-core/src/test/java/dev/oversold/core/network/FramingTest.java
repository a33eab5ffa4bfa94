package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Frames and wire bytes of packets under each framing, hand-computed: Ethernet adds 38 B a frame
 * (preamble and start delimiter 8, gap 12, header 14, FCS 4: IEEE 802.3) and pads a frame's IP
 * packet to 46 B; a frame's IP packet is at most 1,500 B. TCP adds 52 B a frame (IPv4 20, RFC 791;
 * TCP 20, RFC 793; timestamps 10 padded to 12, RFC 7323), UDP 8 B once (RFC 768) and 20 B of IPv4 a
 * fragment.
 */
final class FramingTest {
  private static final Frame.Outcome NOTHING = frame -> {};

  private static Frame frame(Framing framing, int data, int packets) {
    return new Frame(new Flow("f"), framing, data, packets, NOTHING);
  }

  @Test
  void oneByteOfTcp_isA91ByteFrameOnTheWire() {
    // 1 B + 52 B of headers = a 53 B IP packet (above the 46 B minimum: no padding), + 38 B.
    Frame frame = frame(Framing.TCP, 1, 1);
    assertEquals(1, frame.framesPerPacket());
    assertEquals(53, frame.ipBytesPerPacket());
    assertEquals(91, frame.wireBytes(1500));
    assertEquals(1, frame.bytes());
  }

  @Test
  void oneByteOfUdp_isPaddedToTheMinimumFrame() {
    // 1 B + 8 + 20 = 29 B of IP packet, padded to 46: a 64 B frame, 84 B with preamble and gap.
    Frame frame = frame(Framing.UDP, 1, 1);
    assertEquals(29, frame.ipBytesPerPacket());
    assertEquals(84, frame.wireBytes(1500));
  }

  @Test
  void anMss_fillsOneFrame_andOneByteMoreTakesASecond() {
    // 1,448 + 52 = 1,500: one full frame of 1,538 B. 1,449 B: 1,538 + (1 + 52 + 38) = 1,629.
    assertEquals(1, frame(Framing.TCP, 1448, 1).framesPerPacket());
    assertEquals(1538, frame(Framing.TCP, 1448, 1).wireBytes(1500));
    assertEquals(2, frame(Framing.TCP, 1449, 1).framesPerPacket());
    assertEquals(1629, frame(Framing.TCP, 1449, 1).wireBytes(1500));
    assertEquals(1448 + 1 + 2 * 52, frame(Framing.TCP, 1449, 1).ipBytesPerPacket());
  }

  @Test
  void aGsoSegment_isCutIntoMssFrames_eachWithItsHeaders() {
    // 45 x 1,448 = 65,160 B: 45 frames of 1,538 B = 69,210 B on the wire, 65,160 + 45 x 52 =
    // 67,500 IP bytes; two such packets in a batch are twice that.
    Frame frame = frame(Framing.TCP, 65_160, 2);
    assertEquals(45, frame.framesPerPacket());
    assertEquals(90, frame.wireFrames());
    assertEquals(2 * 67_500, frame.ipBytes());
    assertEquals(2 * 69_210, frame.wireBytes(1500));
    assertEquals(2 * 65_160, frame.bytes());
  }

  @Test
  void aDatagram_fillsAFrameWith1472Bytes_andLargerOnesAreFragments() {
    // 1,472 + 8 + 20 = 1,500: one frame. 1,473 B: 1,481 B of IP payload = 1,480 in a first
    // fragment (1,538 B) and 1 B in a second (21 B padded to 46, + 38 = 84): 1,622 B.
    assertEquals(1538, frame(Framing.UDP, 1472, 1).wireBytes(1500));
    assertEquals(2, frame(Framing.UDP, 1473, 1).framesPerPacket());
    assertEquals(1622, frame(Framing.UDP, 1473, 1).wireBytes(1500));
    // The largest datagram, 65,507 B (a 65,535 B IP packet): 65,515 B of IP payload in 45
    // fragments of at most 1,480; 65,535 + 44 more IP headers of 20 + 45 x 38 = 68,125 B.
    assertEquals(45, frame(Framing.UDP, 65_507, 1).framesPerPacket());
    assertEquals(68_125, frame(Framing.UDP, 65_507, 1).wireBytes(1500));
  }

  @Test
  void aRawIpPacket_addsOnlyEthernet() {
    // The size counts its headers: 1,500 B is one 1,538 B frame, 64 B is 102 B.
    assertEquals(1538, frame(Framing.IP, 1500, 1).wireBytes(1500));
    assertEquals(102, frame(Framing.IP, 64, 1).wireBytes(1500));
    assertEquals(1500, frame(Framing.IP, 1500, 1).ipBytesPerPacket());
  }

  @Test
  void dataIn_takesTheHeadersOffAnIpPacket() {
    assertEquals(1448, Framing.TCP.dataIn(1500));
    assertEquals(1472, Framing.UDP.dataIn(1500));
    assertEquals(36, Framing.UDP.dataIn(64));
    assertEquals(1500, Framing.IP.dataIn(1500));
  }

  @Test
  void bulkTcpOnTenGigabit_carries1448Of1538Bytes() {
    // Felter et al. 2015's nuttcp row: full MSS frames back to back carry 1,448 / 1,538 of the
    // line, 9.4148 Gbit/s of data on 10 Gbit/s.
    Frame frame = frame(Framing.TCP, 65_160, 1);
    double goodput = 10e9 * frame.bytes() / frame.wireBytes(1500);
    assertEquals(10e9 * 1448 / 1538, goodput, 1e-3);
  }
}
