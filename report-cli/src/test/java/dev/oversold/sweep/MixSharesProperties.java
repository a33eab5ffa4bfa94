package dev.oversold.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * What a scaled mix must do for any shares: add up to the total, and never take a tenant from a
 * template when the total grows (house monotonicity, which the plan's search over the total needs).
 */
final class MixSharesProperties {
  @Property(tries = 300)
  void counts_addUp_andNeverShrinkAsTheTotalGrows(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 100) Integer> weights,
      @ForAll @IntRange(min = 0, max = 200) int total) {
    double[] shares = weights.stream().mapToDouble(Integer::doubleValue).toArray();
    List<Integer> now = MixShares.apportion(shares, total);
    List<Integer> next = MixShares.apportion(shares, total + 1);
    assertEquals(total, now.stream().mapToInt(Integer::intValue).sum());
    assertEquals(total + 1, next.stream().mapToInt(Integer::intValue).sum());
    for (int i = 0; i < shares.length; i++) {
      assertTrue(next.get(i) >= now.get(i), "template " + i + " lost a tenant at " + (total + 1));
    }
  }
}
