package dev.oversold.core.runtime;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.storage.Dataset;
import dev.oversold.core.storage.PageCache;
import dev.oversold.core.workload.FileReads;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * One kernel's page cache for file reads during a run: a {@link PageCache} (active and inactive
 * lists, counts per popularity class) whose size follows the tenants' memory accounting.
 *
 * <ul>
 *   <li>Where: one cache for the whole kernel on OpenVZ and bare metal (2.6.32 keeps one LRU per
 *       zone, mm/vmscan.c, not per container; each page is charged to the container that read it
 *       in, in its physpages [OpenVZ vSwap: "physpages ... includes page cache"]); one per guest on
 *       KVM, Xen and ESXi, inside the guest's RAM. Host caching of image files is not modelled: the
 *       disk's cache mode is taken as {@code none} (O_DIRECT on the image; OpenStack Nova's libvirt
 *       default where the file system supports it; Xen's blkback and ESXi's VMFS do not go through
 *       a host page cache either).
 *   <li>Room: every cached page is a file page of its tenant's memory ({@link
 *       TenantMemory#cacheFilePages}): the cache grows only into free RAM below the tenant's limit
 *       and the host's free RAM, never at the expense of anonymous memory. Memory pressure that
 *       drops a tenant's file pages (its own limit, host reclaim, a kill) takes the same number of
 *       its pages out of the cache, its oldest first ({@link TenantMemory#onFileShrunk}).
 *   <li>Full: when memory has no room for a missed page, the cache reclaims first: a container at
 *       its own limit reclaims its own oldest page (its beancounter's limit reclaim), otherwise the
 *       kernel's oldest page whoever it belongs to (a guest's cache holds only the guest's pages).
 *       A page that still finds no room is read past the cache.
 * </ul>
 *
 * <p>A tenant's file pages that this cache does not track (written pages, reads that always miss:
 * {@code disk-reads}) are dropped first when pressure takes file pages: an assumption (the kernel
 * ages them on the same lists; those pages are not modelled per list).
 */
final class FileCache {
  /**
   * Generations per list: the LRU's resolution (PageCacheTest keeps hit ratios within 0.005 of
   * Che's approximation at 32).
   */
  static final int GENERATIONS = 32;

  private final PageCache cache;
  private final boolean shared;
  private final IdentityHashMap<PageCache.CachedFile, Reader> readers = new IdentityHashMap<>();
  private final IdentityHashMap<TenantMemory, List<Reader>> owners = new IdentityHashMap<>();

  /**
   * @param shared one kernel for every tenant (OpenVZ, bare metal) rather than one guest's cache
   */
  FileCache(boolean shared, RandomStream random) {
    this.shared = shared;
    this.cache = new PageCache(0, PageCache.Policy.TWO_LIST, GENERATIONS, random);
    cache.onReclaim(file -> reader(file).memory.uncacheFilePages(1));
  }

  /** A tenant's dataset, read through this cache. */
  FileReads dataset(
      TenantMemory memory, TenantStorage storage, TenantRecorder recorder, Dataset dataset) {
    return open(memory, storage, recorder, dataset, false);
  }

  /** A tenant's stream (read once), read through this cache. */
  FileReads stream(TenantMemory memory, TenantStorage storage, TenantRecorder recorder) {
    return open(memory, storage, recorder, Dataset.stream(), true);
  }

  private Reader open(
      TenantMemory memory,
      TenantStorage storage,
      TenantRecorder recorder,
      Dataset dataset,
      boolean stream) {
    Reader reader =
        new Reader(cache.open(memory.name(), dataset), memory, storage, recorder, stream);
    readers.put(reader.file, reader);
    List<Reader> own = owners.get(memory);
    if (own == null) {
      own = new ArrayList<>();
      owners.put(memory, own);
      memory.onFileShrunk(pages -> shrunk(memory, pages));
    }
    own.add(reader);
    return reader;
  }

  private Reader reader(PageCache.CachedFile file) {
    Reader reader = readers.get(file);
    if (reader == null) {
      throw new IllegalStateException("a page of an unknown file: " + file.owner());
    }
    return reader;
  }

  /** Pages of {@code memory}'s files in the cache. */
  long tracked(TenantMemory memory) {
    long pages = 0;
    for (Reader reader : owners.getOrDefault(memory, List.of())) {
      pages += reader.file.resident();
    }
    return pages;
  }

  /** The underlying lists (tests). */
  PageCache pageCache() {
    return cache;
  }

  /** Memory dropped file pages of {@code memory}: let the cache's copies of them go too. */
  private void shrunk(TenantMemory memory, long filePages) {
    long excess = tracked(memory) - filePages;
    if (excess > 0) {
      evictOwn(memory, excess);
    }
  }

  /** Takes up to {@code pages} of {@code memory}'s own pages out of the cache, oldest first. */
  private long evictOwn(TenantMemory memory, long pages) {
    long done = 0;
    for (Reader reader : owners.getOrDefault(memory, List.of())) {
      if (done >= pages) {
        break;
      }
      done += cache.evict(reader.file, pages - done);
    }
    return done;
  }

  /**
   * Finds memory for {@code pages} missed pages of {@code reader}'s tenant, reclaiming cached pages
   * when it has none, and returns how many found room (the rest are read past the cache).
   */
  private long room(Reader reader, long pages) {
    TenantMemory memory = reader.memory;
    long got = memory.cacheFilePages(pages);
    if (got < pages && !memory.killed()) {
      long need = pages - got;
      long freed = 0;
      if (!shared || memory.ownRoomPages() <= 0) {
        // A guest's own cache, or a container at its physpages: its own oldest pages go.
        freed = evictOwn(memory, need);
        memory.uncacheFilePages(freed);
      } else {
        // The shared kernel is short: its oldest page goes, whoever read it in.
        while (freed < need) {
          PageCache.CachedFile oldest = cache.evictOldest();
          if (oldest == null) {
            break;
          }
          reader(oldest).memory.uncacheFilePages(1);
          freed++;
        }
      }
      if (freed < need) {
        // File pages this cache does not track (written pages) give way next.
        long untracked = memory.fileCachePages() - tracked(memory);
        memory.uncacheFilePages(Math.min(need - freed, Math.max(0, untracked)));
      }
      got += memory.cacheFilePages(need);
    }
    // The lists' resolution follows the room memory leaves the cache (it never evicts here).
    cache.setCapacity(cache.size() + got + memory.fileCacheRoomPages());
    return got;
  }

  /** One tenant's file, read through the cache. */
  private final class Reader implements FileReads {
    final PageCache.CachedFile file;
    final TenantMemory memory;
    final TenantStorage storage;
    final TenantRecorder recorder;
    final boolean stream;

    Reader(
        PageCache.CachedFile file,
        TenantMemory memory,
        TenantStorage storage,
        TenantRecorder recorder,
        boolean stream) {
      this.file = file;
      this.memory = memory;
      this.storage = storage;
      this.recorder = recorder;
      this.stream = stream;
    }

    @Override
    public void read(long pages, Runnable done) {
      if (pages <= 0) {
        done.run();
        return;
      }
      if (stream) {
        // Read once: every page misses; readahead makes the run one sequential request.
        long cached = room(this, pages);
        cache.stream(file, pages, cached);
        shrunk(memory, memory.fileCachePages()); // if reclaim ran meanwhile
        recorder.cacheReads(0, pages);
        storage.readPastCache(1, pages * Pages.PAGE_BYTES, false, done);
      } else {
        new RandomReads(this, pages, done).next();
      }
    }
  }

  /** Random pages one after another: hits cost nothing, a miss waits for one 4 KiB read. */
  private final class RandomReads {
    private final Reader reader;
    private long remaining;
    private final Runnable done;

    RandomReads(Reader reader, long pages, Runnable done) {
      this.reader = reader;
      this.remaining = pages;
      this.done = done;
    }

    void next() {
      while (remaining > 0) {
        remaining--;
        int slot = cache.lookup(reader.file);
        if (slot == PageCache.HIT) {
          reader.recorder.cacheReads(1, 0);
          continue;
        }
        reader.recorder.cacheReads(0, 1);
        if (room(reader, 1) == 1) {
          cache.admit(slot);
          shrunk(reader.memory, reader.memory.fileCachePages()); // if reclaim ran meanwhile
        }
        reader.storage.readPastCache(1, Pages.PAGE_BYTES, true, this::next);
        return;
      }
      done.run();
    }
  }
}
