package dev.oversold.core.workload;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.network.Frame;
import dev.oversold.core.network.Framing;
import dev.oversold.core.platform.Platforms;
import org.jspecify.annotations.Nullable;

/**
 * net-flood: transmits or receives packets of {@code packet} bytes at {@code rate} bytes per
 * second. Packets go out in paced bursts of {@link #BURST_SECONDS} of the rate, at most {@link
 * #MAX_BURST_BYTES} (and at least one packet). At most {@link #MAX_BURSTS_IN_FLIGHT} bursts are
 * outstanding, as a socket buffer bounds what a sender has queued: when the NIC or the plan's limit
 * cannot keep up, due bursts wait and the flood runs at what the link gives it instead of queueing
 * without bound. A sent burst stops counting when the platform frees it from the socket (on OpenVZ
 * at the host's backlog, so the host's qdisc does not hold a container's flood back: it drops).
 * Packets are datagrams: those dropped on the way are lost. {@code packet} is the IP packet's size,
 * headers included. Progress counts the data delivered (a UDP packet's data is its size less 28
 * bytes of IP and UDP headers: {@link Framing#UDP}); throughput counts packets delivered.
 *
 * <p>With {@code protocol: tcp} the flood is one TCP connection instead (ttcp without {@code -u}):
 * each burst is written to the connection when less than a burst is waiting unsent in its socket,
 * and the connection sends under its congestion window ({@code congestion-control}, by default the
 * platform kernel's: {@link NetworkAccess#connect}); progress and throughput count what is
 * acknowledged.
 */
final class NetFloodWorkload implements Workload {
  /** The net-flood kind's declaration. */
  static final WorkloadKind<WorkloadSpec.NetFlood> KIND =
      WorkloadKind.suspect("net-flood", WorkloadSpec.NetFlood.class, "bytes", NetFloodWorkload::new)
          .costing(CostModel.paced(NetFloodWorkload::eventsPerSecond));

  /** Pacing interval of bursts for rates up to 100 MiB/s (100 bursts per simulated second). */
  static final double BURST_SECONDS = 0.01;

  /**
   * Largest burst: bytes count as delivered when their burst completes, so a smaller burst makes
   * the progress of a fast flood accurate to within half a megabyte at any instant.
   */
  static final long MAX_BURST_BYTES = 256L << 10;

  /** An IP packet's largest size (its length field): a 64 KiB "packet" is sent as this. */
  static final int MAX_PACKET_BYTES = 65_535;

  /** Bursts queued at once; two keep the link busy while one waits out the link latency. */
  static final int MAX_BURSTS_IN_FLIGHT = 2;

  private final WorkloadSpec.NetFlood spec;
  private final long packetsPerBurst;
  private final long burstNanos;
  private TenantContext context;
  private NetworkAccess.@Nullable Connection connection;
  private EventHandle nextBurst;
  private int inFlight;
  private int due;
  private boolean stopped;

  NetFloodWorkload(WorkloadSpec.NetFlood spec) {
    this.spec = spec;
    double burstBytes = Math.min(spec.bytesPerSecond() * BURST_SECONDS, MAX_BURST_BYTES);
    this.packetsPerBurst = Math.max(1, Math.round(burstBytes / spec.packetBytes()));
    this.burstNanos =
        Math.max(
            1,
            SimTime.roundNanosOrNever(
                packetsPerBurst * spec.packetBytes() / spec.bytesPerSecond()));
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    KIND.announce(tenant.recorder());
    if (spec.protocol() == WorkloadSpec.Protocol.TCP) {
      int segment = (int) Math.min(MAX_PACKET_BYTES, spec.packetBytes());
      connection = tenant.network().connect(segment, spec.congestion(), this::acknowledged);
    }
    nextBurst = tenant.simulation().schedule(spec.start().nanos(), this::tick);
  }

  private void tick() {
    if (stopped) {
      return;
    }
    // A burst not sent for lack of room is not made up later beyond one: the flood is paced.
    NetworkAccess.Connection tcp = connection;
    if (tcp != null) {
      long burstBytes = packetsPerBurst * spec.packetBytes();
      if (tcp.unsentBytes() < burstBytes) {
        tcp.write(burstBytes);
      }
    } else {
      due = 1;
      sendDue();
    }
    nextBurst = context.simulation().scheduleAfter(burstNanos, this::tick);
  }

  private void sendDue() {
    while (due > 0 && inFlight < MAX_BURSTS_IN_FLIGHT) {
      due--;
      inFlight++;
      int packetBytes = (int) Math.min(MAX_PACKET_BYTES, spec.packetBytes());
      if (spec.direction() == WorkloadSpec.Direction.TRANSMIT) {
        context
            .network()
            .sendDatagrams(packetsPerBurst, packetBytes, this::released, this::arrived);
      } else {
        context.network().receiveDatagrams(packetsPerBurst, packetBytes, this::delivered);
      }
    }
  }

  /** A burst is through: {@code packets} of it arrived, the others were dropped on the way. */
  private void delivered(long packets) {
    inFlight--;
    if (stopped) {
      return; // bursts delivered after a stop or kill count for nobody
    }
    context.recorder().progressed(packets * datagramData());
    context.recorder().operationsCompleted(packets);
    sendDue();
  }

