package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** BIC's rules from net/ipv4/tcp_bic.c (Linux 2.6.18), every expected value worked by hand. */
final class BicTest {
  /** One round trip: the window's worth of segments acknowledged one ACK at a time. */
  private static double round(Bic bic, double window) {
    double w = window;
    long acks = (long) window;
    for (long i = 0; i < acks; i++) {
      w = bic.acked(w, 1, 0);
    }
    return w;
  }

  @Test
  void aLossCutsTheWindowTo819Of1024AndRemembersIt() {
    Bic bic = new Bic();
    // 1000 x 819 / 1024 = 799.8, an integer division in the kernel: 799.
    assertEquals(799, bic.lost(1000, 0), 0);
    assertEquals(1000, bic.lastMax());
  }

  @Test
  void aLossBelowTheLastMaximumLowersItFurther_fastConvergence() {
    Bic bic = new Bic();
    bic.lost(1000, 0);
    // 900 < 1000: last_max = 900 x (1024 + 819) / 2048 = 809.9 -> 809; ssthresh 900 x 819 / 1024
    // = 719.8 -> 719.
    assertEquals(719, bic.lost(900, 0), 0);
    assertEquals(809, bic.lastMax());
  }

  @Test
  void atOrBelowTheLowWindowItIsReno() {
    Bic bic = new Bic();
    // low_window 14: 12 halves to 6 and grows one segment per window (cnt = cwnd).
    assertEquals(6, bic.lost(12, 0), 0);
    assertEquals(12, bic.segmentsPerIncrement(12));
    assertEquals(14, bic.segmentsPerIncrement(14));
    // Above it the maximum (12 after that loss) steers: 15 < 12 + 4, just past it, so slowly:
    // 15 x 20 / 4 = 75; 20 < 12 + 48 probes: 20 x 3 / (20 - 12) = 7.
    assertEquals(75, bic.segmentsPerIncrement(15));
    assertEquals(7, bic.segmentsPerIncrement(20));
  }

  @Test
  void segmentsPerIncrementFollowEachRegionOfTheSearch() {
    Bic bic = new Bic();
    bic.lost(1000, 0); // last_max 1000
    // Far below: dist = (1000 - 799) / 4 = 50 > 16, so linear: 799 / 16 = 49.
    assertEquals(49, bic.segmentsPerIncrement(799));
    // Binary search: dist = (1000 - 950) / 4 = 12: 950 / 12 = 79.
    assertEquals(79, bic.segmentsPerIncrement(950));
    // Next to the maximum: dist = 3 / 4 = 0 <= 1: 997 x 20 / 4 = 4985.
    assertEquals(4985, bic.segmentsPerIncrement(997));
    // Just past it (1002 < 1000 + 4): 1002 x 20 / 4 = 5010.
    assertEquals(5010, bic.segmentsPerIncrement(1002));
    // Max probing (1020 < 1000 + 16 x 3): 1020 x 3 / 20 = 153.
    assertEquals(153, bic.segmentsPerIncrement(1020));
    // Beyond 1048: linear again, 1100 / 16 = 68.
    assertEquals(68, bic.segmentsPerIncrement(1100));
  }

  @Test
  void beforeAnyLossItGrowsAtLeastFivePercentARoundTrip() {
    // last_max 0: 1000 >= 0 + 48, so cwnd / 16 = 62, capped at 20 while loss_cwnd is 0.
    assertEquals(20, new Bic().segmentsPerIncrement(1000));
  }

  @Test
  void afterALossTheWindowClimbsLinearlyThenSearchesAndPlateausBelowTheMaximum() {
    Bic bic = new Bic();
    double w = bic.lost(1000, 0); // 799
    // Linear region while (1000 - w) / 4 > 16, i.e. below 932: cnt = floor(w / 16), so a round
    // of w ACKs adds between 16 x 799 / 815 = 15.7 and 16 x 799 / 783 = 16.3 segments. Eight
    // rounds: 799 + 8 x [15.7, 16.3] = [924.6, 929.4].
    for (int i = 0; i < 8; i++) {
      w = round(bic, w);
    }
    assertTrue(w >= 924.6 && w <= 929.4, "after 8 rounds " + w);
    // Then each round adds about dist = (1000 - w) / 4 (integer), the distance shrinking by a
    // quarter a round: 928 -> 944 (dist 18 > 16: still +16) -> 958 (14) -> 968 (10) -> 976 (8)
    // -> 982 (6) -> 986 (4) -> 989 (3) -> 991 (2) -> 993 (2): ten more rounds end within 8 of
    // the maximum, where dist <= 1 and the window grows only 4 / 20 = 0.2 a round.
    for (int i = 0; i < 10; i++) {
      w = round(bic, w);
    }
    assertTrue(w >= 990 && w < 996, "after 18 rounds " + w);
    // Twenty rounds on the plateau add at most 20 x 0.2 = 4 segments, and it stays below 1000.
    double plateau = w;
    for (int i = 0; i < 20; i++) {
      w = round(bic, w);
    }
    assertTrue(w - plateau <= 4.2 && w < 1000, "after 38 rounds " + w + " from " + plateau);
    // Reno from 500 would still be 500 + 38 = 538 below its maximum of 1000.
  }
}
