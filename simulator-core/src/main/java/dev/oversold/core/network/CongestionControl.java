package dev.oversold.core.network;

/**
 * One connection's congestion-control state, as a Linux {@code tcp_congestion_ops} keeps it
 * (include/net/tcp.h): how the window grows in congestion avoidance and where it goes after a loss.
 * Slow start, the window's cap and the recovery itself are the sender's ({@link TcpSender}).
 * Windows are in segments and fractional: the kernel's integer {@code snd_cwnd} with its {@code
 * snd_cwnd_cnt} counter of ACKed segments, as one number.
 */
public interface CongestionControl {
  /**
   * The window after {@code ackedSegments} more are acknowledged in congestion avoidance.
   *
   * @param window the window now, segments (at least the slow-start threshold)
   * @param nowNanos simulated time of the ACK
   */
  double acked(double window, double ackedSegments, long nowNanos);

  /**
   * A loss event with the window at {@code window} segments: the new slow-start threshold, which
   * the sender also takes as its window (fast recovery's end).
   */
  double lost(double window, long nowNanos);

  /** A round-trip sample (send to ACK, nanoseconds); by default unused. */
  default void rtt(long rttNanos, long nowNanos) {}

  /** Reno (RFC 5681): one segment per window acknowledged; half the window on a loss. */
  static CongestionControl reno() {
    return new CongestionControl() {
      @Override
      public double acked(double window, double ackedSegments, long nowNanos) {
        return window + ackedSegments / window;
      }

      @Override
      public double lost(double window, long nowNanos) {
        // RFC 5681 (3.2): ssthresh = max(FlightSize / 2, 2 SMSS), FlightSize being the window
        // for a bulk sender.
        return Math.max(window / 2, 2.0);
      }
    };
  }

  /** BIC, Linux 2.6.8 to 2.6.18's default ({@link Bic}). */
  static CongestionControl bic() {
    return new Bic();
  }

  /** CUBIC, Linux's default since 2.6.19 ({@link Cubic}). */
  static CongestionControl cubic() {
    return new Cubic();
  }
}
