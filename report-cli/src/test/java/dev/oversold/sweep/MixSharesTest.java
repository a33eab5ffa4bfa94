package dev.oversold.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Largest-remainder apportionment; each case worked by hand in its comment. */
final class MixSharesTest {
  @Test
  void exactQuotas_areKept() {
    // 70/25/5 of 20: quotas 14, 5, 1 exactly
    assertEquals(List.of(14, 5, 1), MixShares.apportion(new double[] {70, 25, 5}, 20));
  }

  @Test
  void leftoverGoesToTheLargestRemainder() {
    // 39 web + 1 bully scaled to 30: quotas 29.25 and 0.75; floors 29 + 0 leave 1, which goes to
    // the larger remainder (0.75, the bully)
    assertEquals(List.of(29, 1), MixShares.apportion(new double[] {39, 1}, 30));
  }

  @Test
  void tiesGoToTheTemplateListedFirst() {
    // 70/25/5 of 10: quotas 7, 2.5, 0.5; floors 9, one left; remainders 0.5 and 0.5 tie, so the
    // second template (listed before the third) gets it, and the third gets 0
    assertEquals(List.of(7, 3, 0), MixShares.apportion(new double[] {70, 25, 5}, 10));
  }

  @Test
  void countsAlwaysAddUpToTheTotal() {
    // thirds of 100: quotas 33.33 each; the first template gets the 100th
    assertEquals(List.of(34, 33, 33), MixShares.apportion(new double[] {1, 1, 1}, 100));
  }

  @Test
  void zeroShares_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> MixShares.apportion(new double[] {0, 0}, 5));
  }
}
