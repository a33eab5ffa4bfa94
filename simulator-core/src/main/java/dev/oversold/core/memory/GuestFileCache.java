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

  /** Adds up to {@code bytes} of file pages read or written through the cache. */
  void add(long bytes) {
    long want = Pages.of(bytes);
    if (t.killed() || want <= 0) {
      return;
    }
    long guestRoom = t.ramLimit - t.usedPages();
    if (t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      // Free guest frames the host still backs in RAM take the cache first: no host growth.
      long reuse = Math.min(want, Math.min(guestRoom, t.freeBacked - t.hostSwappedFree));
      t.reuseFreeFrames(reuse, 0);
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
    if (add > 0 && t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      t.host().settle(); // guest cache is host memory too: ESXi may move to a lower free state
    }
  }
}
