package dev.oversold.core.memory;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.workload.MemoryAccess;
import java.util.function.LongConsumer;

/**
 * One tenant's memory, counted in pages, at two levels: what the tenant sees (anonymous pages in
 * its RAM or in its own swap, file cache, page tables, balloon) and what the host does with the
 * pages it backs (host swap, compression, sharing).
 *
 * <p>Touches hit the tenant's anonymous pages uniformly: a page is non-resident with the
 * probability of its state's share of the allocation. Each fault that needs the disk is one random
 * 4 KiB read on the host disk (through {@link MemoryIo}) and the touching request waits for it.
 */
public final class TenantMemory implements MemoryAccess {
  /** Bytes of anonymous memory one page-table page maps (512 eight-byte entries, x86-64). */
  static final long PAGES_PER_PAGE_TABLE = 512;

  private final String name;
  private final TenantMemoryConfig config;
  final TenantMemoryConfig.Kind kind;
  private final HostMemory host;
  private final Simulation simulation;
  private final RandomStream random;
  MemoryIo io = MemoryIo.NONE;
  private LongConsumer faultCounter = count -> {};
  private Runnable killer = () -> {};
  private final TenantReclaim reclaim = new TenantReclaim(this);

  final long ramLimit;
  final long swapLimit;
  final long overhead;
  final long reservation;

  // Tenant view.
  long anon;
  long swapped;
  long file;
  long kernel;
  long freeBacked;
  long balloon;
  // Host view of the pages it backs.
  long hostSwappedAnon;
  long hostSwappedVswap;
  long hostSwappedFree;
  long compressed;
  long shared;

  private boolean killed;
  private long syncedRam;
  private long syncedSwap;
  private long pendingDelayNanos;
  private long pendingReads;
  private long majorFaults;
  long hostEvictions;
  private double touchedEwma;
  private long lastTouch;

  TenantMemory(HostMemory host, String name, TenantMemoryConfig config, RandomStream random) {
    this.host = host;
    this.simulation = host.simulation();
    this.name = name;
    this.config = config;
    this.kind = config.kind();
    this.random = random;
    this.ramLimit = Pages.floor(config.ramBytes());
    this.swapLimit = Pages.floor(config.swapBytes());
    this.overhead = Pages.of(config.overheadBytes());
    this.reservation = Pages.of(config.reservationBytes());
  }

  /** Wires the tenant's disk, its fault counter and what an OOM kill does. */
  public void connect(MemoryIo newIo, LongConsumer newFaultCounter, Runnable newKiller) {
    this.io = newIo;
    this.faultCounter = newFaultCounter;
    this.killer = newKiller;
  }

  public String name() {
    return name;
  }

  public TenantMemoryConfig config() {
    return config;
  }

  public TenantMemoryConfig.Kind kind() {
    return kind;
  }

  public boolean killed() {
    return killed;
  }

  // ---------------------------------------------------------------- MemoryAccess

  /**
   * Allocates without waiting: the vSwap slowdown is not paid, and reads of reused frames the host
   * had swapped still load the disk but in the background.
   */
  @Override
  public boolean allocate(long bytes) {
    boolean accepted = allocateNow(bytes);
    pendingDelayNanos = 0;
    if (pendingReads > 0) {
      io.faultReads(pendingReads, () -> {});
      pendingReads = 0;
    }
    return accepted;
  }

  private boolean allocateNow(long bytes) {
    if (killed) {
      return false;
    }
    long n = Pages.of(bytes);
    if (n == 0) {
      return true;
    }
    long room = ramLimit - balloon + swapLimit;
    long need = anon + swapped + n + pageTables(anon + swapped + n);
    if (need > room) {
      host.oomKill(this, false);
      return false;
    }
    anon += n;
    takeGuestFrames(n);
    kernel = pageTables(anon + swapped);
    sync();
    makeRoom();
    sync();
    host.settle();
    return !killed;
  }

  @Override
  public void allocate(long bytes, Allocated done) {
    boolean accepted = allocateNow(bytes);
    payPending(0, 0, () -> done.done(accepted));
  }

  @Override
  public void free(long bytes) {
    long n = Math.min(Pages.of(bytes), anon + swapped);
    if (n <= 0 || killed) {
      return;
    }
    long fromSwap = Draws.portion(swapped, n, anon + swapped);
    long fromAnon = n - fromSwap;
    long hv = Draws.portion(hostSwappedVswap, fromSwap, swapped);
    hostSwappedVswap -= hv;
    swapped -= fromSwap;
    long hs = Draws.portion(hostSwappedAnon, fromAnon, anon);
    long cp = Math.min(compressed, Draws.portion(compressed, fromAnon, anon));
    long sh = Math.min(shared, Draws.portion(shared, fromAnon, anon));
    hostSwappedAnon -= hs;
    compressed -= cp;
    shared -= sh;
    anon -= fromAnon;
    if (kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      // The guest freed them; the host still backs the frames until a balloon returns them.
      freeBacked += fromAnon;
      hostSwappedFree += hs;
    }
    long tables = pageTables(anon + swapped);
    if (kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      freeBacked += kernel - tables; // freed page-table pages stay backed too
    }
    kernel = tables;
    sync();
  }

