package dev.oversold.core.memory;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.model.Skew;
import dev.oversold.core.workload.MemoryAccess;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's memory, counted in pages, at two levels: what the tenant sees (anonymous pages in
 * its RAM or in its own swap, file cache, page tables, balloon) and what the host does with the
 * pages it backs (host swap, compression, sharing).
 *
 * <p>Touches follow the service's working-set skew (uniform unless set with {@link #touchSkew}):
 * pages its own reclaim domain took are the cold ones ({@link TouchLocality}), pages a hypervisor
 * took are any ({@link TouchFaults}). Each fault that needs the disk is one random 4 KiB read on
 * the host disk (through {@link MemoryIo}) and the touching request waits for it.
 */
public final class TenantMemory implements MemoryAccess {
  /** Bytes of anonymous memory one page-table page maps (512 eight-byte entries, x86-64). */
  static final long PAGES_PER_PAGE_TABLE = 512;

  private final String name;
  private final TenantMemoryConfig config;
  final TenantMemoryConfig.Kind kind;
  private final HostMemory host;
  private final RandomStream random;
  MemoryIo io = MemoryIo.NONE;
  private LongConsumer faultCounter = count -> {};
  private Runnable killer = () -> {};
  private final TenantReclaim reclaim = new TenantReclaim(this);
  private final TenantPaging paging = new TenantPaging(this);
  private final GuestFileCache fileCache = new GuestFileCache(this);
  private final WorkingSet workingSet;
  private TouchLocality locality = new TouchLocality(Skew.UNIFORM);

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
  private long syncedFile;
  private @Nullable LongConsumer fileShrunk;
  private long majorFaults;
  private long stalls;
  private long stallNanos;
  long hostEvictions;

  TenantMemory(HostMemory host, String name, TenantMemoryConfig config, RandomStream random) {
    this.host = host;
    this.workingSet = new WorkingSet(host.simulation());
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

  /**
   * How the tenant's touches spread over its allocation (a service's {@code working-set-skew}):
   * which pages its reclaim keeps resident, and so how many touches fault.
   */
  public void touchSkew(Skew skew) {
    this.locality = new TouchLocality(skew);
  }

  TouchLocality locality() {
    return locality;
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
    paging.payInBackground();
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
    paging.takeGuestFrames(n);
    kernel = pageTables(anon + swapped);
    sync();
    paging.makeRoom();
    sync();
    host.settle(this);
    return !killed;
  }

  @Override
  public void allocate(long bytes, Allocated done) {
    boolean accepted = allocateNow(bytes);
    paging.pay(0, 0, () -> done.done(accepted));
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
    // The host-swapped, compressed and shared pages are disjoint parts of anon: draw them one
    // after another from what is left so the three never add up to more than was freed.
    long hs = Draws.portion(hostSwappedAnon, fromAnon, anon);
    long plainAnon = anon - hostSwappedAnon;
    long cp = Draws.portion(compressed, fromAnon - hs, plainAnon);
    long sh = Draws.portion(shared, fromAnon - hs - cp, plainAnon - compressed);
    hostSwappedAnon -= hs;
    compressed -= cp;
    shared -= sh;
    anon -= fromAnon;
    if (kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      // The guest freed them; the host still backs the frames until a balloon returns them. A
      // frame the host had merged or compressed is not a whole resident frame: counting it as one
      // would grow host RAM on a free. A merged frame costs nothing of its own; a compressed one's
      // fraction of a page is dropped with it (a slight undercount until the guest reuses it).
      freeBacked += fromAnon - cp - sh;
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
    workingSet.touched(n);
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
      paging.takeGuestFrames(inSwap);
      sync();
      paging.makeRoom();
    }
    sync();
    long faults = inSwap + hostFaults + decompressions;
    if (faults > 0) {
      majorFaults += faults;
      faultCounter.accept(faults);
      host.settle(this);
    }
    long reads = (kind.virtualSwap() ? swapOnDisk : inSwap) + hostFaults;
    long delay =
        vswapFaults * host.config().vswapFaultNanos()
            + decompressions * host.config().decompressNanos();
    paging.pay(delay, reads, done);
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
    long pages = anon - hostSwappedAnon - compressed - shared + file + kernel;
    pages += compressedFootprint();
    if (kind.virtualSwap()) {
      pages += swapped - hostSwappedVswap;
    }
    if (kind == TenantMemoryConfig.Kind.VM_ON_DEMAND) {
      pages += freeBacked - hostSwappedFree;
    }
    return overhead + grownOverhead(pages) + pages;
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
    return workingSet.activeFraction(anon + file);
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
    if (file < syncedFile && fileShrunk != null) {
      syncedFile = file;
      fileShrunk.accept(file);
    }
    syncedFile = file;
  }

  /** Overhead that grows with the pages the host backs (KVM's host page tables), rounded up. */
  private long grownOverhead(long backedPages) {
    double fraction = config.overheadFraction();
    return fraction == 0 ? 0 : (long) Math.ceil(backedPages * fraction);
  }

  private long compressedFootprint() {
    return (long) Math.ceil(compressed * host.config().compressedFraction());
  }

  // ---------------------------------------------------------------- tenant-level paging

  /** Page tables for {@code pages} of anonymous memory (kernel memory, counted in the tenant). */
  static long pageTables(long pages) {
    return (pages + PAGES_PER_PAGE_TABLE - 1) / PAGES_PER_PAGE_TABLE;
  }

  long usedPages() {
    return anon + file + kernel + balloon;
  }

  TenantPaging paging() {
    return paging;
  }

  /** The request waits for a host direct-reclaim pass's writes. */
  void stallOn(WriteWait writes) {
    paging.stallOn(writes);
  }

  void recordStall(long nanos) {
    stalls++;
    stallNanos += nanos;
  }

  /** Requests that waited for swap-out writes in reclaim (their own or the host's direct). */
  public long reclaimStalls() {
    return stalls;
  }

  /** Total time requests waited for reclaim writes, ns. */
  public long reclaimStallNanos() {
    return stallNanos;
  }

  // ---------------------------------------------------------------- file cache

  /**
   * Adds file pages read or written through the cache, into RAM the tenant does not use; never
   * evicts anonymous memory for them (the page cache gives way first under pressure).
   */
  public void cacheFile(long bytes) {
    fileCache.add(bytes);
  }

  /**
   * Adds up to {@code pages} page-cache pages (a file read's missed pages) and returns how many
   * found room (free RAM below the tenant's limit that the host has too; never anonymous memory).
   */
  public long cacheFilePages(long pages) {
    long before = file;
    fileCache.add(pages * Pages.PAGE_BYTES);
    return file - before;
  }

  /** Pages {@link #cacheFilePages} could add now. */
  public long fileCacheRoomPages() {
    return fileCache.room();
  }

  /** Pages below the tenant's own RAM limit: 0 or less when it is at its limit. */
  public long ownRoomPages() {
    return fileCache.ownRoom();
  }

  /** Drops up to {@code pages} clean page-cache pages the cache reclaimed; returns how many. */
  public long uncacheFilePages(long pages) {
    return fileCache.drop(pages);
  }

  /**
   * Calls {@code listener} with the tenant's file pages whenever they drop (reclaim, pressure, a
   * kill), so a page cache that follows this count can let the same number of pages go.
   */
  public void onFileShrunk(LongConsumer listener) {
    this.fileShrunk = listener;
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

  boolean isOverRam() {
    return !killed && usedPages() > ramLimit;
  }

  HostMemory host() {
    return host;
  }
}
