package dev.oversold.core.memory;

/**
 * What a host does to one tenant's pages when short: drop its clean file pages, write its vSwap or
 * resident pages to host swap, compress them, merge identical ones, inflate its balloon. Each
 * returns the pages it moved (or the host pages it freed) and keeps the host's totals current.
 */
public final class TenantReclaim {
  private final TenantMemory t;

  TenantReclaim(TenantMemory tenant) {
    this.t = tenant;
  }

  /** Drops up to {@code pages} clean t.file pages (t.shared page cache of a container host). */
  public long dropFile(long pages) {
    long dropped = Math.min(pages, t.file);
    t.file -= dropped;
    t.hostEvictions += dropped;
    t.sync();
    return dropped;
  }

  /** Pages of virtual swap still in host RAM (OpenVZ vSwap). */
  public long vswapInRam() {
    return t.kind.virtualSwap() ? t.swapped - t.hostSwappedVswap - t.wbVswap : 0;
  }

  /**
   * Starts writing up to {@code pages} vSwap pages to the host's real swap; they stay in RAM under
   * writeback until the write completes.
   */
  public long hostSwapOutVswap(long pages) {
    long moved = Math.min(pages, vswapInRam());
    if (moved <= 0) {
      return 0;
    }
    t.wbVswap += moved;
    t.hostEvictions += moved;
    t.sync();
    t.io.swapWrites(moved, true, t.host().hostWriteCompletion(t, 0, moved, 0));
    return moved;
  }

  /** Anonymous pages in host RAM that the host may swap, compress or share. */
  public long hostSwappableAnon() {
    return Math.max(0, t.anon - t.hostSwappedAnon - t.compressed - t.shared - t.wbAnon);
  }

  /** Frames the host backs that hold nothing the tenant uses (VM free memory, guest cache). */
  public long hostSwappableOther() {
    return t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND
        ? t.freeBacked - t.hostSwappedFree - t.wbFree + t.file
        : 0;
  }

  /**
   * Starts swapping up to {@code pages} of the frames the host backs. A hypervisor takes them
   * evenly over the guest's frames (it does not know which a guest uses: {@link TouchFaults}); a
   * shared kernel takes the tenant's coldest resident pages from its LRU lists ({@link
   * TouchLocality}). Either way the counts move alike; the difference is which pages later touches
   * find out. They stay in RAM under writeback until the write completes.
   */
  public long hostSwapOut(long pages) {
    long anonFrames = hostSwappableAnon();
    long other = hostSwappableOther();
    long total = anonFrames + other;
    long moved = Math.min(pages, total);
    if (moved <= 0) {
      return 0;
    }
    long fromAnon = Math.min(anonFrames, Draws.portion(anonFrames, moved, total));
    long fromOther = Math.min(other, moved - fromAnon);
    fromAnon = moved - fromOther;
    t.wbAnon += fromAnon;
    long fromFile = Math.min(t.file, Draws.portion(t.file, fromOther, other));
    t.file -= fromFile; // the guest's cached copy is gone once the host swaps it
    t.freeBacked += fromFile;
    t.wbFree += fromOther;
    t.hostEvictions += moved;
    t.sync();
    t.io.swapWrites(moved, true, t.host().hostWriteCompletion(t, fromAnon, 0, fromOther));
    return moved;
  }

  /** Compresses up to {@code pages} anonymous pages; returns the host pages freed. */
  public long compress(long pages) {
    long before = t.hostRamPages();
    long moved = Math.min(pages, hostSwappableAnon());
    t.compressed += moved;
    t.hostEvictions += moved;
    t.sync();
    return before - t.hostRamPages();
  }

  /** Merges up to {@code pages} identical anonymous pages into t.shared frames. */
  public long share(long pages) {
    long moved = Math.min(pages, hostSwappableAnon());
    t.shared += moved;
    t.sync();
    return moved;
  }

  /**
   * Inflates the t.balloon by up to {@code pages}: the guest gives up its free frames, then its
   * t.file cache, then swaps its own pages (cold ones first, it chooses) within its swap; returns
   * the host pages freed.
   */
  public long balloonInflate(long pages) {
    if (!t.kind.guestKernel() || pages <= 0) {
      return 0;
    }
    long before = t.hostRamPages();
    long take = pages;
    long fromFree = Math.min(take, t.freeBacked);
    long swappedFrames = Draws.portion(t.hostSwappedFree, fromFree, t.freeBacked);
    t.reuseFreeFrames(fromFree, swappedFrames);
    t.hostSwappedFree -= swappedFrames;
    t.freeBacked -= fromFree;
    take -= fromFree;
    long fromFile = Math.min(take, t.file);
    t.file -= fromFile;
    take -= fromFile;
    long fromAnon = Math.min(take, Math.min(t.anon, t.swapLimit - t.swapped));
    t.paging().swapOut(fromAnon, t.host().writeCompletion());
    long inflated = fromFree + fromFile + fromAnon;
    t.balloon += inflated;
    t.hostEvictions += inflated;
    t.sync();
    return before - t.hostRamPages();
  }

  /** What the t.balloon could still take without forcing the guest past its swap. */
  public long balloonable(double maxFractionOfRam) {
    if (!t.kind.guestKernel()) {
      return 0;
    }
    long cap = (long) (t.ramLimit * maxFractionOfRam) - t.balloon;
    long available = t.freeBacked + t.file + Math.min(t.anon, t.swapLimit - t.swapped);
    return Math.max(0, Math.min(cap, available));
  }
}
