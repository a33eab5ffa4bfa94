package dev.oversold.core.workload;

/** Block I/O of the tenant. */
public interface DiskAccess {
  /**
   * Issues {@code operations} operations of {@code bytes} each, one after another, and runs {@code
   * done} when the last completes.
   *
   * @param random random (seek-bound) or sequential (bandwidth-bound) access
   */
  void io(int operations, long bytes, boolean write, boolean random, Runnable done);
}
