package dev.oversold.core.workload;

/** The tenant's memory as its processes see it. */
public interface MemoryAccess {
  /**
   * Allocates and touches {@code bytes} of anonymous memory. Returns false when the platform
   * refuses the allocation (a limit is reached); the tenant may also be OOM-killed as a result.
   */
  boolean allocate(long bytes);

  /**
   * Allocates like {@link #allocate(long)}, then runs {@code done} once the allocation's own cost
   * has been paid: the OpenVZ vSwap slowdown past physpages, faults on reused frames the host had
   * swapped. A workload that allocates at a rate (memory bomb) should use this so the slowdown
   * throttles it; the synchronous form skips the wait.
   */
  default void allocate(long bytes, Allocated done) {
    done.done(allocate(bytes));
  }

  /** Told when an asynchronous allocation is done. */
  @FunctionalInterface
  interface Allocated {
    /** {@code accepted}: false when the allocation was refused or the tenant was killed. */
    void done(boolean accepted);
  }

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
