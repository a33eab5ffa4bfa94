package dev.oversold.core.memory;

import java.util.function.LongConsumer;

/** What a tenant's memory reports as it happens: faults, reclaim stalls, swap traffic. */
public interface MemoryEvents {
  /** {@code count} page faults that needed the disk (or a decompression, or a vSwap fault). */
  void majorFaults(long count);

  /** A request waited {@code nanos} in reclaim (for swap-out writes, or for a free frame). */
  void reclaimStall(long nanos);

  /** {@code pages} 4 KiB pages read back from a swap device for this tenant's faults. */
  void swapIn(long pages);

  /** {@code pages} of this tenant's pages written to a swap device (its own or the host's). */
  void swapOut(long pages);

  /** Counts faults only (unit tests of the accounting). */
  static MemoryEvents faultsOnly(LongConsumer faults) {
    return new MemoryEvents() {
      @Override
      public void majorFaults(long count) {
        faults.accept(count);
      }

      @Override
      public void reclaimStall(long nanos) {}

      @Override
      public void swapIn(long pages) {}

      @Override
      public void swapOut(long pages) {}
    };
  }
}
