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
  private MemoryEvents events = MemoryEvents.faultsOnly(count -> {});
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
  // Pages under host writeback (PG_writeback): chosen for host swap, a swap slot taken, the write
  // issued but not complete. Each is still in host RAM, inside its parent state (wbAnon within
  // resident anon, wbVswap within vSwap in RAM, wbFree within backed free frames), and becomes
  // swapped only when its write completes (mm/vmscan.c shrink_page_list: a page under writeback
  // is not freed; end_page_writeback lets the next pass free it).
  long wbAnon;
  long wbVswap;
  long wbFree;
  // Host swap-out writes of this tenant's pages issued and not complete.
  private long hostWritesInFlight;

  private boolean killed;
  private long syncedRam;
  private long syncedSwap;
  private long syncedWriteback;
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
    connect(newIo, MemoryEvents.faultsOnly(newFaultCounter), newKiller);
  }

  /**
   * Wires the tenant's disk, what it reports (faults, stalls, and the swap traffic its disk carries
   * for it) and what an OOM kill does.
   */
  public void connect(MemoryIo newIo, MemoryEvents newEvents, Runnable newKiller) {
    this.events = newEvents;
    this.io =
        new MemoryIo() {
          @Override
          public void faultReads(long pages, Runnable done) {
            newEvents.swapIn(Math.max(0, pages));
            newIo.faultReads(pages, done);
          }

          @Override
          public void swapWrites(long pages, boolean hostSwap, Runnable written) {
            newEvents.swapOut(Math.max(0, pages));
            newIo.swapWrites(pages, hostSwap, written);
          }
        };
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
    wbVswap -= Draws.portion(wbVswap, fromSwap - hv, swapped - hostSwappedVswap);
    hostSwappedVswap -= hv;
    swapped -= fromSwap;
    // The host-swapped, compressed and shared pages are disjoint parts of anon: draw them one
    // after another from what is left so the three never add up to more than was freed.
    long hs = Draws.portion(hostSwappedAnon, fromAnon, anon);
    long plainAnon = anon - hostSwappedAnon;
    long cp = Draws.portion(compressed, fromAnon - hs, plainAnon);
    long sh = Draws.portion(shared, fromAnon - hs - cp, plainAnon - compressed);
    long wb = Draws.portion(wbAnon, fromAnon - hs - cp - sh, plainAnon - compressed - shared);
    wbAnon -= wb;
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
      // The host does not know the guest freed a frame it is writing out: the write goes on.
      wbFree += wb;
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
      // A vSwap page in RAM whose host write is still in flight is found in the swap cache: it
      // comes back without a read, and its frame stays.
      wbVswap -= Draws.portion(wbVswap, vswapFaults, swapped - hostSwappedVswap);
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
      events.majorFaults(faults);
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

  /**
   * Pages the host is writing to its swap now: still in host RAM, a swap slot already theirs
   * (counted in both until the write completes).
   */
  public long writebackPages() {
    return wbAnon + wbVswap + wbFree;
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
    return hostSwappedPages() + writebackPages() + (kind.swapOnHost() ? swapped : 0);
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
    long writeback = killed ? 0 : writebackPages();
    host.adjust(ram - syncedRam, swap - syncedSwap, writeback - syncedWriteback);
    syncedRam = ram;
    syncedSwap = swap;
    syncedWriteback = writeback;
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
    events.reclaimStall(nanos);
  }

  /** Requests that waited for swap-out writes in reclaim (their own or the host's direct). */
  public long reclaimStalls() {
    return stalls;
  }

  /** Total time requests waited for reclaim writes, ns. */
  public long reclaimStallNanos() {
    return stallNanos;
  }

  /** A host swap-out write of this tenant's pages was issued ({@link #hostWritten} ends it). */
  void hostWriteIssued() {
    hostWritesInFlight++;
  }

  /**
   * The host's write of {@code a} anonymous, {@code v} vSwap and {@code f} free-frame pages
   * completed: those still under writeback leave host RAM for host swap (end_page_writeback; the
   * frame is free from now on). Pages touched or freed meanwhile left writeback already. Pages move
   * between states while under writeback: an anonymous page the guest frees becomes a free frame
   * under writeback, one a container's own reclaim moves to vSwap stays in RAM as vSwap under
   * writeback; so what a batch does not find among its anonymous pages it takes from the vSwap,
   * then the free frames under writeback. A batch takes at most what is still under writeback
   * (pages are not told apart by batch), and the tenant's last write in flight takes all that is
   * left: no page is under writeback without a write (MemoryAccountingProperties seed
   * 6337648071934996292 left a page moved to vSwap under writeback for ever on OpenVZ).
   */
  void hostWritten(long a, long v, long f) {
    hostWritesInFlight--;
    if (killed) {
      return;
    }
    long da;
    long dv;
    long df;
    if (hostWritesInFlight <= 0) {
      hostWritesInFlight = 0;
      da = wbAnon;
      dv = wbVswap;
      df = wbFree;
    } else {
      da = Math.min(a, wbAnon);
      long moved = a - da; // the batch's anonymous pages that are vSwap or free frames now
      dv = Math.min(v + moved, wbVswap);
      moved -= Math.max(0, dv - v);
      df = Math.min(f + moved, wbFree);
    }
    wbAnon -= da;
    hostSwappedAnon += da;
    wbVswap -= dv;
    hostSwappedVswap += dv;
    wbFree -= df;
    hostSwappedFree += df;
    sync();
  }

  /**
   * The guest reuses {@code reused} backed free frames, {@code swappedFrames} of them swapped by
   * the host: the others are drawn evenly from frames in RAM, some under writeback (those stay in
   * RAM now, the write goes on without them). Call before {@code freeBacked} and {@code
   * hostSwappedFree} shrink. Returns the frames taken back from writeback: host reclaim counted
   * them as on their way out, so the host is that much shorter once its writes complete and must
   * settle again (on KVM the guest's write faults the page back from the host's swap cache,
   * mm/memory.c do_swap_page, and the mapped page is not freed when its write ends).
   */
  long reuseFreeFrames(long reused, long swappedFrames) {
    long rescued = Draws.portion(wbFree, reused - swappedFrames, freeBacked - hostSwappedFree);
    wbFree -= rescued;
    return rescued;
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
    wbAnon = 0;
    wbVswap = 0;
    wbFree = 0;
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
