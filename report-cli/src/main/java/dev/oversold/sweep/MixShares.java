package dev.oversold.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a total count among the templates of a mix in proportion to their shares, by the largest
 * remainder (Hamilton's) rule: each template first gets the whole part of {@code total * share /
 * sum of shares}; the counts still missing go one each to the templates with the largest fractional
 * parts, ties to the template listed first. The counts always add up to the total exactly, never
 * differ from the exact quota by one or more, and a template whose quota is below one may get 0 (it
 * is then left out of that point).
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
    double[] remainders = new double[shares.length];
    int given = 0;
    for (int i = 0; i < shares.length; i++) {
      double quota = total * shares[i] / sum;
      counts[i] = (int) Math.floor(quota);
      remainders[i] = quota - counts[i];
      given += counts[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      order.add(i);
    }
    // stable sort: among equal remainders the template listed first comes first
    order.sort(Comparator.comparingDouble((Integer i) -> remainders[i]).reversed());
    for (int k = 0; given < total; k++) {
      counts[order.get(k % order.size())]++;
      given++;
    }
    List<Integer> result = new ArrayList<>();
    for (int count : counts) {
      result.add(count);
    }
    return result;
  }
}
