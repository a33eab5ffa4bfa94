package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Bounds every BIC and CUBIC trajectory keeps, whatever the losses (from tcp_bic.c, tcp_cubic.c).
 */
final class CongestionControlProperties {
  private static final long RTT_NANOS = 10_000_000L;

  /**
   * Rounds of one window of ACKs each, with a loss after each count of rounds in {@code lossAfter}
   * (cycled), checking {@code perRound} after every round.
   */
  private interface RoundCheck {
    void check(double before, double after, boolean anyLoss);
  }

  private static void drive(
      CongestionControl control, double start, List<Integer> lossAfter, RoundCheck perRound) {
    double w = start;
    long now = 0;
    boolean anyLoss = false;
    for (int gap : lossAfter) {
      for (int r = 0; r < gap; r++) {
        double before = w;
        long acks = (long) w;
        for (long i = 0; i < acks; i++) {
          now += RTT_NANOS / acks;
          control.rtt(RTT_NANOS, now);
          w = control.acked(w, 1, now);
        }
        perRound.check(before, w, anyLoss);
      }
      double cut = control.lost(w, now);
      assertTrue(cut >= 2 && cut <= Math.max(2, w), "cut " + w + " to " + cut);
      w = cut;
      anyLoss = true;
    }
  }

  @Property(tries = 100)
  void bicNeverGrowsMoreThanMaxIncrementARoundAfterALoss(
      @ForAll @IntRange(min = 15, max = 2000) int start,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40) Integer> lossAfter) {
    // Every region's cnt is at least floor(cwnd / 16) (linear and far past the maximum: cwnd /
    // 16; search: cwnd / dist with dist <= 16; near the maximum cwnd x 5; probing: 3 cwnd / (cwnd
    // - max) with cwnd - max < 48; before any loss, below 48, cwnd x 3 / cwnd = 3), or cwnd at or
    // below low_window: a round of w ACKs adds at most w / floor(w' / 16) <= 16 w / (w - 15), w'
    // >= w being the window during the round. Before the first loss cnt may also be capped at 20:
    // at most w / 20 a round.
    drive(
        new Bic(),
        start,
        lossAfter,
        (before, after, anyLoss) -> {
          double bound = Math.max(1.0001, 16 * before / (before - 15));
          if (!anyLoss) {
            bound = Math.max(bound, before / 20);
          }
          assertTrue(
              after - before <= bound * (1 + 1e-9),
              "grew " + (after - before) + " from " + before + " (bound " + bound + ")");
          assertTrue(after >= before, "shrank without a loss: " + before + " -> " + after);
        });
  }

  @Property(tries = 100)
  void cubicNeverGrowsMoreThanHalfOfWhatIsAcknowledged(
      @ForAll @IntRange(min = 4, max = 2000) int start,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40) Integer> lossAfter) {
    // cnt >= 2 always (bictcp_update's last line): a round of floor(w) ACKs adds at most w / 2.
    drive(
        new Cubic(),
        start,
        lossAfter,
        (before, after, anyLoss) -> {
          assertTrue(
              after - before <= before / 2 * (1 + 1e-9),
              "grew " + (after - before) + " from " + before);
          assertTrue(after >= before, "shrank without a loss: " + before + " -> " + after);
        });
  }
}
