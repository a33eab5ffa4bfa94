package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The host's network paths as the platforms build them. Test NIC: 1 Gbit/s, 50 us one way; 4 cores
 * of speed 1. Wire times are hand-computed: a frame carries at most 1500 IP bytes and costs 38 B of
 * Ethernet overhead (preamble, gap, header, FCS), at least 46 B of payload; 8 ns a byte at 1
 * Gbit/s. A stream's bytes are TCP data: every frame also carries 52 B of IP (20), TCP (20) and
 * timestamp option (12) headers, so at most 1,448 B of data (the MSS), and a full frame of data is
 * 1,538 B on the wire. A stream of N bytes therefore takes ceil(N / 1,448) frames and N + 90 B a
 * frame on the wire, whether it goes as GSO segments (45 MSS, 65,160 B) or as MSS packets.
 * Datagrams are given by their IP size (the 28 B of IP and UDP headers included).
 */
final class HostNetworkTest {
  private static final long GIB = 1L << 30;
  private static final long MB = 1_000_000;

  /**
   * Wire bytes of a 1 MB stream: 15 GSO segments of 65,160 B (45 frames of 1,538 B: 69,210 each,
   * 1,038,150 in all) and a 22,600 B tail (15 x 1,538 + 880 + 52 + 38 = 24,040): 1,062,190 B (=
   * 1,000,000 + 691 frames x 90), i.e. 8,497,520 ns at 1 Gbit/s. Without the TCP/IP headers it was
   * 1,025,536 B.
   */
  private static final long ONE_MB_WIRE_NANOS = 8 * 1_062_190L;

  private static Hosts hosts(String platform, Map<String, Double> options, int tenants) {
    List<dev.oversold.core.model.TenantSpec> specs = new java.util.ArrayList<>();
    for (int i = 0; i < tenants; i++) {
      specs.add(Specs.idleTenant("t" + i, "h", GIB, Map.of()));
    }
    return new Hosts(Specs.host("h", platform, 16 * GIB, GIB, options), specs);
  }

