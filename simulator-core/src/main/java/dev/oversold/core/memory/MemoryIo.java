package dev.oversold.core.memory;

/** How a tenant's memory reaches the disk: fault reads it waits for, and background writes. */
public interface MemoryIo {
  /** {@code pages} random 4 KiB reads one after another; {@code done} runs after the last. */
  void faultReads(long pages, Runnable done);

  /**
   * Writes {@code pages} swapped-out pages. {@code hostSwap}: to the host's swap (host kernel or
   * hypervisor) rather than the tenant's own swap device. {@code written} runs when the last page
   * is on the device: a task stalled in direct reclaim waits for it, kswapd does not.
   */
  void swapWrites(long pages, boolean hostSwap, Runnable written);

  /** Does nothing: for unit tests of the accounting alone. */
  MemoryIo NONE =
      new MemoryIo() {
        @Override
        public void faultReads(long pages, Runnable done) {
          done.run();
        }

        @Override
        public void swapWrites(long pages, boolean hostSwap, Runnable written) {
          written.run();
        }
      };
}
