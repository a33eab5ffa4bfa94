package dev.oversold.core.workload;

/** Buffered reads of one file through the tenant's page cache: only missed pages reach the disk. */
public interface FileReads {
  /**
   * Reads {@code pages} 4 KiB pages and runs {@code done} when the last is in memory: random pages
   * of a dataset one after another (each hit costs no I/O, each miss one random 4 KiB read), or the
   * next {@code pages} of a stream (read once, never cached before: one sequential read).
   */
  void read(long pages, Runnable done);
}
