package dev.oversold.core.memory;

/**
 * The host kernel's background reclaim thread. Woken when free memory falls below the low
 * watermark, it reclaims in batches until the high watermark: each batch first costs host CPU (the
 * LRU scan, unmapping, adding to swap cache), then frees its pages through the platform's {@link
 * HostReclaimer}, and kswapd waits until that batch's swap-out writes are on the device before the
 * next (kswapd throttles on pages under writeback at the LRU tail: mm/vmscan.c, reclaim_throttle
 * with VMSCAN_THROTTLE_WRITEBACK, Linux 5.16+). No task waits for kswapd; a task that allocates
 * while it lags below the min watermark reclaims itself (see {@link HostMemory#settle}).
 */
final class Kswapd {
  /**
   * Host CPU per reclaimed page, reference-core-seconds: 1 us. Assumption, of the order of the
   * per-page work of mm/vmscan.c shrink_folio_list (LRU isolation, rmap unmap with a TLB flush,
   * swap-cache insertion); not a measured figure. One core then reclaims about 4 GB/s when the
   * device keeps up.
   */
  static final double CPU_SECONDS_PER_PAGE = 1e-6;

  private final HostMemory host;
  private final HostMemory.Cpu cpu;
  private boolean awake;
  private long retryBelow = Long.MAX_VALUE;
  private long batches;
  private long reclaimedPages;

  Kswapd(HostMemory host, HostMemory.Cpu cpu) {
    this.host = host;
    this.cpu = cpu;
  }

  /**
   * Wakes kswapd if it sleeps. After a wake-up that freed nothing (no swap left, nothing
   * reclaimable), it is woken again only once another batch of free memory is gone, so a stuck host
   * does not run a pass on every fault.
   */
  void wake() {
    if (awake || host.freeAfterWritebackPages() >= retryBelow) {
      return;
    }
    awake = true;
    retryBelow = Long.MAX_VALUE;
    step();
  }

  boolean awake() {
    return awake;
  }

  /** Batches run so far. */
  long batches() {
    return batches;
  }

  /** Pages freed by kswapd so far. */
  long reclaimedPages() {
    return reclaimedPages;
  }

  private void step() {
    if (host.freeAfterWritebackPages() >= host.config().reclaimer().targetFreePages(host)) {
      awake = false;
      return;
    }
    long batch = host.reclaimBatchPages();
    cpu.run(batch * CPU_SECONDS_PER_PAGE, () -> reclaim(batch));
  }

  private void reclaim(long batch) {
    long high = host.config().reclaimer().targetFreePages(host);
    long before = host.freeAfterWritebackPages();
    if (before >= high) {
      awake = false;
      return;
    }
    WriteWait writes = new WriteWait();
    host.reclaimPass(Math.min(high, before + batch), writes);
    long freed = host.freeAfterWritebackPages() - before;
    batches++;
    if (freed <= 0) {
      awake = false;
      retryBelow = host.freeAfterWritebackPages() - batch;
      return;
    }
    reclaimedPages += freed;
    writes.whenWritten(this::step);
  }
}
