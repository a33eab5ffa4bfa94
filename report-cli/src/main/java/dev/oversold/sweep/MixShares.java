package dev.oversold.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a total count among the templates of a mix in proportion to their shares, by
 * Sainte-Laguë's rule (Webster's method, the rounding of proportional elections): the tenants are
 * handed out one at a time, each to the template with the largest {@code share / (2 x count so far
 * + 1)}, ties to the template listed first. The counts always add up to the total and are the
 * shares' exact quotas rounded to the nearest whole number whenever those add up to the total; a
 * template whose quota is below one half may get 0 (it is then left out). Unlike rounding each
 * quota on its own, or giving the leftovers to the largest remainders, no template ever loses a
 * tenant when the total grows (no Alabama paradox), so a plan's search over the total sees a
 * growing mix.
 */
public final class MixShares {
  private MixShares() {}

  /**
   * The counts for {@code total}, in template order.
   *
   * @param shares each template's share (its count in the file, or a percentage); not all zero
   */
  public static List<Integer> apportion(double[] shares, int total) {
    if (total < 0) {
      throw new IllegalArgumentException("a total count cannot be negative: " + total);
    }
    double sum = 0;
    for (double share : shares) {
      if (!(share >= 0) || Double.isInfinite(share)) {
        throw new IllegalArgumentException("a share must be zero or more, got " + share);
      }
      sum += share;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("the shares add up to zero");
    }
    int[] counts = new int[shares.length];
    for (int handed = 0; handed < total; handed++) {
      int best = -1;
      double bestPriority = -1;
      for (int i = 0; i < shares.length; i++) {
        double priority = shares[i] / (2.0 * counts[i] + 1);
        if (shares[i] > 0 && priority > bestPriority) { // strictly: ties stay with the first
          best = i;
          bestPriority = priority;
        }
      }
      counts[best]++;
    }
    List<Integer> result = new ArrayList<>();
    for (int count : counts) {
      result.add(count);
    }
    return result;
  }
}
