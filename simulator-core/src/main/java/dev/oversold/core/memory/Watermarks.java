package dev.oversold.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A Linux host's free-memory watermarks, in pages: below {@code low} kswapd wakes and reclaims in
 * the background until {@code high} pages are free; below {@code min} an allocating task reclaims
 * itself (direct reclaim). Reclaiming from low back to high is what makes reclaim a batch of pages
 * rather than a pass per fault.
 *
 * @param minPages free pages kept for atomic allocations (vm.min_free_kbytes)
 * @param lowPages kswapd wakes below this
 * @param highPages kswapd sleeps again at this
 */
public record Watermarks(long minPages, long lowPages, long highPages) {
  /**
   * Largest default min_free_kbytes the kernel computes, 256 MiB (mm/page_alloc.c,
   * init_per_zone_wmark_min; 64 MiB before Linux 5.7).
   */
  static final long MAX_MIN_FREE_KIB = 262_144;

  /** Largest default min_free_kbytes of Linux 2.6.32, 64 MiB (mm/page_alloc.c, same function). */
  static final long MAX_MIN_FREE_KIB_2632 = 65_536;

  /** Smallest default min_free_kbytes, 128 KiB (same function). */
  static final long MIN_MIN_FREE_KIB = 128;

  /**
   * vm.watermark_scale_factor default: the low-min and high-low gaps are at least 10 / 10,000 of
   * RAM (Documentation/admin-guide/sysctl/vm.rst).
   */
  static final double SCALE_FACTOR = 10 / 10_000.0;

  public Watermarks {
    checkArgument(
        minPages >= 0 && minPages < lowPages && lowPages < highPages,
        "watermarks must be ordered min < low < high, got %s < %s < %s",
        minPages,
        lowPages,
        highPages);
  }

  /**
   * The kernel's defaults for {@code ramBytes} of RAM: min_free_kbytes = sqrt(16 x RAM in KiB)
   * within [128 KiB, 256 MiB]; low = min + max(min / 4, RAM x 0.1 %); high = low + the same gap
   * (mm/page_alloc.c, __setup_per_zone_wmarks).
   */
  public static Watermarks linux(long ramBytes) {
    long ramKib = Math.max(1, ramBytes / 1024);
    long minKib =
        Math.max(MIN_MIN_FREE_KIB, Math.min(MAX_MIN_FREE_KIB, (long) Math.sqrt(16.0 * ramKib)));
    long min = Math.max(1, minKib * 1024 / Pages.PAGE_BYTES);
    long gap = Math.max(Math.max(1, min / 4), (long) (Pages.floor(ramBytes) * SCALE_FACTOR));
    return new Watermarks(min, min + gap, min + 2 * gap);
  }

  /**
   * Linux 2.6.32's defaults (OpenVZ's RHEL 6 kernel), before watermark_scale_factor (4.6):
   * min_free_kbytes = sqrt(16 x lowmem in KiB) within [128 KiB, 64 MiB] (init_per_zone_wmark_min;
   * lowmem taken as all of RAM, as on x86-64 without highmem), low = min + min / 4, high = min +
   * min / 2 (mm/page_alloc.c, setup_per_zone_wmarks). The gaps are far narrower than a modern
   * kernel's 0.1 % of RAM: kswapd wakes later and stops sooner.
   */
  public static Watermarks linux2632(long ramBytes) {
    long ramKib = Math.max(1, ramBytes / 1024);
    long minKib =
        Math.max(
            MIN_MIN_FREE_KIB, Math.min(MAX_MIN_FREE_KIB_2632, (long) Math.sqrt(16.0 * ramKib)));
    long min = Math.max(4, minKib * 1024 / Pages.PAGE_BYTES);
    return new Watermarks(min, min + min / 4, min + min / 2);
  }
}
