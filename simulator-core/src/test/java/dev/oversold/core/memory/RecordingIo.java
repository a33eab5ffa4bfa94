package dev.oversold.core.memory;

/** A {@link MemoryIo} that counts what it is asked and completes reads and writes at once. */
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
  public void swapWrites(long pages, boolean hostSwap, Runnable written) {
    if (hostSwap) {
      hostSwapWrites += pages;
    } else {
      tenantSwapWrites += pages;
    }
    written.run();
  }
}
