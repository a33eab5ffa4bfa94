package dev.oversold.core.memory;

/** A {@link MemoryIo} that counts what it is asked and completes reads at once. */
final class RecordingIo implements MemoryIo {
  long faultReadCalls;
  long faultReadPages;
  long tenantSwapWrites;
  long hostSwapWrites;

  @Override
  public void faultReads(long pages, Runnable done) {
    faultReadCalls++;
    faultReadPages += pages;
    done.run();
  }

  @Override
  public void swapWrites(long pages, boolean hostSwap) {
    if (hostSwap) {
      hostSwapWrites += pages;
    } else {
      tenantSwapWrites += pages;
    }
  }
}
