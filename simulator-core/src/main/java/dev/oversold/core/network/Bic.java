package dev.oversold.core.network;

/**
 * BIC (Binary Increase Congestion control; Xu, Harfoush and Rhee, INFOCOM 2004), as Linux 2.6.8 to
 * 2.6.18 ran it by default (net/ipv4/tcp_bic.c; 2.6.19 made CUBIC the default). After a loss the
 * window drops to {@link #BETA}/1024 of itself and remembers where it was ({@code last_max_cwnd});
 * it then climbs back by a binary search towards that maximum: a quarter of the distance per round
 * trip ({@link #B}), but never more than {@link #MAX_INCREMENT} segments a round trip, slowly near
 * the maximum ({@link #SMOOTH_PART}), and past it probes upwards in the mirror image ("max
 * probing"). Small windows ({@link #LOW_WINDOW} and below) grow and back off as Reno.
 *
 * <p>The kernel counts {@code cnt}, the ACKs per one-segment increase, and scales it by its
 * estimate of segments per ACK ({@code delayed_ack}); both together are segments acknowledged per
 * one-segment increase, which is what this class computes ({@link #segmentsPerIncrement}). The
 * window is the kernel's integer {@code snd_cwnd} plus its {@code snd_cwnd_cnt} progress; {@code
 * cnt} is computed from the integer part, with the kernel's integer divisions.
 *
 * <p>Not modelled: the recomputation throttle ({@code bictcp_update} skips the update for HZ/32
 * when the window has not changed, which cannot change {@code cnt}), {@code undo_cwnd} (no
 * spurious-loss detection here) and the reset on a retransmission timeout (the sender has none).
 */
final class Bic implements CongestionControl {
  /** BICTCP_BETA_SCALE: beta is in 1024ths. */
  static final int BETA_SCALE = 1024;

  /** beta = 819/1024: the window after a loss, about 0.8 of the window before it. */
  static final int BETA = 819;

  /** BICTCP_B = 4: the binary search goes a quarter of the way to the maximum a round trip. */
  static final int B = 4;

  /** max_increment = 16 segments: the most the window grows in one round trip while searching. */
  static final int MAX_INCREMENT = 16;

  /** low_window = 14 segments: at or below it BIC is Reno (TCP friendliness). */
  static final int LOW_WINDOW = 14;

  /** smooth_part = 20: within B segments of the maximum, grow B / 20 segments a round trip. */
  static final int SMOOTH_PART = 20;

  /** fast_convergence = 1: a flow losing below its last maximum lowers it further. */
  private static final boolean FAST_CONVERGENCE = true;

  /** last_max_cwnd: the window at the last loss (lowered by fast convergence), segments. */
  private long lastMax;

  /** loss_cwnd: the window at the last loss; 0 before the first. */
  private long lossWindow;

  @Override
  public double acked(double window, double ackedSegments, long nowNanos) {
    return window + ackedSegments / segmentsPerIncrement((long) window);
  }

  /** bictcp_update's {@code cnt} for an integer window, in segments acknowledged. */
  long segmentsPerIncrement(long cwnd) {
    if (cwnd <= LOW_WINDOW) {
      return cwnd; // Reno: one segment per window
    }
    long cnt;
    if (cwnd < lastMax) {
      long dist = (lastMax - cwnd) / B;
      if (dist > MAX_INCREMENT) {
        cnt = cwnd / MAX_INCREMENT; // linear: MAX_INCREMENT segments a round trip
      } else if (dist <= 1) {
        cnt = cwnd * SMOOTH_PART / B; // next to the maximum: B / SMOOTH_PART a round trip
      } else {
        cnt = cwnd / dist; // binary search: dist segments a round trip
      }
    } else if (cwnd < lastMax + B) {
      cnt = cwnd * SMOOTH_PART / B; // just past the maximum: slowly
    } else if (cwnd < lastMax + (long) MAX_INCREMENT * (B - 1)) {
      cnt = cwnd * (B - 1) / (cwnd - lastMax); // max probing: (cwnd - max) / 3 a round trip
    } else {
      cnt = cwnd / MAX_INCREMENT; // far past it: linear again
    }
    if (lossWindow == 0 && cnt > 20) {
      cnt = 20; // before any loss, at least 5 % a round trip
    }
    return Math.max(1, cnt);
  }

  @Override
  public double lost(double window, long nowNanos) {
    long cwnd = (long) window;
    // bictcp_recalc_ssthresh
    if (cwnd < lastMax && FAST_CONVERGENCE) {
      lastMax = cwnd * (BETA_SCALE + BETA) / (2 * BETA_SCALE); // give way to a newer flow
    } else {
      lastMax = cwnd;
    }
    lossWindow = cwnd;
    if (cwnd <= LOW_WINDOW) {
      return Math.max(cwnd >> 1, 2);
    }
    return Math.max(cwnd * BETA / BETA_SCALE, 2);
  }

  /** The remembered maximum, segments (for tests). */
  long lastMax() {
    return lastMax;
  }
}