  @Override
  public void touch(long bytes, Runnable done) {
    long total = anon + swapped;
    if (killed || total == 0 || bytes <= 0) {
      done.run();
      return;
    }
    long n = Pages.of(bytes);
    noteTouch(n);
    TouchFaults f = TouchFaults.draw(this, random, n);
    long inSwap = f.inSwap();
    long swapOnDisk = f.swapOnDisk();
    long vswapFaults = f.vswapFaults();
    long hostFaults = f.hostFaults();
    long decompressions = f.decompressions();
    // Bring the pages in.
    if (kind.virtualSwap()) {
      hostSwappedVswap -= swapOnDisk;
    }
    swapped -= inSwap;
    anon += inSwap;
    hostSwappedAnon -= hostFaults;
    compressed -= decompressions;
    if (inSwap > 0) {
      takeGuestFrames(inSwap);
      sync();
      makeRoom();
    }
    sync();
    long faults = inSwap + hostFaults + decompressions;
    if (faults > 0) {
      majorFaults += faults;
      faultCounter.accept(faults);
      host.settle();
    }
    long reads = (kind.virtualSwap() ? swapOnDisk : inSwap) + hostFaults;
    long delay =
        vswapFaults * host.config().vswapFaultNanos()
            + decompressions * host.config().decompressNanos();
    payPending(delay, reads, done);
  }

  @Override
  public long residentBytes() {
    return Pages.bytes(Math.max(0, anon - hostSwappedAnon - compressed) + file + kernel);
  }

  @Override
  public long swappedBytes() {
    return Pages.bytes(swapped + hostSwappedAnon);
  }

  // ---------------------------------------------------------------- figures

  public long allocatedPages() {
    return anon + swapped;
  }

  public long anonResidentPages() {
    return anon;
  }

  public long tenantSwapPages() {
    return swapped;
  }

  public long fileCachePages() {
    return file;
  }

  public long compressedPages() {
    return compressed;
  }

  public long sharedPages() {
    return shared;
  }

  public long balloonPages() {
    return balloon;
  }

  public long hostSwappedPages() {
    return hostSwappedAnon + hostSwappedVswap + hostSwappedFree;
  }

  public long majorFaults() {
    return majorFaults;
  }

  /** Pages the host took from this tenant (dropped, swapped, compressed, ballooned), lifetime. */
  public long hostEvictions() {
    return hostEvictions;
  }

  public long ramLimitPages() {
    return ramLimit;
  }

  public long reservationPages() {
    return reservation;
  }

  /** Host RAM pages this tenant occupies now, its overhead included. */
  public long hostRamPages() {
    if (killed) {
      return 0;
    }
    if (kind == TenantMemoryConfig.Kind.VM_PARTITIONED) {
      return overhead + ramLimit;
    }
    long pages = overhead + anon - hostSwappedAnon - compressed - shared + file + kernel;
    pages += compressedFootprint();
    if (kind.virtualSwap()) {
      pages += swapped - hostSwappedVswap;
    }
    if (kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      pages += freeBacked - hostSwappedFree;
    }
    return pages;
  }

  /** Host swap pages this tenant occupies now. */
  public long hostSwapPages() {
    if (killed) {
      return 0;
    }
    return hostSwappedPages() + (kind.swapOnHost() ? swapped : 0);
  }

  /** Fraction of its resident memory touched recently (ESXi's sampled working set). */
  public double activeFraction() {
    long resident = anon + file;
    if (resident == 0) {
      return 0;
    }
    decayTouches();
    return Math.min(1, touchedEwma / resident);
  }

  /** Counts a new tenant's fixed pages (overhead, a partitioned VM's RAM). */
  void syncNew() {
    sync();
  }

  /** Tells the host how this tenant's RAM and swap moved since the last call: O(1). */
  void sync() {
    long ram = hostRamPages();
    long swap = hostSwapPages();
    host.adjust(ram - syncedRam, swap - syncedSwap);
    syncedRam = ram;
    syncedSwap = swap;
  }

  private long compressedFootprint() {
    return (long) Math.ceil(compressed * host.config().compressedFraction());
  }

  // ---------------------------------------------------------------- tenant-level paging

  /** Page tables for {@code pages} of anonymous memory (kernel memory, counted in the tenant). */
  static long pageTables(long pages) {
    return (pages + PAGES_PER_PAGE_TABLE - 1) / PAGES_PER_PAGE_TABLE;
  }

  /** Guest pages that grew reuse frames the host still backs before the host backs new ones. */
  private void takeGuestFrames(long pages) {
    if (kind != TenantMemoryConfig.Kind.VM_ON_DEMAND || freeBacked == 0) {
      return;
    }
    long reused = Math.min(pages, freeBacked);
    long swappedFrames = Draws.portion(hostSwappedFree, reused, freeBacked);
    hostSwappedFree -= swappedFrames;
    freeBacked -= reused;
    // The guest writes the reused frame, so the host must fault it back in first.
    pendingReads += swappedFrames;
  }

  private long used() {
    return anon + file + kernel + balloon;
  }

