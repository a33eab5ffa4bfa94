package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.network.CongestionControl;
import dev.oversold.core.network.Flow;
import dev.oversold.core.network.Frame;
import dev.oversold.core.network.Framing;
import dev.oversold.core.network.Htb;
import dev.oversold.core.network.PacketStage;
import dev.oversold.core.network.TcpSender;
import dev.oversold.core.network.TxPath;
import dev.oversold.core.platform.NetworkPath;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.workload.NetworkAccess;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A guest's way onto its host's network (one vNIC per guest, used by every tenant in it). Transmit:
 * its shaper (when its plan limits it and the platform shapes on its own interface), its backend
 * (vhost, netback, a vNIC world), then the host's stack, qdisc, ring and wire, then the link's
 * one-way latency. Receive: the latency, the wire and the host's stack, its shaper, its backend.
 *
 * <p>Streams (TCP) go as GSO segments of up to {@link #GSO_DATA_BYTES} of data (as one MSS per
 * packet where the path has no GSO: an OpenVZ container's; a net-flood's TCP connection alike). A
 * sent stream (a response) is a {@link TcpSender#response}: the kernel's initial window, slow
 * start, SACK recovery and the RTO. A received one has at most {@link #WINDOW_SEGMENTS} in flight
 * and a dropped segment is sent again after TCP's minimum retransmission timeout. Datagrams (UDP)
 * go as one batch of packets of the given IP size and what is dropped is lost. Bytes handed in are
 * the sender's data; the protocol headers are added per frame on the wire ({@link Framing}).
 */
final class TenantNetwork implements NetworkAccess {
  /** Largest GSO/TSO segment (GSO_MAX_SIZE 65,536 less one, the IP length field's limit). */
  static final int GSO_BYTES = 65_535;

  /** TCP's MSS on a 1,500 B MTU with timestamps: 1,448 B ({@link Framing#TCP}). */
  static final int MSS_BYTES = Framing.TCP.dataPerFrame(HostNetwork.MTU);

  /**
   * Data in one full GSO segment: the largest multiple of the MSS whose IP packet (one set of
   * headers) fits {@link #GSO_BYTES}, 45 x 1,448 = 65,160 B. tcp_xmit_size_goal (net/ipv4/tcp.c)
   * sizes a GSO segment as whole MSS under the device's gso_max_size less the header room.
   */
  static final int GSO_DATA_BYTES = (GSO_BYTES - Framing.TCP.headerBytes()) / MSS_BYTES * MSS_BYTES;

  /**
   * Segments a stream keeps in flight: the default largest send buffer, tcp_wmem's 4 MiB, in 64 KiB
   * segments (assumption: the window never limits a transfer below its buffer). Of MSS packets (no
   * GSO) it is 92,672 B, about the peer's initial receive window (tcp_rmem's default 87,380 B,
   * net/ipv4/tcp.c), so a burst of them never overfills a 1,000-packet qdisc on its own.
   */
  static final int WINDOW_SEGMENTS = 64;

  /** TCP_RTO_MIN: 200 ms (include/net/tcp.h, HZ / 5). */
  static final long RTO_NANOS = 200 * SimTime.MILLISECOND;

  private final HostNetwork host;
  private final Simulation simulation;
  private final Flow transmitFlow;
  private final Flow receiveFlow;
  private final @Nullable PacketStage transmitShaper;
  private final @Nullable PacketStage receiveShaper;
  private final @Nullable PacketStage transmitBackend;
  private final @Nullable PacketStage receiveBackend;
  private long retransmits;

  // The stages' continuations, made once instead of per frame (the host's paths are final).
  private final Consumer<Frame> afterTransmitShaper;
  private final Consumer<Frame> afterHostReceive;

  /**
   * @param ownCpu the guest's own CPU (its cgroup, its VM's vCPU share), where a backend that runs
   *     as the tenant's thread (vhost-net in the VM's cgroup, an ESXi vNIC world charged to the VM)
   *     is charged
   */
  TenantNetwork(HostNetwork host, String name, ShareSettings limits, Share ownCpu) {
    this.host = host;
    this.simulation = host.simulation();
    this.transmitFlow = new Flow(name + "/tx");
    this.receiveFlow = new Flow(name + "/rx");
    NetworkPath path = host.path();
    double limit = limits.cap();
    boolean shaped = Double.isFinite(limit);
    Htb htb = host.htb();
    if (htb != null) {
      double line = host.lineBytesPerSecond();
      Htb.ClassSpec own =
          shaped
              ? new Htb.ClassSpec(limit, limit, burst(limit))
              : new Htb.ClassSpec(line / host.tenantCount(), line, burst(line));
      htb.addClass(transmitFlow, own);
    }
    this.transmitShaper = shaped && path.shaping().ownInterface() ? bucket(limit) : null;
    this.receiveShaper = shaped && path.shaping().shapesReceive() ? bucket(limit) : null;
    if (host.uplink() != null) {
      host.uplink().weigh(transmitFlow, limits.weight());
    }
    NetworkPath.Stage backend = path.backend();
    if (backend.present()) {
      Share cpu = host.siteCpu(backend.site(), ownCpu);
      this.transmitBackend =
          new SharePacketStage(
              simulation, cpu, backend.nanosPerPacket(), backend.latencyNanos(), backend.backlog());
      this.receiveBackend =
          new SharePacketStage(
              simulation, cpu, backend.nanosPerPacket(), backend.latencyNanos(), backend.backlog());
    } else {
      this.transmitBackend = null;
      this.receiveBackend = null;
    }
    TxPath hostTransmit = host.transmit();
    Consumer<Frame> hostSend = hostTransmit::send;
    Consumer<Frame> deliver = Frame::deliver;
    Consumer<Frame> afterReceiveShaper = g -> through(receiveBackend, g, deliver);
    this.afterTransmitShaper = f -> through(transmitBackend, f, hostSend);
    this.afterHostReceive = f -> through(receiveShaper, f, afterReceiveShaper);
  }

  /** HTB's burst: one refill interval of the rate, at least one GSO segment. */
  private static long burst(double rate) {
    return Math.max(GSO_BYTES + 14L, (long) (rate * TenantRuntime.NETWORK_LIMIT_SLICE_NANOS / 1e9));
  }

  private PacketStage bucket(double rate) {
    return new TokenBucketStage(simulation, rate, TenantRuntime.NETWORK_LIMIT_SLICE_NANOS);
  }

  @Override
  public void send(long bytes, Runnable done) {
    respond(bytes, transmitSegment(GSO_BYTES), done);
  }

  /**
   * A response of {@code bytes} on a connection of its own (a new one, or one idle past its RTO):
   * {@link TcpSender#response} from the kernel's initial window ({@link
   * HostNetwork#tcpInitialWindow}) under the kernel's congestion control, with SACK recovery and
   * the RTO; {@code done} runs when its last byte has crossed the link.
   */
  private void respond(long bytes, int segmentBytes, Runnable done) {
    if (bytes <= 0) {
      done.run();
      return;
    }
    TcpSender sender = responseSender(segmentBytes);
    sender.write(bytes);
    sender.close(() -> after(true, done));
  }

  private TcpSender responseSender(int segmentBytes) {
    return TcpSender.response(
        simulation,
        transmitFlow,
        Framing.TCP,
        segmentBytes,
        Math.min(MSS_BYTES, segmentBytes),
        host.tcpInitialWindow(),
        (long) WINDOW_SEGMENTS * GSO_BYTES,
        2 * host.oneWayLatencyNanos(),
        frame -> inject(true, frame),
        control(host.tcpCongestionControl()));
  }

  /**
   * A connection whose responses share one {@link TcpSender#response}: the second and later start
   * from the window the earlier ones left, restarted only after an RTO of idleness ({@code
   * tcp_cwnd_restart}).
   */
  @Override
  public ResponseConnection openResponses() {
    return new ResponseConnection() {
      private @Nullable TcpSender sender;

      @Override
      public void send(long bytes, Runnable done) {
        if (bytes <= 0) {
          done.run();
          return;
        }
        TcpSender connection = sender;
        if (connection == null) {
          connection = responseSender(transmitSegment(GSO_BYTES));
          sender = connection;
        }
        connection.write(bytes);
        connection.close(() -> after(true, done));
      }
    };
  }

  /**
   * Sends {@code bytes} as a stream without a congestion window (as a received stream goes: at most
   * {@link #WINDOW_SEGMENTS} segments in flight, a drop sent again after the RTO). Tests of the
   * path's stages drive it with this, so that what they measure is the path, not slow start.
   */
  void sendWithoutWindow(long bytes, Runnable done) {
    new Stream(true, bytes, transmitSegment(GSO_BYTES), done).start();
  }

  private static CongestionControl control(WorkloadSpec.CongestionControl algorithm) {
    return switch (algorithm) {
      case RENO -> CongestionControl.reno();
      case BIC -> CongestionControl.bic();
      case CUBIC -> CongestionControl.cubic();
    };
  }

  /**
   * The data of one packet of TCP the tenant sends, as it reaches the host's qdisc, for packets of
   * {@code packetBytes} asked for (IP, headers included; a stream asks for a full GSO segment): the
   * {@link #segment} of the packet the path's segmentation makes of it ({@link
   * NetworkPath.Segmentation#packetBytes}: one MTU packet, so one MSS of data, on an OpenVZ
   * container's venet). Streams, a net-flood's connection and packet-sized sends all ask here.
   */
  private int transmitSegment(long packetBytes) {
    return segment(host.path().segmentation().packetBytes(packetBytes, HostNetwork.MTU));
  }

  @Override
  public void receive(long bytes, Runnable done) {
    new Stream(false, bytes, GSO_DATA_BYTES, done).start();
  }

  @Override
  public void send(long bytes, long packetBytes, Runnable done) {
    respond(bytes, transmitSegment(packetBytes), done);
  }

  @Override
  public void receive(long bytes, long packetBytes, Runnable done) {
    new Stream(false, bytes, segment(packetBytes), done).start();
  }

  @Override
  public void sendDatagrams(long packets, int packetBytes, LongConsumer delivered) {
    datagrams(true, packets, packetBytes, null, delivered);
  }

  @Override
  public void sendDatagrams(
      long packets, int packetBytes, Runnable released, LongConsumer delivered) {
    datagrams(true, packets, packetBytes, released, delivered);
  }

  @Override
  public void receiveDatagrams(long packets, int packetBytes, LongConsumer delivered) {
    datagrams(false, packets, packetBytes, null, delivered);
  }

  /**
   * A TCP connection under {@code congestion} (by default the platform kernel's, {@link
   * HostNetwork#tcpCongestionControl}) whose segments take the tenant's transmit path (its shaper,
   * its backend, the host's stack, qdisc, ring and wire); an ACK reaches it a round trip of the
   * link's latency after a segment leaves the wire. The window is capped at the largest send buffer
   * ({@link #WINDOW_SEGMENTS} GSO segments, tcp_wmem's 4 MiB). TCP keeps every segment until it is
   * acknowledged, so on OpenVZ the host stack's early release of a container's packets frees no
   * room in the window.
   */
  @Override
  public Connection connect(
      int segmentBytes,
      WorkloadSpec.@Nullable CongestionControl congestion,
      LongConsumer acknowledged) {
    WorkloadSpec.CongestionControl algorithm =
        congestion != null ? congestion : host.tcpCongestionControl();
    TcpSender sender =
        new TcpSender(
            simulation,
            transmitFlow,
            Framing.TCP,
            transmitSegment(segmentBytes),
            (long) WINDOW_SEGMENTS * GSO_BYTES,
            2 * host.oneWayLatencyNanos(),
            frame -> inject(true, frame),
            acknowledged,
            control(algorithm));
    return new Connection() {
      @Override
      public void write(long bytes) {
        sender.write(bytes);
      }

      @Override
      public long unsentBytes() {
        return sender.unsentBytes();
      }
    };
  }

  /**
   * The data of a TCP segment whose IP packet is {@code packetBytes} (headers included): one MSS or
   * less up to the MTU; a larger one is a GSO segment of whole MSS (at least one, at most {@link
   * #GSO_DATA_BYTES}).
   */
  static int segment(long packetBytes) {
    if (packetBytes <= HostNetwork.MTU) {
      return Framing.TCP.dataIn(packetBytes);
    }
    long data = Math.min(GSO_BYTES, packetBytes) - Framing.TCP.headerBytes();
    return (int) Math.max(MSS_BYTES, data / MSS_BYTES * MSS_BYTES);
  }

  /** Segments sent again after a drop, since the start. */
  long retransmits() {
    return retransmits;
  }

  Flow transmitFlow() {
    return transmitFlow;
  }

  Flow receiveFlow() {
    return receiveFlow;
  }

  /**
   * A burst of datagrams. {@code released}, when given, runs once the sender's socket has let go of
   * every packet: where the path releases them ({@link NetworkPath#release()}: at the host stack),
   * or else with {@code delivered}.
   */
  private void datagrams(
      boolean out,
      long packets,
      int packetBytes,
      @Nullable Runnable released,
      LongConsumer delivered) {
    if (packets <= 0) {
      if (released != null) {
        released.run();
      }
      delivered.accept(0);
      return;
    }
    int count = (int) Math.min(Integer.MAX_VALUE, packets);
    boolean releasedAtStack =
        released != null && host.path().release() == NetworkPath.SocketRelease.AT_HOST_STACK;
    long[] got = {0};
    long[] settled = {0};
    long[] let = {0};
    Frame.Outcome outcome =
        new Frame.Outcome() {
          @Override
          public void delivered(Frame frame) {
            got[0] += frame.packets();
            settle(frame);
          }

          @Override
          public void dropped(Frame frame) {
            if (releasedAtStack && !frame.hasLeftStack()) {
              letGo(frame); // dropped before the stack: the socket frees it with the drop
            }
            settle(frame);
          }

          @Override
          public void leftStack(Frame frame) {
            if (releasedAtStack) {
              letGo(frame);
            }
          }

          private void letGo(Frame frame) {
            let[0] += frame.packets();
            if (let[0] == count && released != null) {
              released.run();
            }
          }

          private void settle(Frame frame) {
            settled[0] += frame.packets();
            if (settled[0] == count) {
              after(
                  out,
                  () -> {
                    if (released != null && !releasedAtStack) {
                      released.run();
                    }
                    delivered.accept(got[0]);
                  });
            }
          }
        };
    inject(out, new Frame(flow(out), Framing.UDP, Framing.UDP.dataIn(packetBytes), count, outcome));
  }

  private Flow flow(boolean out) {
    return out ? transmitFlow : receiveFlow;
  }

  /** Runs {@code action} when the last packet is through: after the link's latency on transmit. */
  private void after(boolean out, Runnable action) {
    if (out) {
      simulation.scheduleAfter(host.oneWayLatencyNanos(), action);
    } else {
      action.run();
    }
  }

  /** Puts a frame on its way through the tenant's stages and the host's. */
  private void inject(boolean out, Frame frame) {
    if (out) {
      through(transmitShaper, frame, afterTransmitShaper);
    } else {
      simulation.scheduleAfter(
          host.oneWayLatencyNanos(), () -> host.receive().receive(frame, afterHostReceive));
    }
  }

  private static void through(@Nullable PacketStage stage, Frame frame, Consumer<Frame> next) {
    if (stage == null) {
      next.accept(frame);
    } else {
      stage.process(frame, next);
    }
  }

  /**
   * A TCP transfer without a congestion window (received streams): full segments and a shorter last
   * one, in flight up to {@link #WINDOW_SEGMENTS}; drops are sent again after the RTO.
   */
  private final class Stream implements Frame.Outcome {
    private final boolean out;
    private final int segmentBytes;
    private final int tailBytes;
    private final Runnable done;
    private long unsentFull;
    private boolean tailUnsent;
    private long undelivered;
    private int inFlight;

    Stream(boolean out, long bytes, int segmentBytes, Runnable done) {
      this.out = out;
      this.segmentBytes = segmentBytes;
      this.done = done;
      long clamped = Math.max(0, bytes);
      this.unsentFull = clamped / segmentBytes;
      this.tailBytes = (int) (clamped % segmentBytes);
      this.tailUnsent = tailBytes > 0;
      this.undelivered = unsentFull + (tailUnsent ? 1 : 0);
    }

    void start() {
      if (undelivered == 0) {
        done.run();
        return;
      }
      fill();
    }

    private void fill() {
      int room = WINDOW_SEGMENTS - inFlight;
      if (room > 0 && unsentFull > 0) {
        int count = (int) Math.min(room, unsentFull);
        unsentFull -= count;
        inFlight += count;
        room -= count;
        inject(out, new Frame(flow(out), Framing.TCP, segmentBytes, count, this));
      }
      if (room > 0 && tailUnsent) {
        tailUnsent = false;
        inFlight++;
        inject(out, new Frame(flow(out), Framing.TCP, tailBytes, 1, this));
      }
    }

    @Override
    public void delivered(Frame frame) {
      inFlight -= frame.packets();
      undelivered -= frame.packets();
      if (undelivered == 0) {
        after(out, done);
      } else {
        fill();
      }
    }

    @Override
    public void dropped(Frame frame) {
      retransmits += frame.packets();
      int count = frame.packets();
      int size = frame.payloadBytes();
      simulation.scheduleAfter(
          RTO_NANOS, () -> inject(out, new Frame(flow(out), Framing.TCP, size, count, this)));
    }
  }
}
