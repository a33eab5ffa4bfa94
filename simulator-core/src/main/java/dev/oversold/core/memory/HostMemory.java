package dev.oversold.core.memory;

import dev.oversold.core.engine.Invariants;
import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host's physical memory and swap and the tenants that hold them. After any tenant grows, {@link
 * #settle()} lets the platform's {@link HostReclaimer} free RAM; if RAM and swap are still
 * exhausted and the platform has a global OOM killer, it kills the tenant with the highest badness
 * (resident plus swapped pages, as the Linux OOM killer scores a process), whoever caused the
 * shortage.
 *
 * <p>Reclaim takes time where the platform says so. A host with kswapd ({@link
 * HostReclaimer#kswapd()}, once {@link #connectKswapd} gives it host CPU) reclaims between its
 * watermarks in the background; below {@link HostReclaimer#directReclaimFreePages} the tenant whose
 * growth found the host short reclaims itself (direct reclaim) and its request waits until the
 * swap-out writes that pass issued are on the device. On a shared kernel that is whoever allocates
 * next, not the tenant that filled the host.
 *
 * <p>A page the host swaps out stays in RAM under writeback until its write completes (mm/vmscan.c
 * shrink_page_list: PageWriteback pages are kept; end_page_writeback lets them go): reclaim counts
 * it towards its target ({@link #freeAfterWritebackPages()}) but its frame is free only when the
 * write is on the device. A task whose allocation found no free frame waits until then: each
 * congestion_wait nap of at most 100 ms ends in a retry, and it goes on only once frames are free
 * or no write is left to wait for (mm/page_alloc.c __alloc_pages_slowpath retries small allocations
 * until they succeed or the OOM killer runs).
 */
public final class HostMemory {
  private final String name;
  private final Simulation simulation;
  private final HostMemoryConfig config;
  private final List<TenantMemory> tenants = new ArrayList<>();
  private boolean settling;
  private long retryBelow = Long.MAX_VALUE;
  private long ramUsed;
  private long swapUsed;
  private long writeback;
  private @Nullable WriteWait lastHostWrite;
  private long globalOomKills;
  private long tenantOomKills;
  private @Nullable Kswapd kswapd;
  private @Nullable WriteWait currentWrites;
  private long directReclaims;

  /** Runs reference-core-seconds of host work, then {@code done}. */
  @FunctionalInterface
  public interface Cpu {
    void run(double work, Runnable done);
  }

  public HostMemory(String name, Simulation simulation, HostMemoryConfig config) {
    this.name = name;
    this.simulation = simulation;
    this.config = config;
  }

  public String name() {
    return name;
  }

  public Simulation simulation() {
    return simulation;
  }

  public HostMemoryConfig config() {
    return config;
  }

  /**
   * Gives the host's kswapd its CPU: without it (unit tests of the accounting alone) reclaim
   * between the watermarks happens at once in the allocating call, as a host without kswapd would.
   */
  public void connectKswapd(Cpu cpu) {
    if (config.reclaimer().kswapd()) {
      kswapd = new Kswapd(this, cpu);
    }
  }

  /** Direct-reclaim passes run so far (a tenant reclaimed itself because the host was short). */
  public long directReclaims() {
    return directReclaims;
  }

  /** kswapd's batches so far (0 without kswapd). */
  public long kswapdBatches() {
    return kswapd == null ? 0 : kswapd.batches();
  }

  /** Pages kswapd freed so far (0 without kswapd). */
  public long kswapdReclaimedPages() {
    return kswapd == null ? 0 : kswapd.reclaimedPages();
  }

  public TenantMemory add(String tenant, TenantMemoryConfig tenantConfig, RandomStream random) {
    TenantMemory memory = new TenantMemory(this, tenant, tenantConfig, random);
    tenants.add(memory);
    memory.syncNew();
    return memory;
  }

  /** Tenants in the order added. */
  public List<TenantMemory> tenants() {
    return Collections.unmodifiableList(tenants);
  }

  /** RAM pages tenants may use: RAM less the host's own reservation. */
  public long ramCapacityPages() {
    return config.ramPages() - config.reservedPages();
  }

  /** RAM pages tenants hold now: a running total each tenant keeps up to date, O(1). */
  public long ramUsedPages() {
    return ramUsed;
  }

  /** Applies a tenant's change in RAM, swap and writeback pages. */
  void adjust(long ramDelta, long swapDelta, long writebackDelta) {
    ramUsed += ramDelta;
    swapUsed += swapDelta;
    writeback += writebackDelta;
  }

  /**
   * Pages under writeback to host swap now: in RAM (counted in {@link #ramUsedPages()}) and holding
   * a swap slot (counted in {@link #swapUsedPages()}) until their write completes.
   */
  public long writebackPages() {
    return writeback;
  }

  /**
   * Free pages once every write in flight has completed: what reclaim counts towards its target, as
   * pages it already started writing are on their way out.
   */
  public long freeAfterWritebackPages() {
    return freePages() + writeback;
  }

  /**
   * The callback of a host swap-out write of {@code tenant}'s pages ({@code a} anonymous, {@code v}
   * vSwap, {@code f} free frames) issued now: when it runs, the pages leave RAM, then whoever waits
   * for the write goes on.
   */
  Runnable hostWriteCompletion(TenantMemory tenant, long a, long v, long f) {
    Runnable pass = writeCompletion();
    WriteWait write = new WriteWait();
    Runnable last = write.issue();
    lastHostWrite = write;
    tenant.hostWriteIssued();
    return () -> {
      tenant.hostWritten(a, v, f);
      pass.run();
      last.run();
    };
  }

  /**
   * The latest host swap-out write still in flight (host writes complete in the order issued on the
   * host's one swap queue), or null: a task short of a frame waits for it.
   */
  @Nullable WriteWait pendingHostWrite() {
    WriteWait write = lastHostWrite;
    return write != null && write.pending() ? write : null;
  }

  /** Sums every tenant's pages from scratch (invariant checks). */
  long recountRamPages() {
    long used = 0;
    for (TenantMemory tenant : tenants) {
      used += tenant.hostRamPages();
    }
    return used;
  }

  long recountSwapPages() {
    long used = 0;
    for (TenantMemory tenant : tenants) {
      used += tenant.hostSwapPages();
    }
    return used;
  }

  /** RAM pages free now; negative while the host is short. */
  public long freePages() {
    return ramCapacityPages() - ramUsedPages();
  }

  public long swapUsedPages() {
    return swapUsed;
  }

  public long swapFreePages() {
    return config.swapPages() - swapUsedPages();
  }

  /** Tenants killed by the host's global OOM killer so far. */
  public long globalOomKills() {
    return globalOomKills;
  }

  /** Tenants killed by their own limit (OOM inside a container or guest) so far. */
  public long tenantOomKills() {
    return tenantOomKills;
  }

  /** Reclaims when short (no allocating task waits); kills when reclaim cannot help. */
  public void settle() {
    settle(null);
  }

  /**
   * Reclaims when short; kills when reclaim cannot help and the platform has a global OOM. {@code
   * allocator}: the tenant whose growth is being settled; when the pass is direct reclaim, its
   * request waits for the pass's swap-out writes.
   */
  void settle(@Nullable TenantMemory allocator) {
    if (settling) {
      return;
    }
    settling = true;
    try {
      HostReclaimer reclaimer = config.reclaimer();
      long trigger = reclaimer.triggerFreePages(this);
      long free = freePages();
      long direct = reclaimer.directReclaimFreePages(this);
      if (free >= trigger) {
        retryBelow = Long.MAX_VALUE;
      } else if (kswapd != null) {
        kswapd.wake();
        if ((freePages() < direct && freePages() < retryBelow) || freePages() < 0) {
          // Below min while kswapd lags: the allocating task reclaims one batch itself.
          long target = Math.min(reclaimer.targetFreePages(this), direct + reclaimBatchPages());
          directPass(target, allocator);
          long after = freeAfterWritebackPages();
          retryBelow = after < direct ? after - reclaimBatchPages() : Long.MAX_VALUE;
        }
      } else if (free < retryBelow || free < 0) {
        long target = reclaimer.targetFreePages(this);
        if (free < direct || free < 0) {
          directPass(target, allocator);
        } else {
          reclaimPass(target, null);
        }
        long after = freeAfterWritebackPages();
        // A pass that could not reach the trigger is not repeated on every fault: only once
        // another batch (the trigger-to-target gap) is gone, so stuck reclaim stays amortised;
        // a host actually short (free < 0) always reclaims.
        retryBelow = after < trigger ? after - Math.max(1, target - trigger) : Long.MAX_VALUE;
      }
      // Pages under writeback are reclaim's progress, not a failure: the OOM killer runs only when
      // even their frames would not cover the shortfall.
      while ((freeAfterWritebackPages() < 0 || swapFreePages() < 0) && reclaimer.globalOom()) {
        TenantMemory victim = worstBadness();
        if (victim == null) {
          break;
        }
        kill(victim, true);
      }
    } finally {
      settling = false;
    }
  }

  private void directPass(long target, @Nullable TenantMemory allocator) {
    directReclaims++;
    WriteWait writes = new WriteWait();
    reclaimPass(target, writes);
    if (allocator == null) {
      return;
    }
    if (writes.pending()) {
      allocator.stallOn(writes);
    }
    WriteWait inFlight = pendingHostWrite();
    if (freePages() < 0 && inFlight != null && inFlight != writes) {
      // No frame is free for this allocation until writes issued earlier complete.
      allocator.stallOn(inFlight);
    }
  }

  /**
   * One pass of the platform's reclaimer towards {@code target} free pages; the swap-out writes it
   * issues are counted in {@code writes} when someone waits for them.
   */
  void reclaimPass(long target, @Nullable WriteWait writes) {
    WriteWait outer = currentWrites;
    currentWrites = writes;
    try {
      config.reclaimer().reclaim(this, target);
    } finally {
      currentWrites = outer;
    }
  }

  /** The callback a swap-out write issued now runs when written: counted if someone waits. */
  Runnable writeCompletion() {
    WriteWait writes = currentWrites;
    return writes == null ? HostMemory::nothing : writes.issue();
  }

  private static void nothing() {}

  /**
   * Pages one reclaim batch frees: a sixteenth of the low-to-high watermark gap, at least
   * SWAP_CLUSTER_MAX (32 pages, include/linux/swap.h). The sixteenth is the model's granularity
   * (events per kswapd wake-up), not a kernel figure.
   */
  long reclaimBatchPages() {
    HostReclaimer reclaimer = config.reclaimer();
    long gap = reclaimer.targetFreePages(this) - reclaimer.triggerFreePages(this);
    return Math.max(SWAP_CLUSTER_MAX, gap / BATCHES_PER_WAKEUP);
  }

  /** SWAP_CLUSTER_MAX: pages reclaim takes per try (include/linux/swap.h). */
  static final long SWAP_CLUSTER_MAX = 32;

  /** Batches a kswapd wake-up from low to high is split into (model granularity). */
  static final long BATCHES_PER_WAKEUP = 16;

  /**
   * The live tenant with the most resident plus swapped pages (first added on a tie), passing over
   * tenants within their OOM guarantee unless every candidate is.
   */
  private TenantMemory worstBadness() {
    TenantMemory worst = worst(true);
    return worst != null ? worst : worst(false);
  }

  private TenantMemory worst(boolean honourGuarantees) {
    TenantMemory worst = null;
    long worstScore = -1;
    for (TenantMemory tenant : tenants) {
      if (tenant.killed()) {
        continue;
      }
      long score = tenant.hostRamPages() + tenant.hostSwapPages();
      if (honourGuarantees && score <= Pages.of(tenant.config().oomGuardBytes())) {
        continue;
      }
      if (score > worstScore) {
        worst = tenant;
        worstScore = score;
      }
    }
    return worst;
  }

  /** A tenant passed its own RAM + swap: the OOM killer inside it ends its workload. */
  void oomKill(TenantMemory tenant, boolean global) {
    kill(tenant, global);
  }

  private void kill(TenantMemory tenant, boolean global) {
    if (tenant.killed()) {
      return;
    }
    tenant.die();
    if (global) {
      globalOomKills++;
    } else {
      tenantOomKills++;
    }
    tenant.runKiller();
  }

  /** RAM and swap never over-committed at rest; every tenant's own accounting consistent. */
  public void checkInvariants() {
    if (!Invariants.ENABLED) {
      return;
    }
    for (TenantMemory tenant : tenants) {
      tenant.checkInvariants();
    }
    Invariants.check(
        recountRamPages() == ramUsed && recountSwapPages() == swapUsed,
        "%s: running totals %d RAM / %d swap pages drifted from %d / %d",
        name,
        ramUsed,
        swapUsed,
        recountRamPages(),
        recountSwapPages());
    Invariants.check(
        freeAfterWritebackPages() >= 0 && writeback >= 0,
        "%s: %d RAM pages used (%d under writeback) of %d",
        name,
        ramUsedPages(),
        writeback,
        ramCapacityPages());
    Invariants.check(
        swapFreePages() >= 0,
        "%s: %d swap pages used of %d",
        name,
        swapUsedPages(),
        config.swapPages());
  }
}
