package dev.oversold.core.workload;

/** The tenant's memory as its processes see it. */
public interface MemoryAccess {
  /**
   * Allocates and touches {@code bytes} of anonymous memory. Returns false when the platform
   * refuses the allocation (a limit is reached); the tenant may also be OOM-killed as a result.
   */
  boolean allocate(long bytes);

  /** Frees {@code bytes} of anonymous memory. */
  void free(long bytes);

  /**
   * Touches {@code bytes} of the tenant's working set; runs {@code done} once every page that was
   * not resident has been faulted in (each major fault is a random 4 KiB read on the host disk).
   */
  void touch(long bytes, Runnable done);

  /** Bytes resident in RAM now. */
  long residentBytes();

  /** Bytes swapped out now (vSwap, guest swap, host swap). */
  long swappedBytes();
}
