package dev.oversold.core.sharing;

/**
 * Weighted max-min fair division of a capacity (water-filling) with per-consumer floors
 * (reservations) and ceilings (caps, thread counts, own demand).
 *
 * <p>Each consumer {@code i} receives {@code clamp(lambda * weight[i], floor[i], ceiling[i])}, with
 * the water level {@code lambda} chosen so that the allocations add up to the capacity; when all
 * ceilings together fit, everyone gets its ceiling. Floors are honoured first: if they alone exceed
 * the capacity (an over-reserved host) they are scaled down in proportion. O(n log n) in the number
 * of consumers passed in.
 */
public final class WaterFilling {
  private double[] keys = new double[0];
  private int[] order = new int[0];
  private int[] scratch = new int[0];

  /**
   * Fills {@code out[0..n)}. Weights must be positive; floors and ceilings non-negative. A floor
   * above the ceiling is lowered to the ceiling.
   */
  public void allocate(
      double capacity, int n, double[] weight, double[] floor, double[] ceiling, double[] out) {
    double sumCeiling = 0;
    double sumFloor = 0;
    for (int i = 0; i < n; i++) {
      sumCeiling += ceiling[i];
      sumFloor += Math.min(floor[i], ceiling[i]);
    }
    if (sumCeiling <= capacity) {
      System.arraycopy(ceiling, 0, out, 0, n);
      return;
    }
    if (sumFloor >= capacity) {
      double scale = sumFloor == 0 ? 0 : capacity / sumFloor;
      for (int i = 0; i < n; i++) {
        out[i] = Math.min(floor[i], ceiling[i]) * scale;
      }
      return;
    }
    double level = waterLevel(capacity, n, weight, floor, ceiling);
    for (int i = 0; i < n; i++) {
      double f = Math.min(floor[i], ceiling[i]);
      out[i] = Math.max(f, Math.min(ceiling[i], level * weight[i]));
    }
  }

  /**
   * The water level of {@link #allocate} when the ceilings together exceed the capacity and the
   * floors together do not (the caller checks both).
   */
  double level(double capacity, int n, double[] weight, double[] floor, double[] ceiling) {
    return waterLevel(capacity, n, weight, floor, ceiling);
  }

  /**
   * The level lambda at which sum(clamp(lambda*w, f, c)) equals the capacity. The sum is piecewise
   * linear and non-decreasing in lambda, with breakpoints where a consumer leaves its floor (f/w)
   * and reaches its ceiling (c/w); sweep the sorted breakpoints to find the segment.
   */
  private double waterLevel(
      double capacity, int n, double[] weight, double[] floor, double[] ceiling) {
    int points = 2 * n;
    if (keys.length < points) {
      keys = new double[points];
      order = new int[points];
    }
    // Encode each breakpoint as a key and an id; ids < n are "leaves floor", ids >= n "reaches
    // ceiling".
    for (int i = 0; i < n; i++) {
      double f = Math.min(floor[i], ceiling[i]);
      keys[i] = f / weight[i];
      keys[n + i] = ceiling[i] / weight[i];
    }
    sortIndices(points);
    double constant = 0; // sum of consumers pinned at floor or ceiling
    double slope = 0; // sum of weights of consumers in the linear region
    for (int i = 0; i < n; i++) {
      constant += Math.min(floor[i], ceiling[i]);
    }
    double previous = 0;
    for (int k = 0; k < points; k++) {
      int id = order[k];
      double at = keys[id];
      double valueAt = constant + slope * at;
      if (valueAt >= capacity && slope > 0) {
        return previous + (capacity - (constant + slope * previous)) / slope;
      }
      if (id < n) {
        constant -= Math.min(floor[id], ceiling[id]);
        slope += weight[id];
      } else {
        int i = id - n;
        slope -= weight[i];
        constant += ceiling[i];
      }
      previous = at;
    }
    // Unreachable when sum(ceiling) > capacity; kept as the safe answer.
    return previous;
  }

  /** Sorts breakpoint ids by key (ties: lower id first) with a merge sort on primitive arrays. */
  private void sortIndices(int points) {
    if (scratch.length < points) {
      scratch = new int[points];
    }
    for (int i = 0; i < points; i++) {
      order[i] = i;
    }
    for (int width = 1; width < points; width *= 2) {
      for (int lo = 0; lo < points - width; lo += 2 * width) {
        merge(lo, lo + width, Math.min(lo + 2 * width, points));
      }
    }
  }

  private void merge(int lo, int mid, int hi) {
    if (!after(order[mid - 1], order[mid])) {
      return; // already in order
    }
    System.arraycopy(order, lo, scratch, lo, hi - lo);
    int left = lo;
    int right = mid;
    for (int k = lo; k < hi; k++) {
      if (left < mid && (right >= hi || !after(scratch[left], scratch[right]))) {
        order[k] = scratch[left++];
      } else {
        order[k] = scratch[right++];
      }
    }
  }

  private boolean after(int a, int b) {
    int c = Double.compare(keys[a], keys[b]);
    return c > 0 || (c == 0 && a > b);
  }
}
