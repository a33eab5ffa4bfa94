package dev.oversold.core.memory;

/** Memory is accounted in 4 KiB pages, the x86-64 base page size. */
public final class Pages {
  /** Bytes per page (x86-64 base page; reference: OpenVZ physpages are counted in 4 KiB pages). */
  public static final long PAGE_BYTES = 4096;

  private Pages() {}

  /** Pages needed to hold {@code bytes} (rounded up). */
  public static long of(long bytes) {
    return bytes <= 0 ? 0 : (bytes + PAGE_BYTES - 1) / PAGE_BYTES;
  }

  /** Whole pages in {@code bytes} (rounded down). */
  public static long floor(long bytes) {
    return bytes <= 0 ? 0 : bytes / PAGE_BYTES;
  }

  public static long bytes(long pages) {
    return pages * PAGE_BYTES;
  }
}
