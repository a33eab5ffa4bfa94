package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

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
 * <p>Not modelled for a bulk sender: the retransmission timeout for a loss with nothing sent behind
 * it (a bulk sender always has data behind it), delayed ACKs, SACK's finer recovery, and the
 * receive window (assumed larger than the send buffer).
 *
 * <p><b>A response</b> ({@link #response}: a server's reply of a known size on a connection that is
 * new or has been idle past its RTO) is the same sender with what a short transfer needs:
 *
 * <ul>
 *   <li>the kernel's initial window in MSS ({@code initialSegments}: RFC 3390's 3 at a 1,448 B MSS
 *       in 2.6.18-2.6.38's {@code tcp_init_cwnd}, net/ipv4/tcp_input.c; RFC 6928's 10 from 2.6.39's
 *       {@code TCP_INIT_CWND}), counted in MSS even where the path sends GSO segments (Linux's
 *       {@code snd_cwnd} counts MSS packets, {@code tcp_skb_pcount}; {@code tcp_mss_split_point}
 *       cuts a GSO segment to the window's room in whole MSS);
 *   <li>slow start, one MSS more per MSS acknowledged (RFC 5681 3.1, {@code tcp_slow_start});
 *   <li>the last, shorter segment sent once the data ends ({@link #close}; PSH);
 *   <li>loss recovery by SACK (RFC 6675, on by default, {@code sysctl_tcp_sack}): a segment is lost
 *       once more than {@link #DUP_THRESH} - 1 MSS sent after it have been delivered ({@code
 *       IsLost}, {@code tcp_mark_head_lost}), which the sender learns with the ACK of the delivery
 *       that crosses it, about one round trip after the drop; it is sent again at once (fast
 *       retransmit, RFC 5681 3.2) and the window is cut as the algorithm says (once per window,
 *       NewReno's rule above). A loss with too little sent after it (the tail of the response)
 *       waits for the retransmission timeout, {@link #RTO_MIN_NANOS} from the drop ({@code
 *       tcp_retransmit_timer}: on a LAN the RTO is its minimum), after which the window is one MSS
 *       (RFC 5681 eq. 4, {@code tcp_enter_loss});
 *   <li>restart after idle (RFC 5681 4.1, {@code tcp_cwnd_restart} in net/ipv4/tcp_output.c, on by
 *       {@code tcp_slow_start_after_idle}): a write with nothing in flight for longer than the RTO
 *       halves the window once per RTO idle, down to no less than the initial window.
 * </ul>
 *
 * A response whose data all leaves in its first flight and arrives hears no ACK: the sender is done
 * with it when the last segment is delivered, which costs no event of its own.
 */
public final class TcpSender {
  /** RFC 6928's initial window, segments. */
  public static final int INITIAL_SEGMENTS = 10;

  /** Segments handed to the path as one frame at most (the ring takes them a descriptor each). */
  static final int MAX_BATCH = 16;

  /** TCP_RTO_MIN: 200 ms (include/net/tcp.h); the wait for a loss before any round trip is seen. */
  static final long FIRST_LOSS_WAIT_NANOS = 200 * SimTime.MILLISECOND;

  /**
   * The retransmission timeout of a response's connection: TCP_RTO_MIN, 200 ms (include/net/tcp.h,
   * HZ / 5); RFC 6298's SRTT + 4 RTTVAR stays below it on the LANs modelled.
   */
  public static final long RTO_MIN_NANOS = 200 * SimTime.MILLISECOND;

  /** RFC 6675's DupThresh (RFC 5681's three duplicate ACKs; Linux's tcp_reordering default 3). */
  static final int DUP_THRESH = 3;

  /** How a sender learns of a dropped segment. */
  private enum Recovery {
    /** A bulk sender: about one smoothed round trip after the segment was sent. */
    BULK,
    /** SACK with the MSS delivered behind it, else the retransmission timeout. */
    SACK_OR_RTO
  }

  private final Simulation simulation;
  private final Flow flow;
  private final int segmentBytes;
  private final Framing framing;
  private final double maxWindowBytes;
  private final long ackDelayNanos;
  private final Consumer<Frame> path;
  private final LongConsumer acknowledged;
  private final CongestionControl control;
  private final int mssBytes;
  private final int maxBatch;
  private final Recovery recovery;
  private final double initialWindow;

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

  // Responses only: losses waiting for SACK or the RTO, batches in sending order, the data's end.
  private final ArrayList<Loss> losses = new ArrayList<>(0);
  private long batchesSent;
  private long lastSentAt = Long.MIN_VALUE;
  private boolean closed;
  private long undeliveredBytes;
  private long unheardAckBytes;
  private @Nullable Runnable allDelivered;

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
    this(
        simulation,
        flow,
        framing,
        segmentBytes,
        segmentBytes,
        INITIAL_SEGMENTS,
        MAX_BATCH,
        Recovery.BULK,
        maxWindowBytes,
        ackDelayNanos,
        path,
        acknowledged,
        control);
  }

  private TcpSender(
      Simulation simulation,
      Flow flow,
      Framing framing,
      int segmentBytes,
      int mssBytes,
      int initialSegments,
      int maxBatch,
      Recovery recovery,
      long maxWindowBytes,
      long ackDelayNanos,
      Consumer<Frame> path,
      LongConsumer acknowledged,
      CongestionControl control) {
    Preconditions.checkArgument(segmentBytes >= 1, "segment must be positive: %s", segmentBytes);
    Preconditions.checkArgument(
        mssBytes >= 1 && mssBytes <= segmentBytes, "MSS out of 1..%s: %s", segmentBytes, mssBytes);
    Preconditions.checkArgument(
        initialSegments >= 1, "initial window below 1: %s", initialSegments);
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
    this.mssBytes = mssBytes;
    this.maxBatch = maxBatch;
    this.recovery = recovery;
    this.initialWindow = Math.min(maxWindowBytes, (double) initialSegments * mssBytes);
    this.window = initialWindow;
  }

  /**
   * A response's sender (see the class comment): segments of up to {@code segmentBytes} (a GSO
   * segment, or one MSS where the path has no GSO), a window of {@code initialSegments} MSS at
   * first, losses recovered by SACK or the RTO. Write the response, then {@link #close} it.
   *
   * @param mssBytes the connection's MSS (1,448 B on a 1,500 B MTU with timestamps)
   * @param initialSegments the kernel's initial window, in MSS
   */
  public static TcpSender response(
      Simulation simulation,
      Flow flow,
      Framing framing,
      int segmentBytes,
      int mssBytes,
      int initialSegments,
      long maxWindowBytes,
      long ackDelayNanos,
      Consumer<Frame> path,
      CongestionControl control) {
    return new TcpSender(
        simulation,
        flow,
        framing,
        segmentBytes,
        mssBytes,
        initialSegments,
        Integer.MAX_VALUE,
        Recovery.SACK_OR_RTO,
        maxWindowBytes,
        ackDelayNanos,
        path,
        bytes -> {},
        control);
  }

  /**
   * The data written so far is all there is for now (responses): the last, shorter segment may go,
   * and {@code delivered} runs once every byte written has been delivered (left the last stage of
   * the path; at once if none is outstanding). A later write opens the data again.
   */
  public void close(Runnable delivered) {
    closed = true;
    allDelivered = delivered;
    fill();
    finishIfDelivered();
  }

  private void finishIfDelivered() {
    Runnable done = allDelivered;
    if (closed && done != null && undeliveredBytes == 0) {
      allDelivered = null;
      done.run();
    }
  }

  /** The application writes {@code bytes} more (whole segments are sent; a remainder waits). */
  public void write(long bytes) {
    Preconditions.checkArgument(bytes >= 0, "negative write: %s", bytes);
    if (recovery == Recovery.SACK_OR_RTO) {
      hearUnheardAcks();
      restartAfterIdle();
      closed = false;
      undeliveredBytes += bytes;
    }
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
    while (unsentBytes > 0 && inFlightBytes + mssBytes <= window) {
      // The window's room in whole MSS (tcp_cwnd_test, tcp_mss_split_point).
      long roomBytes = ((long) ((window - inFlightBytes) / mssBytes)) * mssBytes;
      long count = Math.min(Math.min(roomBytes, unsentBytes) / segmentBytes, maxBatch);
      if (count >= 1) {
        send(segmentBytes, (int) count);
      } else if (roomBytes < unsentBytes && roomBytes < segmentBytes) {
        send((int) roomBytes, 1); // a GSO segment cut to the window
      } else if (closed) {
        send((int) unsentBytes, 1); // the data's end: the last, shorter segment
      } else {
        return; // a remainder waits for more data
      }
    }
  }

  private void send(int bytesEach, int count) {
    long bytes = (long) bytesEach * count;
    unsentBytes -= bytes;
    inFlightBytes += bytes;
    segmentsSent += count;
    lastSentAt = simulation.now();
    path.accept(new Frame(flow, framing, bytesEach, count, new Batch(simulation.now())));
  }

  /**
   * The ACKs not simulated (deliveries with nothing left to send) grow the window before the next
   * write, as they would have on arriving: a next request on a connection comes at least a round
   * trip after the response's last delivery, so they have arrived by then.
   */
  private void hearUnheardAcks() {
    if (unheardAckBytes > 0) {
      grow(unheardAckBytes, simulation.now());
      unheardAckBytes = 0;
    }
  }

  /**
   * tcp_cwnd_restart (net/ipv4/tcp_output.c; RFC 5681 4.1, RFC 2861): idle longer than the RTO with
   * nothing in flight, the window halves once per RTO elapsed, not below the initial window.
   */
  private void restartAfterIdle() {
    if (inFlightBytes > 0 || lastSentAt == Long.MIN_VALUE) {
      return;
    }
    long idle = simulation.now() - lastSentAt;
    double restart = Math.min(window, initialWindow);
    while ((idle -= RTO_MIN_NANOS) > 0 && window > restart) {
      window /= 2;
    }
    window = Math.max(window, restart);
  }

  /** The segments sent together; a qdisc may split them, each part reports to this. */
  private final class Batch implements Frame.Outcome {
    private final long sentAt;
    private final long index = batchesSent++;

    Batch(long sentAt) {
      this.sentAt = sentAt;
    }

    @Override
    public void delivered(Frame frame) {
      long bytes = frame.bytes();
      if (recovery == Recovery.SACK_OR_RTO) {
        undeliveredBytes -= bytes;
        if (unsentBytes == 0 && losses.isEmpty()) {
          // Nothing left to send and nothing to recover: the ACK changes nothing this sender
          // still does (a response's connection is not reused before the RTO), so it costs no
          // event. inFlight drops now rather than a round trip later, which only the next
          // write's idle restart could see, and that needs an RTO of idleness.
          inFlightBytes -= bytes;
          unheardAckBytes += bytes;
          finishIfDelivered();
          return;
        }
        simulation.scheduleAfter(ackDelayNanos, () -> sackAcked(index, sentAt, bytes));
        return;
      }
      simulation.scheduleAfter(ackDelayNanos, () -> acked(sentAt, bytes));
    }

    @Override
    public void dropped(Frame frame) {
      long bytes = frame.bytes();
      segmentsLost += frame.packets();
      if (recovery == Recovery.SACK_OR_RTO) {
        // A qdisc or ring keeps a batch's head and drops its tail: the lost part is the last
        // bytes of the batch, behind which only later batches are sent.
        Loss loss = new Loss(index, sentAt, bytes, frame.payloadBytes(), frame.packets());
        losses.add(loss);
        simulation.scheduleAfter(RTO_MIN_NANOS, () -> timedOut(loss));
        return;
      }
      long wait =
          smoothedRttNanos < 0
              ? FIRST_LOSS_WAIT_NANOS
              : Math.max(0, sentAt + (long) smoothedRttNanos - simulation.now());
      simulation.scheduleAfter(wait, () -> lost(sentAt, bytes));
    }
  }

  /** A dropped part of a batch, waiting for SACK to mark it lost or for the RTO. */
  private static final class Loss {
    final long index;
    final long sentAt;
    final long bytes;
    final int bytesEach;
    final int count;
    long deliveredAfter;

    Loss(long index, long sentAt, long bytes, int bytesEach, int count) {
      this.index = index;
      this.sentAt = sentAt;
      this.bytes = bytes;
      this.bytesEach = bytesEach;
      this.count = count;
    }
  }

  /** A response's ACK: SACK's count for the losses before it, then the window as for any ACK. */
  private void sackAcked(long index, long sentAt, long bytes) {
    for (int i = 0; i < losses.size(); ) {
      Loss loss = losses.get(i);
      if (loss.index < index) {
        loss.deliveredAfter += bytes;
        // RFC 6675 IsLost: more than (DupThresh - 1) x SMSS bytes above it SACKed.
        if (loss.deliveredAfter > (long) (DUP_THRESH - 1) * mssBytes) {
          losses.remove(i);
          inFlightBytes -= loss.bytes;
          reduce(loss.sentAt, false);
          resend(loss);
          continue;
        }
      }
      i++;
    }
    acked(sentAt, bytes);
    finishIfDelivered();
  }

  /** The RTO of a loss SACK has not marked: the window falls to one MSS and it goes again. */
  private void timedOut(Loss loss) {
    if (!losses.remove(loss)) {
      return; // already sent again by fast retransmit
    }
    inFlightBytes -= loss.bytes;
    reduce(loss.sentAt, true);
    resend(loss);
    fill();
  }

  private void reduce(long sentAt, boolean timeout) {
    if (sentAt >= lastReductionAt) {
      slowStartThreshold = control.lost(window / mssBytes, simulation.now()) * mssBytes;
      window = slowStartThreshold;
      lastReductionAt = simulation.now();
      reductions++;
    }
    if (timeout) {
      window = mssBytes; // RFC 5681 eq. 4, the loss window: one segment
    }
  }

  /** Fast retransmit or the RTO's resend: the lost segments go at once, ahead of the window. */
  private void resend(Loss loss) {
    inFlightBytes += loss.bytes;
    segmentsSent += loss.count;
    lastSentAt = simulation.now();
    path.accept(new Frame(flow, framing, loss.bytesEach, loss.count, new Batch(simulation.now())));
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
    grow(bytes, now);
    acknowledged.accept(bytes);
    fill();
  }

  private void grow(long bytes, long now) {
    if (window < slowStartThreshold) {
      window += bytes; // slow start: one segment per segment acknowledged
    } else {
      window = control.acked(window / mssBytes, (double) bytes / mssBytes, now) * mssBytes;
    }
    window = Math.min(window, maxWindowBytes);
  }

  private void lost(long sentAt, long bytes) {
    inFlightBytes -= bytes;
    unsentBytes += bytes; // sent again, ahead of nothing else in this fluid
    if (sentAt >= lastReductionAt) {
      // NewReno's recovery (RFC 6582) leaves cwnd at the ssthresh the algorithm sets (Linux:
      // tcp_congestion_ops.ssthresh, then tcp_end_cwnd_reduction).
      slowStartThreshold = control.lost(window / mssBytes, simulation.now()) * mssBytes;
      window = slowStartThreshold;
      lastReductionAt = simulation.now();
      reductions++;
    }
    fill();
  }
}
