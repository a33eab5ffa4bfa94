package dev.oversold.core.workload;

import dev.oversold.core.model.Skew;

/** Block I/O of the tenant. */
public interface DiskAccess {
  /**
   * Issues {@code operations} operations of {@code bytes} each, one after another, and runs {@code
   * done} when the last completes.
   *
   * @param random random (seek-bound) or sequential (bandwidth-bound) access
   */
  void io(int operations, long bytes, boolean write, boolean random, Runnable done);

  /**
   * Opens the tenant's dataset of {@code pages} pages read as {@code skew} says, through its page
   * cache (file-reads).
   */
  FileReads dataset(Skew skew, long pages);

  /** Opens a file read once from start to end through the page cache (a buffered stream). */
  FileReads stream();
}
