package dev.oversold.core.platform.vmware;

import dev.oversold.core.memory.Pages;

/**
 * ESXi free-memory states (vSphere 6): the host is in the lowest state whose threshold, as a
 * fraction of minFree, free memory is at or below; above 100% it is HIGH. Reference table: high
 * 400% (break large pages), clear 100% (TPS), soft 64% (TPS + balloon), hard 32% (TPS + compression
 * + swap), low 16% (compression + swap + block VMs).
 */
public enum EsxiMemoryState {
  LOW(0.16),
  HARD(0.32),
  SOFT(0.64),
  CLEAR(1.00),
  HIGH(4.00);

  /** minFree: 899 MB for the first 28 GB of RAM plus 1% of the rest (vSphere 6). */
  static final long MIN_FREE_FIRST_BYTES = 899L << 20;

  static final long MIN_FREE_FIRST_RAM_BYTES = 28L << 30;
  static final double MIN_FREE_REST_FRACTION = 0.01;

  private final double threshold;

  EsxiMemoryState(double threshold) {
    this.threshold = threshold;
  }

  /** The threshold as a fraction of minFree. */
  public double threshold() {
    return threshold;
  }

  /** minFree of a host with {@code ramBytes}, in pages. */
  public static long minFreePages(long ramBytes) {
    double bytes =
        MIN_FREE_FIRST_BYTES
            + MIN_FREE_REST_FRACTION * Math.max(0, ramBytes - MIN_FREE_FIRST_RAM_BYTES);
    return Pages.of((long) Math.ceil(bytes));
  }

  /** The state of a host with {@code freePages} free and the given minFree. */
  public static EsxiMemoryState of(long freePages, long minFreePages) {
    for (EsxiMemoryState state : values()) {
      if (state != HIGH && freePages <= state.threshold * minFreePages) {
        return state;
      }
    }
    return HIGH;
  }

  /** Large pages are broken (so TPS can share small pages) below the high threshold. */
  public static boolean largePagesBroken(long freePages, long minFreePages) {
    return freePages < HIGH.threshold * minFreePages;
  }
}
