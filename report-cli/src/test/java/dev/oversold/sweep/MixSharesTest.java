package dev.oversold.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sainte-Laguë apportionment; each case worked by hand in its comment. */
final class MixSharesTest {
  @Test
  void exactQuotas_areKept() {
    // 70/25/5 of 20: quotas 14, 5, 1 exactly (divisor 5)
    assertEquals(List.of(14, 5, 1), MixShares.apportion(new double[] {70, 25, 5}, 20));
  }

  @Test
  void quotasRoundToNearest_whenTheyAddUp() {
    // 39 web + 1 bully scaled to 30: quotas 29.25 and 0.75 round to 29 and 1, which add up to 30
    assertEquals(List.of(29, 1), MixShares.apportion(new double[] {39, 1}, 30));
  }

  @Test
  void tiesGoToTheTemplateListedFirst() {
    // 70/25/5 of 10, one at a time by share / (2c + 1): A 70, B 25, then A (23.3 > 8.3) x3 to
    // A=4 (7.78 < 8.33) -> B=2, A=5, A=6, A=7 (9 handed out); the 10th: A 70/15 = 4.67, B 25/5 = 5,
    // C 5/1 = 5: B and C tie, B is listed first. Result 7, 3, 0.
    assertEquals(List.of(7, 3, 0), MixShares.apportion(new double[] {70, 25, 5}, 10));
  }

  @Test
  void countsAlwaysAddUpToTheTotal() {
    // thirds of 100: 33 each after 99, the 100th to the first by the tie rule
    assertEquals(List.of(34, 33, 33), MixShares.apportion(new double[] {1, 1, 1}, 100));
  }

  @Test
  void noAlabamaParadox_onTheTextbookCase() {
    // Shares 6, 6, 2 (of 14): at 10 the largest remainders give 4.2857 -> 4, 4, 1.4286 -> 2 (10);
    // at 11 they give 4.714 -> 5, 5, 1.571 -> 1: the third template would lose one. Sainte-Laguë:
    // at 10, divisor 1.4: 4.29 -> 4, 4, 1.43 -> 1 = 9 is one short; the 10th goes to the largest of
    // 6/9, 6/9, 2/3: a three-way tie at 0.667, so the first: 5, 4, 1. At 11: 6/11 = 0.545, 6/9 =
    // 0.667, 2/3 = 0.667: the second: 5, 5, 1. No count went down.
    assertEquals(List.of(5, 4, 1), MixShares.apportion(new double[] {6, 6, 2}, 10));
    assertEquals(List.of(5, 5, 1), MixShares.apportion(new double[] {6, 6, 2}, 11));
  }

  @Test
  void zeroShares_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> MixShares.apportion(new double[] {0, 0}, 5));
  }
}