  /**
   * Keeps the tenant within its RAM: a balloon deflates when the host has room, clean file pages go
   * first, then anonymous pages go to the tenant's swap.
   */
  private void makeRoom() {
    long over = used() + (kind == TenantMemoryConfig.Kind.VM_ON_DEMAND ? freeBacked : 0) - ramLimit;
    if (over > 0 && kind == TenantMemoryConfig.Kind.VM_ON_DEMAND && freeBacked > 0) {
      long reused = Math.min(over, freeBacked);
      freeBacked -= reused;
      hostSwappedFree -= Draws.portion(hostSwappedFree, reused, freeBacked + reused);
      over -= reused;
    }
    if (over > 0 && balloon > 0) {
      long deflate = Math.min(Math.min(over, balloon), Math.max(0, host.freePages()));
      balloon -= deflate;
      over -= deflate;
    }
    if (over <= 0) {
      return;
    }
    long dropped = Math.min(file, over);
    file -= dropped;
    over -= dropped;
    if (over > 0) {
      swapOut(Math.min(over, anon));
    }
  }

  /** Moves {@code k} anonymous pages, chosen evenly, from the tenant's RAM to its own swap. */
  void swapOut(long k) {
    if (k <= 0) {
      return;
    }
    long hs = Draws.portion(hostSwappedAnon, k, anon);
    long cp = Math.min(compressed, Draws.portion(compressed, k, anon));
    long sh = Math.min(shared, Draws.portion(shared, k, anon));
    hostSwappedAnon -= hs;
    compressed -= cp;
    shared -= sh;
    anon -= k;
    swapped += k;
    if (kind.virtualSwap()) {
      hostSwappedVswap += hs; // already on the host's disk: it stays there
      pendingDelayNanos += k * host.config().vswapFaultNanos();
    } else if (kind.swapOnHost()) {
      io.swapWrites(k - hs, true);
    } else {
      // Double paging: a page the host had swapped must come back before the guest writes it out.
      if (hs > 0) {
        io.faultReads(hs, () -> {});
      }
      io.swapWrites(k, false);
    }
  }

  private void payPending(long extraDelay, long extraReads, Runnable done) {
    long delay = extraDelay + pendingDelayNanos;
    long reads = extraReads + pendingReads;
    pendingDelayNanos = 0;
    pendingReads = 0;
    if (reads == 0 && delay == 0) {
      done.run();
      return;
    }
    Runnable read = reads == 0 ? done : () -> io.faultReads(reads, done);
    if (delay > 0) {
      simulation.scheduleAfter(delay, read);
    } else {
      read.run();
    }
  }

  private void noteTouch(long pages) {
    decayTouches();
    touchedEwma += pages;
  }

  /** Touched pages decay over a 60 s window: ESXi samples working sets every 60 s. */
  private void decayTouches() {
    long now = simulation.now();
    if (now > lastTouch) {
      touchedEwma *= Math.exp(-SimTime.toSeconds(now - lastTouch) / 60.0);
      lastTouch = now;
    }
  }

  // ---------------------------------------------------------------- file cache

  /**
   * Adds file pages read or written through the cache, into RAM the tenant does not use; never
   * evicts anonymous memory for them (the page cache gives way first under pressure).
   */
  public void cacheFile(long bytes) {
    long want = Pages.of(bytes);
    if (killed || want <= 0) {
      return;
    }
    long guestRoom = ramLimit - used();
    if (kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      // Free guest frames the host still backs in RAM take the cache first: no host growth.
      long reuse = Math.min(want, Math.min(guestRoom, freeBacked - hostSwappedFree));
      freeBacked -= reuse;
      file += reuse;
      want -= reuse;
      guestRoom -= reuse + freeBacked;
    }
    long hostRoom =
        kind == TenantMemoryConfig.Kind.VM_PARTITIONED ? Long.MAX_VALUE : host.freePages();
    long add = Math.min(want, Math.min(guestRoom, hostRoom));
    if (add > 0) {
      file += add;
    }
    sync();
    if (add > 0 && kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      host.settle(); // guest cache is host memory too: ESXi may move to a lower free state
    }
  }

  /** The operations a host reclaimer applies to this tenant's pages. */
  public TenantReclaim reclaim() {
    return reclaim;
  }

  // ---------------------------------------------------------------- death

  /** Marks the tenant dead and frees all it held. Called by the host; returns pages freed. */
  long die() {
    long freed = hostRamPages();
    killed = true;
    anon = 0;
    swapped = 0;
    file = 0;
    kernel = 0;
    freeBacked = 0;
    balloon = 0;
    hostSwappedAnon = 0;
    hostSwappedVswap = 0;
    hostSwappedFree = 0;
    compressed = 0;
    shared = 0;
    sync();
    return freed;
  }

  void runKiller() {
    killer.run();
  }

  /** Memory accounting: every state within its parent, the tenant within its RAM and swap. */
  public void checkInvariants() {
    TouchFaults.checkInvariants(this);
  }

  long usedPages() {
    return used();
  }

  boolean isOverRam() {
    return !killed && used() > ramLimit;
  }
}
