package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The sending side of one bulk TCP connection under a congestion-control algorithm ({@link
 * CongestionControl}: Reno, BIC or CUBIC; NewReno's one reduction per window from RFC 6582), fed by
 * what the packet path does to its segments: a segment delivered is acknowledged one {@code
 * ackDelayNanos} later (the return path) and grows the window; a dropped one is noticed about one
 * round trip after it was sent (three duplicate ACKs from the segments behind it) and cuts the
 * window as the algorithm says, then is sent again. Queueing delay reaches the sender as later
 * ACKs, so a fuller queue slows the window's growth per second, as in TCP. Between those events the
 * connection is a fluid of whole segments: it sends whenever the window has room for a segment, in
 * batches of up to {@link #MAX_BATCH} segments per frame.
 *
 * <p>Window: slow start from 10 segments (RFC 6928) by the bytes acknowledged, then congestion
 * avoidance as the algorithm grows it (Reno: one segment per window of acknowledged bytes); at most
 * the socket's send buffer. A loss of data sent before the last reduction belongs to that reduction
 * and does not halve again.
 *
 * <p>Not modelled: the retransmission timeout for a loss with nothing sent behind it (a bulk sender
 * always has data behind it), delayed ACKs, SACK's finer recovery, and the receive window (assumed
 * larger than the send buffer).
 */
public final class TcpSender {
  /** RFC 6928's initial window, segments. */
  public static final int INITIAL_SEGMENTS = 10;

  /** Segments handed to the path as one frame at most (the ring takes them a descriptor each). */
  static final int MAX_BATCH = 16;

  /** TCP_RTO_MIN: 200 ms (include/net/tcp.h); the wait for a loss before any round trip is seen. */
  static final long FIRST_LOSS_WAIT_NANOS = 200 * SimTime.MILLISECOND;

  private final Simulation simulation;
  private final Flow flow;
  private final int segmentBytes;
  private final Framing framing;
  private final double maxWindowBytes;
  private final long ackDelayNanos;
  private final Consumer<Frame> path;
  private final LongConsumer acknowledged;
  private final CongestionControl control;

  private double window;
  private double slowStartThreshold = Double.POSITIVE_INFINITY;
  private long unsentBytes;
  private long inFlightBytes;
  private long lastReductionAt = Long.MIN_VALUE;
  private double smoothedRttNanos = -1;

  private long segmentsSent;
  private long segmentsLost;
  private long reductions;
  private double rttSumNanos;
  private long rttBytes;

  /**
   * A connection whose segments are counted as IP packets, headers included ({@link Framing#IP}).
   */
  public TcpSender(
      Simulation simulation,
      Flow flow,
      int segmentBytes,
      long maxWindowBytes,
      long ackDelayNanos,
      Consumer<Frame> path,
      LongConsumer acknowledged,
      CongestionControl control) {
    this(
        simulation,
        flow,
        Framing.IP,
        segmentBytes,
        maxWindowBytes,
        ackDelayNanos,
        path,
        acknowledged,
        control);
  }

  /**
   * @param framing what a segment's size counts ({@link Framing#TCP}: its data, the headers added
   *     per frame on the wire)
   * @param segmentBytes bytes of one segment as the path carries it (an MTU packet: 1500)
   * @param maxWindowBytes the send buffer: the window never exceeds it
   * @param ackDelayNanos from delivery to the sender hearing of it (the return path's latency)
   * @param path where segments go (the tenant's stages and the host's)
   * @param acknowledged told the bytes of each acknowledged batch
   * @param control the connection's congestion control (a fresh one per connection)
   */
  public TcpSender(
      Simulation simulation,
      Flow flow,
      Framing framing,
      int segmentBytes,
      long maxWindowBytes,
      long ackDelayNanos,
      Consumer<Frame> path,
      LongConsumer acknowledged,
      CongestionControl control) {
    Preconditions.checkArgument(segmentBytes >= 1, "segment must be positive: %s", segmentBytes);
    Preconditions.checkArgument(
        maxWindowBytes >= 2L * segmentBytes, "send buffer below two segments: %s", maxWindowBytes);
    Preconditions.checkArgument(ackDelayNanos >= 0, "negative ACK delay: %s", ackDelayNanos);
    this.simulation = simulation;
    this.flow = flow;
    this.segmentBytes = segmentBytes;
    this.framing = framing;
    this.maxWindowBytes = maxWindowBytes;
    this.ackDelayNanos = ackDelayNanos;
    this.path = path;
    this.acknowledged = acknowledged;
    this.control = control;
    this.window = Math.min(maxWindowBytes, (double) INITIAL_SEGMENTS * segmentBytes);
  }

  /** The application writes {@code bytes} more (whole segments are sent; a remainder waits). */
  public void write(long bytes) {
    Preconditions.checkArgument(bytes >= 0, "negative write: %s", bytes);
    unsentBytes += bytes;
    fill();
  }

  /** Bytes written and not yet sent (the socket's queue in front of the window). */
  public long unsentBytes() {
    return unsentBytes;
  }

  public long inFlightBytes() {
    return inFlightBytes;
  }

  /** The congestion window, bytes. */
  public double windowBytes() {
    return window;
  }

  public long segmentsSent() {
    return segmentsSent;
  }

  public long segmentsLost() {
    return segmentsLost;
  }

  /** Window reductions: loss events, a burst of losses within one window counting once. */
  public long reductions() {
    return reductions;
  }

  /** Mean round trip (send to ACK) over the bytes acknowledged, nanoseconds; 0 before any. */
  public double meanRttNanos() {
    return rttBytes == 0 ? 0 : rttSumNanos / rttBytes;
  }

  private void fill() {
    while (unsentBytes >= segmentBytes && inFlightBytes + segmentBytes <= window) {
      long room = (long) ((window - inFlightBytes) / segmentBytes);
      int count = (int) Math.min(Math.min(room, unsentBytes / segmentBytes), MAX_BATCH);
      long bytes = (long) count * segmentBytes;
      unsentBytes -= bytes;
      inFlightBytes += bytes;
      segmentsSent += count;
      path.accept(new Frame(flow, framing, segmentBytes, count, new Batch(simulation.now())));
    }
  }

  /** The segments sent together; a qdisc may split them, each part reports to this. */
  private final class Batch implements Frame.Outcome {
    private final long sentAt;

    Batch(long sentAt) {
      this.sentAt = sentAt;
    }

    @Override
    public void delivered(Frame frame) {
      long bytes = frame.bytes();
      simulation.scheduleAfter(ackDelayNanos, () -> acked(sentAt, bytes));
    }

    @Override
    public void dropped(Frame frame) {
      long bytes = frame.bytes();
      segmentsLost += frame.packets();
      long wait =
          smoothedRttNanos < 0
              ? FIRST_LOSS_WAIT_NANOS
              : Math.max(0, sentAt + (long) smoothedRttNanos - simulation.now());
      simulation.scheduleAfter(wait, () -> lost(sentAt, bytes));
    }
  }

  private void acked(long sentAt, long bytes) {
    long rtt = simulation.now() - sentAt;
    rttSumNanos += (double) rtt * bytes;
    rttBytes += bytes;
    // RFC 6298: SRTT <- 7/8 SRTT + 1/8 R.
    smoothedRttNanos = smoothedRttNanos < 0 ? rtt : smoothedRttNanos * 7 / 8 + rtt / 8.0;
    inFlightBytes -= bytes;
    long now = simulation.now();
    control.rtt(rtt, now);
    if (window < slowStartThreshold) {
      window += bytes; // slow start: one segment per segment acknowledged
    } else {
      window =
          control.acked(window / segmentBytes, (double) bytes / segmentBytes, now) * segmentBytes;
    }
    window = Math.min(window, maxWindowBytes);
    acknowledged.accept(bytes);
    fill();
  }

  private void lost(long sentAt, long bytes) {
    inFlightBytes -= bytes;
    unsentBytes += bytes; // sent again, ahead of nothing else in this fluid
    if (sentAt >= lastReductionAt) {
      // NewReno's recovery (RFC 6582) leaves cwnd at the ssthresh the algorithm sets (Linux:
      // tcp_congestion_ops.ssthresh, then tcp_end_cwnd_reduction).
      slowStartThreshold = control.lost(window / segmentBytes, simulation.now()) * segmentBytes;
      window = slowStartThreshold;
      lastReductionAt = simulation.now();
      reductions++;
    }
    fill();
  }
}
