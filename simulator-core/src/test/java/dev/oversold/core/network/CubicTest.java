package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CUBIC's rules from net/ipv4/tcp_cubic.c (v2.3), expected values worked by hand. */
final class CubicTest {
  private static final long MS = 1_000_000L;

  /**
   * Round trips of {@code rttNanos} from {@code start}: each acknowledges the window's worth of
   * segments one ACK at a time, spread over the round trip; returns the window at the end.
   */
  private static double rounds(Cubic cubic, double window, int rounds, long start, long rttNanos) {
    double w = window;
    for (int r = 0; r < rounds; r++) {
      long acks = (long) w;
      long roundStart = start + r * rttNanos;
      for (long i = 0; i < acks; i++) {
        long now = roundStart + rttNanos * (i + 1) / acks;
        cubic.rtt(rttNanos, now);
        w = cubic.acked(w, 1, now);
      }
    }
    return w;
  }

  @Test
  void aLossKeeps717Of1024AndRemembersTheWindow() {
    Cubic cubic = new Cubic();
    // 1000 x 717 / 1024 = 700.2 -> 700.
    assertEquals(700, cubic.lost(1000, 0), 0);
    assertEquals(1000, cubic.lastMax());
    // Fast convergence: a loss at 900 < 1000 remembers 900 x 1741 / 2048 = 765.1 -> 765.
    assertEquals(630, cubic.lost(900, 0), 0); // 900 x 717 / 1024 = 630.2
    assertEquals(765, cubic.lastMax());
  }

  @Test
  void theWindowIsBackAtItsMaximumAfterKSecondsWhateverTheRoundTrip() {
    // K = cbrt((1000 - 700) / C), C = 410 / 1024 = 0.4004: cbrt(749.3) = 9.08 s. The curve is
    // in real time, so with 100 ms round trips the window is back at 1000 after about 91 rounds;
    // half way (4.54 s) the curve is 1000 - 0.4004 x 4.54^3 = 962.5. The window trails the
    // curve by about a round trip (cnt aims at the curve's value one RTT ahead): at 4.5 s within
    // [950, 965], at 9.1 s within [990, 1001]. The AIMD estimate (0.53 a round trip: 8/15)
    // reaches only 700 + 48 = 748, so it does not steer.
    Cubic cubic = new Cubic();
    double w = cubic.lost(1000, 0);
    long rtt = 100 * MS;
    w = rounds(cubic, w, 45, 0, rtt);
    assertEquals(9.08, cubic.kSeconds(), 0.01);
    assertTrue(w >= 950 && w <= 965, "at 4.5 s: " + w);
    w = rounds(cubic, w, 46, 45 * rtt, rtt);
    assertTrue(w >= 990 && w <= 1001, "at 9.1 s: " + w);
  }

  @Test
  void onAShortPathItGrowsAtLeastAsFastAsAnAimdFlowWithItsBackOff() {
    // A loss at 20: ssthresh 20 x 717 / 1024 = 14. K = cbrt(6 / 0.4004) = 2.47 s, so over 100
    // rounds of 1 ms the curve stays at or below 20. The TCP-friendly estimate gains one segment
    // per (cwnd x 15) >> 3 ACKs, i.e. about 8/15 = 0.53 segments a round, and caps cnt so the
    // window follows it: 14 + 100 x 0.53 = 67, within [60, 72] for the integer divisions.
    Cubic cubic = new Cubic();
    double w = cubic.lost(20, 0);
    assertEquals(14, w, 0);
    w = rounds(cubic, w, 100, 0, MS);
    assertTrue(w >= 60 && w <= 72, "after 100 rounds of 1 ms: " + w);
  }

  @Test
  void beforeAnyLossItGrowsAtLeastFivePercentARoundTrip() {
    // last_max 0: the curve starts at the window (K = 0, C t^3 tiny at t = 1 ms), cnt would be
    // 100 x cwnd; capped at 20 before any loss.
    assertEquals(20, new Cubic().segmentsPerIncrement(100, 1, MS));
  }
}
