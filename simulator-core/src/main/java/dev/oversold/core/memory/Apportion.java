package dev.oversold.core.memory;

import dev.oversold.core.sharing.WaterFilling;
import java.util.Arrays;

/** Splits an amount of pages among tenants: in proportion, or by weighted max-min. */
public final class Apportion {
  private Apportion() {}

  /**
   * Takes {@code amount} pages from consumers in proportion to what each has ({@code available}),
   * never more than that; whole pages, remainders to the largest fractions (ties: lower index).
   */
  public static long[] proportional(long amount, long[] available) {
    int n = available.length;
    long[] take = new long[n];
    long total = 0;
    for (long a : available) {
      total += Math.max(0, a);
    }
    if (amount <= 0 || total == 0) {
      return take;
    }
    if (amount >= total) {
      for (int i = 0; i < n; i++) {
        take[i] = Math.max(0, available[i]);
      }
      return take;
    }
    long given = 0;
    double[] remainders = new double[n];
    for (int i = 0; i < n; i++) {
      double exact = (double) amount * Math.max(0, available[i]) / total;
      take[i] = Math.min(available[i], (long) Math.floor(exact));
      remainders[i] = exact - take[i];
      given += take[i];
    }
    if (given < amount) {
      giveRemainders(amount - given, take, available, remainders);
    }
    return take;
  }

  /**
   * Hands {@code left} single pages to the consumers with the largest remainders, one each, ties to
   * the lower index: one sort, O(n log n), instead of a scan over every consumer per page.
   */
  private static void giveRemainders(
      long left, long[] take, long[] available, double[] remainders) {
    int n = take.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Largest remainder first; the sort is stable, so equal remainders keep index order.
    Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
    long given = 0;
    for (int k = 0; k < n && given < left; k++) {
      int i = order[k];
      if (take[i] < available[i]) {
        take[i]++;
        given++;
      }
    }
  }

  /**
   * Takes {@code amount} pages so that what each consumer keeps follows weighted max-min: keep_i =
   * clamp(level * weight_i, floor_i, current_i). The consumer with the least weight per page loses
   * first (ESXi's shares-per-page rule). Returns what each loses.
   */
  public static long[] byWeight(long amount, double[] weights, long[] floors, long[] current) {
    int n = current.length;
    long[] take = new long[n];
    long total = 0;
    for (long c : current) {
      total += c;
    }
    if (amount <= 0 || n == 0) {
      return take;
    }
    double[] floor = new double[n];
    double[] ceiling = new double[n];
    double[] keep = new double[n];
    for (int i = 0; i < n; i++) {
      ceiling[i] = current[i];
      floor[i] = Math.min(floors[i], current[i]);
    }
    double floorSum = 0;
    for (double f : floor) {
      floorSum += f;
    }
    // Floors are guarantees: when the amount would cut into them, take only what lies above.
    double target = Math.max(floorSum, Math.max(0, total - amount));
    new WaterFilling().allocate(target, n, weights, floor, ceiling, keep);
    long[] surplus = new long[n];
    for (int i = 0; i < n; i++) {
      long k = (long) Math.ceil(keep[i] - 1e-9);
      take[i] = Math.max(0, current[i] - Math.max(k, (long) floor[i]));
      surplus[i] = current[i] - (long) floor[i] - take[i];
    }
    long given = 0;
    for (long t : take) {
      given += t;
    }
    // Rounding up what each keeps can leave a few pages short: take them in proportion.
    long wanted = Math.min(amount, total - (long) Math.ceil(floorSum));
    long[] extra = proportional(wanted - given, surplus);
    for (int i = 0; i < n; i++) {
      take[i] += extra[i];
    }
    return take;
  }
}