  @Test
  void aStream_takesItsWireTimeWithOverheadPlusTheLatency() {
    Hosts hosts =
        hosts("kvm", Map.of("net-packet-cpu", 0.0, "vhost-cpu", 0.0, "vhost-latency", 0.0), 1);
    long[] doneAt = {-1};
    hosts.tenant(0).tenantNetwork().sendWithoutWindow(MB, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(ONE_MB_WIRE_NANOS + 50 * SimTime.MICROSECOND, doneAt[0]);
  }

  private static long victimDone(String platform, Map<String, Double> options) {
    Hosts hosts = hosts(platform, options, 2);
    for (int i = 0; i < 3; i++) {
      hosts.tenant(0).tenantNetwork().sendWithoutWindow(MB, () -> {});
    }
    long[] doneAt = {-1};
    hosts.tenant(1).tenantNetwork().sendWithoutWindow(MB, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  /**
   * Wire bytes of a 1 MB stream from an OpenVZ container, whose venet has no GSO: 690 packets of
   * 1,448 B (1,538 B on the wire) and an 880 B tail (970 B): 1,062,190 B, i.e. 8,497,520 ns, the
   * same as in GSO segments (the same frames).
   */
  private static final long ONE_MB_MTU_WIRE_NANOS = 8 * (690 * 1538L + 970);

  @Test
  void openVzPfifoFast_putsTheVictimBehindTheWholeFlood() {
    // One FIFO (pfifo_fast) behind the one stack. Each of the four 1 MB streams keeps a window of
    // 64 MSS packets in flight, one batch each, and the 256-descriptor ring holds all four
    // batches; a stream's next batch joins the back of the FIFO when its last one has left, so
    // the streams take turns in the order they started, the victim last every round, and its
    // tail is the last frame of all 4 MB: 4 x 8,202,768 ns + 50 us.
    assertEquals(
        4 * ONE_MB_MTU_WIRE_NANOS + 50 * SimTime.MICROSECOND,
        victimDone("openvz", Map.of("net-packet-cpu", 0.0)));
  }

  /**
   * A 28,960 B stream (20 MSS) without a congestion window into a pfifo_fast of 10 packets in front
   * of a 1-descriptor ring, nothing else sending; done when its last byte has left the wire, plus
   * the 50 us latency. (The path tests of this class send without a window, so that they measure
   * the path; a response's sender is tested below and in TcpResponseTest.)
   */
  private static long burstIntoShortFifo(String platform, Map<String, Double> extra) {
    Map<String, Double> options = new java.util.HashMap<>(extra);
    options.put("net-packet-cpu", 0.0);
    options.put("txqueuelen", 10.0);
    options.put("nic-ring", 1.0);
    Hosts hosts = hosts(platform, options, 1);
    long[] doneAt = {-1};
    hosts
        .tenant(0)
        .tenantNetwork()
        .sendWithoutWindow(20 * 1448, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void openVzContainerStream_losesTheTailOfItsMtuBurstAndWaitsTheRto() {
    // venet has no GSO: 28,960 B are 20 packets of 1,448 B, sent at once (the window is 64). The
    // 10-packet FIFO takes 10 and tail-drops 10 at t = 0; those go again at the 200 ms RTO, into
    // an empty FIFO, and leave 10 x 1,538 B x 8 ns = 123,040 ns later: 200,123,040 + 50,000 ns.
    // (Without the headers 28,960 B would be 19 packets and a 460 B tail.)
    assertEquals(200_173_040L, burstIntoShortFifo("openvz", Map.of()));
  }

  @Test
  void bareMetalStream_isOneGsoSegmentAndFitsTheSameFifo() {
    // The same 28,960 B on a host's own socket (bare metal, pfifo_fast chosen): one GSO segment,
    // one slot of the 10, cut into 20 frames after the qdisc: 20 x 1,538 B x 8 ns = 246,080 ns,
    // + 50 us, and nothing dropped.
    assertEquals(296_080L, burstIntoShortFifo("bare-metal", Map.of("qdisc", 0.0)));
  }

  private static long responseDone(String platform, Map<String, Double> extra) {
    Map<String, Double> options = new java.util.HashMap<>(extra);
    options.put("net-packet-cpu", 0.0);
    Hosts hosts = hosts(platform, options, 1);
    long[] doneAt = {-1};
    hosts.tenant(0).network().send(20 * 1448, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void aResponse_slowStartsFromItsKernelsInitialWindow() {
    // 28,960 B (20 MSS) on an idle 1 Gbit/s link (12,304 ns a 1,538 B frame), 50 us each way, the
    // default FIFO and ring (nothing dropped). OpenVZ's 2.6.32 kernel: initial window 3 MSS
    // packets, leaving at 36,912 ns, ACKed a round trip later at 136,912; slow start: 6 go then,
    // leave at 136,912 + 73,824 = 210,736, ACKed at 310,736; window 12 >= the 11 left, which
    // leave at 310,736 + 135,344 = 446,080: done at 496,080. Bare metal (modern: 10 MSS), GSO: a
    // segment cut to the window, 14,480 B (10 frames), leaves at 123,040, ACKed at 223,040; the
    // window is then 20 MSS and the other 14,480 B go as one segment, leaving at 346,080: done at
    // 396,080. Without a window it was 296,080 (one segment, test above).
    assertEquals(496_080L, responseDone("openvz", Map.of()));
    assertEquals(396_080L, responseDone("bare-metal", Map.of("qdisc", 0.0)));
  }

  @Test
  void kvmFqCodel_givesTheVictimHalfTheLinkWhileBothSend() {
    // fq_codel's DRR alternates the two tenants byte for byte, so the victim's 1 MB ends after
    // about 2 MB of wire time (17.0 ms), plus at most the ring the flood filled first (256 frames
    // of 1,538 B: 3.15 ms) and one segment (0.55 ms); FIFO would take 34.0 ms.
    long done =
        victimDone("kvm", Map.of("net-packet-cpu", 0.0, "vhost-cpu", 0.0, "vhost-latency", 0.0));
    long fair = 2 * ONE_MB_WIRE_NANOS + 50 * SimTime.MICROSECOND;
    assertTrue(done >= fair - 69_210 * 8, () -> "done at " + done);
    assertTrue(done <= fair + 256 * 1538 * 8 + 69_210 * 8, () -> "done at " + done);
  }

  @Test
  void kvmWithQdiscPfifoFast_putsTheVictimBehindTheWholeFlood() {
    // options.qdisc = pfifo_fast (index 0) swaps fq_codel for one FIFO. The flood sends 3 MB as
    // one stream (46 segments of 65,160 B and a 2,640 B tail, within the 64-segment window), so
    // it crosses its vhost stage as one batch and reaches the qdisc before the victim's 1 MB.
    // Wire bytes: 3,000,000 + 2,072 frames x 90 = 3,186,480 for the flood (46 x 45 frames and 2
    // for the tail), 1,062,190 for the victim: the victim's last byte leaves at 8 x 4,248,670 ns,
    // + 50 us. Under the default fq_codel it would leave after about 2 MB of wire time (17.0 ms).
    Map<String, Double> options =
        Map.of("qdisc", 0.0, "net-packet-cpu", 0.0, "vhost-cpu", 0.0, "vhost-latency", 0.0);
    Hosts hosts = hosts("kvm", options, 2);
    hosts.tenant(0).tenantNetwork().sendWithoutWindow(3 * MB, () -> {});
    long[] doneAt = {-1};
    hosts.tenant(1).tenantNetwork().sendWithoutWindow(MB, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(8 * 4_248_670L + 50 * SimTime.MICROSECOND, doneAt[0]);
  }

  private static long shapedSendDone(long bytes) {
    // Xen vif rate=12.5 MB/s (100 Mbit/s); dom0's netback and stack CPU off so only the wire and
    // the shaper count.
    Hosts hosts =
        new Hosts(
            Specs.host(
                "h", "xen", 16 * GIB, GIB, Map.of("netback-cpu", 0.0, "net-packet-cpu", 0.0)),
            List.of(Specs.idleTenant("shaped", "h", GIB, Map.of("rate", 12.5e6))));
    long[] doneAt = {-1};
    hosts
        .tenant(0)
        .tenantNetwork()
        .sendWithoutWindow(bytes, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void rateLimit_letsABurstWithinItsCreditGoAtLineRate() {
    // Credit: 12.5e6 x 0.05 = 625,000 B, counted in IP bytes (data + 52 B a frame). 500 kB = 7
    // segments of 65,160 B + a 43,880 B tail: 346 frames, 500,000 + 346 x 52 = 517,992 IP bytes,
    // within the credit; on the wire 500,000 + 346 x 90 = 531,140 B at line rate = 4,249,120 ns,
    // + 50 us.
    assertEquals(4_249_120 + 50_000, shapedSendDone(500_000));
  }

  @Test
  void rateLimit_pastItsCreditSendsAtTheRate() {
    // 1 MB = 15 segments of 65,160 B + a 22,600 B tail. The bucket counts a segment's IP bytes,
    // 65,160 + 45 x 52 = 67,500. The full bucket (625,000 B) lets 9 segments go, and a 10th since
    // tokens are left (17,500 B), leaving -50,000 B. The 11th goes when the bucket is back above
    // 0 (50,000 / 12.5e6 = 4,000,000 ns, +1 ns), each later one a segment's worth later (67,500 /
    // 12.5e6 = 5,400,000 ns); the tail is the 16th: released at 4,000,001 + 5 x 5,400,000 =
    // 31,000,001 ns, then 22,600 + 16 x 90 = 24,040 wire B (192,320 ns) and 50 us.
    assertEquals(31_000_001 + 192_320 + 50_000, shapedSendDone(1_000_000), 10.0);
  }

  @Test
  void perPacketCpu_capsTheRateAndTheBacklogDropsWhatDoesNotFit() {
    // OpenVZ, 10 us of softirq per packet: 2,000 datagrams of 64 B at once. The host's backlog
    // (netdev_max_backlog 1,000) takes 1,000 and drops 1,000; the softirq needs 10 ms for them on
    // one core, then the wire 1,000 x 102 B x 8 ns = 816 us, then 50 us.
    Hosts hosts = hosts("openvz", Map.of("net-packet-cpu", 10_000.0), 1);
    long[] delivered = {-1};
    long[] doneAt = {-1};
    hosts
        .tenant(0)
        .network()
        .sendDatagrams(
            2000,
            64,
            n -> {
              delivered[0] = n;
              doneAt[0] = hosts.simulation.now();
            });
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(1000, delivered[0]);
    assertEquals(10 * SimTime.MILLISECOND + 816 * SimTime.MICROSECOND + 50_000, doneAt[0]);
  }

  /** When a burst of 100 MTU datagrams is let go by its socket, and when it is through. */
  private static long[] releasedAndDelivered(String platform) {
    // 10 us of host softirq a packet on one core: the stack needs 1 ms for the batch.
    Hosts hosts = hosts(platform, Map.of("net-packet-cpu", 10_000.0), 1);
    long[] at = {-1, -1};
    hosts
        .tenant(0)
        .network()
        .sendDatagrams(
            100, 1500, () -> at[0] = hosts.simulation.now(), n -> at[1] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return at;
  }

  @Test
  void openVzContainer_isLetGoAtTheHostStack_aHostsOwnSocketWhenTheWireIsDone() {
    // 100 datagrams of 1,500 B: 1 ms of softirq (100 x 10 us), then the wire, 100 x 1,538 B x 8
    // ns = 1,230,400 ns, then 50 us of link: through at 2,280,400 ns on both. An OpenVZ
    // container's venet hands the packets to the host's backlog and ip_rcv orphans them, so its
    // socket is free again when the softirq is done with them, at 1 ms; a bare-metal host's own
    // socket keeps them until they are through.
    long[] openVz = releasedAndDelivered("openvz");
    long[] bare = releasedAndDelivered("bare-metal");
    assertEquals(SimTime.MILLISECOND, openVz[0]);
    assertEquals(2_280_400, openVz[1]);
    assertEquals(2_280_400, bare[0]);
    assertEquals(2_280_400, bare[1]);
  }

  @Test
  void openVzContainer_droppedAtTheBacklog_isLetGoWithTheDrop() {
    // 2,000 datagrams against netdev_max_backlog 1,000: 1,000 are dropped at once (the socket
    // frees them with the drop), the other 1,000 leave the stack after 10 ms of softirq: let go
    // at 10 ms, through after the wire (1,000 x 102 B x 8 ns = 816 us) and the link (50 us).
    Hosts hosts = hosts("openvz", Map.of("net-packet-cpu", 10_000.0), 1);
    long[] at = {-1, -1};
    long[] delivered = {-1};
    hosts
        .tenant(0)
        .network()
        .sendDatagrams(
            2000,
            64,
            () -> at[0] = hosts.simulation.now(),
            n -> {
              delivered[0] = n;
              at[1] = hosts.simulation.now();
            });
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(10 * SimTime.MILLISECOND, at[0]);
    assertEquals(1000, delivered[0]);
    assertEquals(10 * SimTime.MILLISECOND + 816 * SimTime.MICROSECOND + 50_000, at[1]);
  }

  private static long roundTrip(String platform) {
    Hosts hosts = hosts(platform, Map.of(), 1);
    long[] doneAt = {-1};
    var network = hosts.tenant(0).network();
    network.receive(1, () -> network.send(1, () -> doneAt[0] = hosts.simulation.now()));
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void requestResponse_crossesEachStageBothWays() {
    // A 1-byte request in and a 1-byte response out, idle host. Bare metal: 2 x 50 us of link, 2
    // x 91 B on the wire (1 B of data + 52 B of TCP/IP headers + 38 B of Ethernet: 728 ns each), 2
    // x 1 us of host softirq = 103,456 ns. KVM adds vhost
    // both ways: 13 us of kick and wake-up, and 2 us of CPU charged to the VM's share, which does
    // 0.97 of a core's work a second (KVM's CPU efficiency): 2 x (13,000 + 2,000 / 0.97) ns more.
    assertEquals(103_456, roundTrip("bare-metal"));
    assertEquals(103_456 + 2 * (13_000 + 2_000 / 0.97), roundTrip("kvm"), 2.0);
  }

  private static long udpRoundTrip(String platform) {
    Hosts hosts = hosts(platform, Map.of(), 1);
    long[] doneAt = {-1};
    var network = hosts.tenant(0).network();
    network.receiveDatagrams(
        1, 29, in -> network.sendDatagrams(1, 29, out -> doneAt[0] = hosts.simulation.now()));
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void udpRequestResponse_differsFromTcpOnlyByItsHeaders() {
    // The same exchange as datagrams of 1 B (29 B IP packets: 1 + 8 of UDP + 20 of IPv4, padded
    // to Ethernet's 46 B minimum, 84 B on the wire, 672 ns): 2 x 50 us + 2 x 672 + 2 x 1 us =
    // 103,344 ns, 112 ns less than TCP's 91 B frames. Every other stage costs a packet the same.
    assertEquals(103_344, udpRoundTrip("bare-metal"));
    assertEquals(103_344 + 2 * (13_000 + 2_000 / 0.97), udpRoundTrip("kvm"), 2.0);
  }

  /**
   * A net-flood's TCP connection asking for 64 KiB packets (as felter-netperf's bulk sender does),
   * nothing else sending, no per-packet CPU; writes {@code bytes} at t = 0. Returns {bytes
   * acknowledged, time of the last acknowledgement}.
   */
  private static long[] floodConnection(String platform, long bytes) {
    Hosts hosts = hosts(platform, Map.of("net-packet-cpu", 0.0), 1);
    long[] got = {0, -1};
    hosts
        .tenant(0)
        .network()
        .connect(
            65_535,
            null,
            n -> {
              got[0] += n;
              got[1] = hosts.simulation.now();
            })
        .write(bytes);
    hosts.simulation.runUntil(SimTime.SECOND);
    return got;
  }

  @Test
  void openVzFloodConnection_sendsMssPacketsLikeAStream() {
    // venet has no GSO, so the connection's segment is one MSS (1,448 B), not the 65,160 B a
    // 64 KiB packet asks for. 14,480 B are 10 MSS, RFC 6928's initial window: one batch of 10
    // packets, 10 x 1,538 B x 8 ns = 123,040 ns on the wire, acknowledged a round trip (2 x 50 us)
    // after the last left: 223,040 ns. As one 65,160 B segment the write would not even fill a
    // segment, and nothing would be sent.
    assertEquals(List.of(14_480L, 223_040L), asList(floodConnection("openvz", 14_480)));
  }

  @Test
  void openVzFloodConnection_slowStartsInMssWhereBareMetalSendsOneGsoSegment() {
    // 65,160 B (what a 64 KiB packet carries). Bare metal: one GSO segment (within the initial
    // window of 10 segments), 45 frames: 45 x 12,304 ns = 553,680 ns, acknowledged at 653,680.
    // OpenVZ, MSS packets (12,304 ns each on the wire), slow start from 10 MSS: 10 go at 0, leave
    // at 123,040, acknowledged at 223,040; the window is then 20: a batch of 16 and one of 4
    // (TcpSender's 16 a frame) leave at 419,904 and 469,120; the 16 are acknowledged at 519,904
    // (window 36, 4 in flight), and the last 15 go then into the idle wire: they leave at
    // 519,904 + 15 x 12,304 = 704,464, acknowledged at 804,464.
    assertEquals(List.of(65_160L, 653_680L), asList(floodConnection("bare-metal", 65_160)));
    assertEquals(List.of(65_160L, 804_464L), asList(floodConnection("openvz", 65_160)));
  }

  private static List<Long> asList(long[] values) {
    return List.of(values[0], values[1]);
  }
}