  /**
   * A sent burst has left the flood's socket (where the platform frees it from the send buffer: on
   * an OpenVZ container before the host's qdisc, elsewhere once it is through): the flood may send
   * the next one.
   */
  private void released() {
    inFlight--;
    if (!stopped) {
      sendDue();
    }
  }

  /** A sent burst is through: as {@link #delivered}, its place in the socket already given back. */
  private void arrived(long packets) {
    if (stopped) {
      return;
    }
    context.recorder().progressed(packets * datagramData());
    context.recorder().operationsCompleted(packets);
  }

  /** The data one of the flood's datagrams carries: its IP packet less the IP and UDP headers. */
  private long datagramData() {
    return Framing.UDP.dataIn(Math.min(MAX_PACKET_BYTES, spec.packetBytes()));
  }

  /** Bytes of the TCP connection acknowledged. */
  private void acknowledged(long bytes) {
    if (stopped) {
      return;
    }
    context.recorder().progressed(bytes);
    context.recorder().operationsCompleted(bytes / spec.packetBytes());
  }

  @Override
  public void stop() {
    stopped = true;
    due = 0;
    if (nextBurst != null) {
      nextBurst.cancel();
      nextBurst = null;
    }
  }

  /**
   * Events of one burst besides its packets: the pacing tick, the transfer's completion, and one
   * crossing of every stage (link latency, wire, the stack's and the backend's CPU jobs, a
   * backend's notification delay). A small burst on KVM was measured at about 20 events (a 6 Mbit/s
   * flood in CostEstimateProperties: 4,020 events against 3,962 estimated at 16); the estimate is
   * an upper bound, so it allows 24.
   */
  private static final double EVENTS_PER_BURST = 24;

  /**
   * Events per 64 packets of a received burst: the receive path takes a batch off the wire a NAPI
   * budget (64) at a time, each part a wire event and a CPU job (submit, completion).
   */
  private static final double EVENTS_PER_64_PACKETS = 4;

  /** Events per 256 packets of a sent burst: a ring of 256 descriptors a wire event, its pump. */
  private static final double EVENTS_PER_256_PACKETS = 2;

  /**
   * A per-flow qdisc (fq_codel, the ESXi uplink's weighted DRR) releases one quantum of a flow at a
   * time, an MTU frame with its 14-byte header (1,514 bytes): a sent burst crosses the wire in that
   * many pieces, one wire event each. Measured on KVM and ESXi: 1.03 events per 1,500-byte packet
   * at 900 Mbit/s (154,276 events for 150,000 packets in 2 s).
   */
  private static final double QUANTUM_BYTES = 1514;

  /** Bytes a packet takes from a DRR quantum besides its payload: the Ethernet header. */
  private static final double QUANTUM_HEADER_BYTES = 14;

  /**
   * Events per simulated second: a burst of whole packets every {@link #BURST_SECONDS}, at most
   * {@link #MAX_BURST_BYTES}, at least one packet; rounding down to whole packets only makes bursts
   * smaller and more frequent.
   */
  static double eventsPerSecond(
      WorkloadSpec.NetFlood flood, dev.oversold.core.model.HostSpec host) {
    double burstBytes = Math.min(flood.bytesPerSecond() * BURST_SECONDS, MAX_BURST_BYTES);
    double packets = Math.max(1, Math.floor(burstBytes / flood.packetBytes()));
    double bursts = flood.bytesPerSecond() / (packets * flood.packetBytes());
    double perPackets;
    if (flood.protocol() == WorkloadSpec.Protocol.TCP) {
      // A TCP connection sends up to 16 segments a frame (TcpSender.MAX_BATCH), each frame
      // crossing every stage and coming back as an ACK event; count a wire event per packet too.
      // Its packets are what the path's segmentation makes of the flood's (MTU packets on an
      // OpenVZ container's venet).
      long asked = Math.min(MAX_PACKET_BYTES, flood.packetBytes());
      double onPath =
          Platforms.of(host.platform())
              .io()
              .networkPath(host)
              .segmentation()
              .packetBytes(asked, Frame.ETHERNET_MTU);
      double segments = packets * Math.ceil(asked / onPath);
      return (EVENTS_PER_BURST + segments + EVENTS_PER_BURST * Math.ceil(segments / 16)) * bursts;
    }
    if (flood.direction() == WorkloadSpec.Direction.RECEIVE) {
      perPackets = EVENTS_PER_64_PACKETS * Math.ceil(packets / 64);
    } else {
      perPackets = EVENTS_PER_256_PACKETS * Math.ceil(packets / 256);
      var path = Platforms.of(host.platform()).io().networkPath(host);
      if (path.release() == dev.oversold.core.platform.NetworkPath.SocketRelease.AT_HOST_STACK) {
        // A sender let go before the qdisc keeps a FIFO full once it reaches the line: each frame
        // that leaves frees one descriptor and the pump refills it with the next packet, a wire
        // event per packet (matthews-transmit-flood's MTU flood on OpenVZ: 647,613 events run
        // against 482,579 estimated without this).
        perPackets += packets;
      }
      if (path.qdisc().perFlow()) {
        double perQuantum =
            Math.max(1, Math.floor(QUANTUM_BYTES / (flood.packetBytes() + QUANTUM_HEADER_BYTES)));
        perPackets += Math.ceil(packets / perQuantum);
      }
    }
    return (EVENTS_PER_BURST + perPackets) * bursts;
  }
}
