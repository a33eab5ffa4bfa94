package dev.oversold.core.memory;

/**
 * A tenant's page cache growing from its file I/O: it takes RAM the tenant does not use and never
 * evicts anonymous memory for itself (under pressure the page cache gives way first).
 */
final class GuestFileCache {
  private final TenantMemory t;

  GuestFileCache(TenantMemory tenant) {
    this.t = tenant;
  }

  /**
   * Pages the tenant could still add to its cache: free guest RAM (its own limit) that the host
   * also has room for. Backed free frames in RAM take a page without host growth, except those
   * under host writeback: reclaim counted them as freed, so each one taken back costs the host a
   * free frame, as an unbacked frame does (add() makes the host reclaim again for them). O(1).
   */
  long room() {
    if (t.killed()) {
      return 0;
    }
    long guestRoom = t.ramLimit - t.usedPages();
    if (t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      long clean = t.freeBacked - t.hostSwappedFree - t.wbFree;
      long reuse = Math.max(0, Math.min(guestRoom, clean));
      // as add(): the frames left after the backed ones need host RAM, and so do those under
      // writeback
      long rest = Math.max(0, guestRoom - t.freeBacked);
      long writeback = Math.max(0, Math.min(guestRoom - reuse, t.wbFree));
      return reuse + Math.max(0, Math.min(rest + writeback, t.host().freePages()));
    }
    long hostRoom =
        t.kind == TenantMemoryConfig.Kind.VM_PARTITIONED ? Long.MAX_VALUE : t.host().freePages();
    return Math.max(0, Math.min(guestRoom, hostRoom));
  }

  /** Pages below the tenant's own RAM limit (physpages on OpenVZ, the guest's RAM in a VM). */
  long ownRoom() {
    return t.killed() ? 0 : t.ramLimit - t.usedPages();
  }

  /**
   * Drops up to {@code pages} clean cached pages the page cache reclaimed; in a VM the host keeps
   * backing the freed guest frames, as when the guest frees anonymous memory.
   */
  long drop(long pages) {
    long n = Math.min(pages, t.file);
    if (n <= 0) {
      return 0;
    }
    t.file -= n;
    if (t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      t.freeBacked += n;
    }
    t.sync();
    return n;
  }

  /** Adds up to {@code bytes} of file pages read or written through the cache. */
  void add(long bytes) {
    long want = Pages.of(bytes);
    if (t.killed() || want <= 0) {
      return;
    }
    long guestRoom = t.ramLimit - t.usedPages();
    long rescued = 0;
    if (t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      // Free guest frames the host still backs in RAM take the cache first: no host growth. Some
      // may be under host writeback: the guest's write keeps them in RAM (rescued below).
      long reuse = Math.min(want, Math.min(guestRoom, t.freeBacked - t.hostSwappedFree));
      rescued = t.reuseFreeFrames(reuse, 0);
      t.freeBacked -= reuse;
      t.file += reuse;
      want -= reuse;
      guestRoom -= reuse + t.freeBacked;
    }
    long hostRoom =
        t.kind == TenantMemoryConfig.Kind.VM_PARTITIONED ? Long.MAX_VALUE : t.host().freePages();
    long add = Math.min(want, Math.min(guestRoom, hostRoom));
    if (add > 0) {
      t.file += add;
    }
    t.sync();
    if ((add > 0 || rescued > 0) && t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      // Guest cache is host memory too: ESXi may move to a lower free state. Frames taken back
      // from writeback were reclaim's progress: without a new pass the host would be over its RAM
      // once the other writes complete (MemoryAccountingProperties, seed 6337648071934996292).
      t.host().settle();
    }
  }
}
