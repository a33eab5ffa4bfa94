package dev.oversold.core.workload;

/** Kernel objects of the tenant: processes. */
public interface ProcessAccess {
  /**
   * Creates a process holding {@code memoryBytes}; returns false if the process table (the tenant's
   * limit or the host's table) refused it.
   */
  boolean fork(long memoryBytes);

  /** Ends {@code count} processes created by {@link #fork}. */
  void exit(int count, long memoryBytesEach);

  /** Processes the tenant holds now. */
  int processes();
}
