package dev.oversold.core.network;

import dev.oversold.core.engine.SimTime;

/**
 * CUBIC (Ha, Rhee and Xu, 2008), Linux's default since 2.6.19, as net/ipv4/tcp_cubic.c (v2.3, Linux
 * 3.x to 6.x) grows the window: after a loss the window drops to {@link #BETA}/1024 of itself, then
 * follows W(t) = C (t - K)^3 + W_max in real time since the epoch began, K being when the curve is
 * back at the window before the loss ({@code bictcp_update}); {@code cnt} is the segments
 * acknowledged per one-segment increase that aims at the curve's value one minimum RTT ahead. Two
 * floors: at least two segments per increase (1.5x a round trip at most), and no slower than an
 * AIMD flow with the same back-off would grow ("TCP friendliness", {@code tcp_cwnd}). Fast
 * convergence lowers W_max when a flow loses below its previous maximum.
 *
 * <p>The kernel computes in fixed point (time in 1/1024 s, a table-and-Newton cube root with 0.2 %
 * error); here the curve is in doubles and {@code cnt} uses the integer window with the kernel's
 * integer divisions. Not modelled: HyStart (slow start here ends at the first loss), the
 * once-per-jiffy recomputation limit, and the idle-restart shift of the epoch (a bulk sender is
 * never idle).
 */
final class Cubic implements CongestionControl {
  /** BICTCP_BETA_SCALE: beta is in 1024ths. */
  static final int BETA_SCALE = 1024;

  /** beta = 717/1024: about 0.7 of the window is kept after a loss. */
  static final int BETA = 717;

  /**
   * C, segments per second cubed: bic_scale 41 x 10 / 1024 ({@code cube_rtt_scale}, whose curve is
   * in units of 1/1024 s).
   */
  static final double C = 41 * 10 / 1024.0;

  /**
   * {@code beta_scale} = 8 (1024 + beta) / 3 / (1024 - beta) = 15 in integers: the AIMD flow CUBIC
   * keeps up with grows one segment per 15/8 windows acknowledged.
   */
  static final long BETA_SCALE_FRIENDLY = 8L * (BETA_SCALE + BETA) / 3 / (BETA_SCALE - BETA);

  /** Delay samples within a second (HZ) of an epoch's start are ignored ({@code pkts_acked}). */
  static final long FRESH_EPOCH_NANOS = SimTime.SECOND;

  private long lastMax;
  private long epochStart = -1;
  private double originPoint;
  private double kSeconds;
  private long delayMinNanos;
  private double ackCount;
  private double tcpWindow;

  @Override
  public void rtt(long rttNanos, long nowNanos) {
    if (epochStart >= 0 && nowNanos - epochStart < FRESH_EPOCH_NANOS) {
      return;
    }
    long delay = Math.max(1, rttNanos);
    if (delayMinNanos == 0 || delay < delayMinNanos) {
      delayMinNanos = delay;
    }
  }

  @Override
  public double acked(double window, double ackedSegments, long nowNanos) {
    return window + ackedSegments / segmentsPerIncrement((long) window, ackedSegments, nowNanos);
  }

  /** bictcp_update's {@code cnt} for an integer window, in segments acknowledged. */
  long segmentsPerIncrement(long cwnd, double ackedSegments, long nowNanos) {
    ackCount += ackedSegments;
    if (epochStart < 0) {
      epochStart = nowNanos;
      ackCount = ackedSegments;
      tcpWindow = cwnd;
      if (lastMax <= cwnd) {
        kSeconds = 0;
        originPoint = cwnd;
      } else {
        kSeconds = Math.cbrt((lastMax - cwnd) / C);
        originPoint = lastMax;
      }
    }
    double t = SimTime.toSeconds(nowNanos - epochStart + delayMinNanos);
    double offset = t - kSeconds;
    long target = (long) Math.floor(originPoint + C * offset * offset * offset);
    long cnt = target > cwnd ? cwnd / (target - cwnd) : 100 * cwnd;
    if (lastMax == 0 && cnt > 20) {
      cnt = 20; // before any loss: at least 5 % a round trip
    }
    long delta = (cwnd * BETA_SCALE_FRIENDLY) >> 3; // segments ACKed per AIMD increase
    if (delta > 0) {
      while (ackCount > delta) {
        ackCount -= delta;
        tcpWindow++;
      }
    }
    if (tcpWindow > cwnd) {
      long maxCnt = (long) (cwnd / (tcpWindow - cwnd));
      cnt = Math.min(cnt, maxCnt);
    }
    return Math.max(cnt, 2);
  }

  @Override
  public double lost(double window, long nowNanos) {
    long cwnd = (long) window;
    epochStart = -1;
    if (cwnd < lastMax) {
      lastMax = cwnd * (BETA_SCALE + BETA) / (2 * BETA_SCALE); // fast convergence
    } else {
      lastMax = cwnd;
    }
    return Math.max(cwnd * BETA / BETA_SCALE, 2);
  }

  long lastMax() {
    return lastMax;
  }

  double kSeconds() {
    return kSeconds;
  }
}
