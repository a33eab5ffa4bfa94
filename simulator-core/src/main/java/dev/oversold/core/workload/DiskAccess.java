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
   * As {@link #io(int, long, boolean, boolean, Runnable)}, issued by one of the tenant's tasks.
   * Where the kernel keeps something per task it is kept per {@code task}: 2.6.32's {@code
   * task_dirty_limit} counts each task's share of recent dirtying ({@code task_dirty_inc(current)},
   * mm/page-writeback.c), and a thread is a task of its own. A workload whose threads write in
   * parallel (a disk hog's) passes one object per thread; the five-argument form counts the whole
   * tenant as one task.
   *
   * @param task identifies the issuing task (compared by identity)
   */
  default void io(
      int operations, long bytes, boolean write, boolean random, Object task, Runnable done) {
    io(operations, bytes, write, random, done);
  }

  /**
   * Opens the tenant's dataset of {@code pages} pages read as {@code skew} says, through its page
   * cache (file-reads).
   */
  FileReads dataset(Skew skew, long pages);

  /** Opens a file read once from start to end through the page cache (a buffered stream). */
  FileReads stream();
}
