package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One kernel's page cache for file data: a reclaim domain whose files compete for {@code capacity}
 * pages. One cache serves a whole OpenVZ node (every container's files in one LRU); each VM has its
 * own inside its RAM; a KVM host or Xen dom0 has one more for image files opened through it.
 *
 * <p>State is counts per popularity class of each file (see {@link Dataset}), never an object per
 * page: a read draws a class, then hits with the fraction of that class's pages that are resident.
 * A miss brings the page in and, when the cache is full, reclaims the coldest pages of any file, so
 * a neighbour streaming through the same cache pushes the victim's pages out.
 *
 * <p>Two reclaim policies: {@link Policy#LRU}, one list; and {@link Policy#TWO_LIST}, Linux's
 * active and inactive file lists (mm/vmscan.c, 2.6.32 to 5.x): a new page enters the inactive list,
 * a second read promotes it to the active list, reclaim takes from the inactive list, and the
 * active list is aged into the inactive one whenever it is larger (inactive_file_is_low). Pages
 * read once, a stream's, pass through the inactive list without displacing the active set.
 */
public final class PageCache {
  /** Reclaim order. */
  public enum Policy {
    LRU,
    TWO_LIST
  }

  /** A file (a tenant's dataset) in this cache, with its hit and miss counts. */
  public static final class CachedFile {
    private final String owner;
    private final Dataset dataset;
    private final int firstSlot;
    private final double[] cumulative;
    private long resident;
    private long hits;
    private long misses;

    private CachedFile(String owner, Dataset dataset, int firstSlot) {
      this.owner = owner;
      this.dataset = dataset;
      this.firstSlot = firstSlot;
      this.cumulative = new double[dataset.segments().size()];
      double sum = 0;
      for (int i = 0; i < cumulative.length; i++) {
        sum += dataset.segments().get(i).probability();
        cumulative[i] = sum;
      }
    }

    public String owner() {
      return owner;
    }

    public Dataset dataset() {
      return dataset;
    }

    /** Pages of this file in the cache. */
    public long resident() {
      return resident;
    }

    public long hits() {
      return hits;
    }

    public long misses() {
      return misses;
    }

    private int segment(double u) {
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (u < cumulative[mid]) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }
  }

  private final Policy policy;
  private final int generations;
  private long capacity;
  private final GenerationList inactive;
  private final GenerationList active;
  private final List<CachedFile> slotFile = new ArrayList<>();
  private final List<Long> slotPages = new ArrayList<>();
  private final RandomStream random;
  private Consumer<CachedFile> reclaimed = file -> {};

  /**
   * @param capacityPages pages the cache may hold
   * @param generations resolution of the LRU order (8 to 32 keep hit ratios within a per cent of an
   *     exact LRU for the datasets tested)
   * @param random draws the class of each read and the page taken within a generation
   */
  public PageCache(long capacityPages, Policy policy, int generations, RandomStream random) {
    Preconditions.checkArgument(capacityPages >= 0, "capacity must be >= 0: %s", capacityPages);
    Preconditions.checkArgument(generations >= 1, "at least one generation: %s", generations);
    this.policy = policy;
    this.generations = generations;
    this.capacity = capacityPages;
    this.random = random;
    this.inactive = new GenerationList(generationPages());
    this.active = new GenerationList(generationPages());
  }

  private long generationPages() {
    long perList = policy == Policy.TWO_LIST ? capacity / 2 : capacity;
    return Math.max(1, perList / generations);
  }

  /** Adds {@code dataset}, read by {@code owner}, to the files this cache serves. */
  public CachedFile open(String owner, Dataset dataset) {
    CachedFile file = new CachedFile(owner, dataset, slotFile.size());
    for (Dataset.Segment segment : dataset.segments()) {
      slotFile.add(file);
      slotPages.add(segment.pages());
    }
    return file;
  }

  /** One read of a page of {@code file}: true when it was cached; a missed page is brought in. */
  public boolean read(CachedFile file) {
    int slot = lookup(file);
    if (slot == HIT) {
      return true;
    }
    insert(slot);
    return false;
  }

  /** What {@link #lookup} returns for a hit. */
  public static final int HIT = -1;

  /**
   * One read of a page of {@code file} that does not bring a missed page in: {@link #HIT} when it
   * was cached (the page counts as read again), else the missed page's class, to pass to {@link
   * #admit} once memory has made room for it (or never, when it found none).
   */
  public int lookup(CachedFile file) {
    int segment = file.segment(random.nextDouble());
    int slot = file.firstSlot + segment;
    long pages = slotPages.get(slot);
    long cached = inactive.count(slot) + active.count(slot);
    boolean hit = cached > 0 && random.nextDouble() * pages < cached;
    if (hit) {
      file.hits++;
      touch(slot, cached);
      return HIT;
    }
    file.misses++;
    return slot;
  }

  /** Brings a page of {@code slot} (from a {@link #lookup} miss) into the inactive list. */
  public void admit(int slot) {
    insert(slot);
  }

  /**
   * {@code pages} reads of a file read once (a stream: every read a miss), of which the first
   * {@code cached} pages enter the inactive list (the rest found no room and were read past the
   * cache).
   */
  public void stream(CachedFile file, long pages, long cached) {
    Preconditions.checkArgument(
        cached >= 0 && cached <= pages, "cached %s of %s pages", cached, pages);
    file.misses += pages;
    if (cached == 0 || capacity == 0) {
      return;
    }
    inactive.add(file.firstSlot, slotFile.size(), cached);
    file.resident += cached;
    shrinkTo(capacity);
  }

  /**
   * Reclaims up to {@code pages} of {@code file}'s pages, its oldest first: the inactive list, then
   * the active one (a container at its own limit reclaiming its own pages, or memory pressure
   * taking file pages the memory model already dropped). Returns the pages reclaimed.
   */
  public long evict(CachedFile file, long pages) {
    int from = file.firstSlot;
    int to = from + file.cumulative.length;
    long[] taken = new long[to - from];
    long done = inactive.removeOldest(from, to, pages, taken, random);
    if (done < pages) {
      done += active.removeOldest(from, to, pages - done, taken, random);
    }
    file.resident -= done;
    if (policy == Policy.TWO_LIST) {
      balance();
    }
    return done;
  }

  /**
   * Reclaims the oldest page of any file (the inactive list first) and returns its file, or null
   * when the cache is empty.
   */
  public @Nullable CachedFile evictOldest() {
    if (size() == 0) {
      return null;
    }
    GenerationList from = inactive.size() > 0 ? inactive : active;
    CachedFile file = slotFile.get(from.pollOldest(random));
    file.resident--;
    if (policy == Policy.TWO_LIST) {
      balance();
    }
    return file;
  }

  /** Tells {@code listener} of every page the cache reclaims itself to stay within capacity. */
  public void onReclaim(Consumer<CachedFile> listener) {
    this.reclaimed = listener;
  }

  private void touch(int slot, long cached) {
    if (policy == Policy.LRU) {
      inactive.remove(slot, random);
      inactive.add(slot, slotFile.size());
      return;
    }
    boolean inActive = random.nextDouble() * cached < active.count(slot);
    (inActive ? active : inactive).remove(slot, random);
    active.add(slot, slotFile.size());
    balance();
  }

  private void insert(int slot) {
    if (capacity == 0) {
      return;
    }
    inactive.add(slot, slotFile.size());
    slotFile.get(slot).resident++;
    shrinkTo(capacity);
  }

  /** Ages the active list into the inactive one while it is the larger. */
  private void balance() {
    while (active.size() > inactive.size()) {
      inactive.add(active.pollOldest(random), slotFile.size());
    }
  }

  private void shrinkTo(long pages) {
    while (inactive.size() + active.size() > pages) {
      GenerationList from = inactive.size() > 0 ? inactive : active;
      CachedFile file = slotFile.get(from.pollOldest(random));
      file.resident--;
      reclaimed.accept(file);
    }
    if (policy == Policy.TWO_LIST) {
      balance();
    }
  }

  /** Changes the room the cache has (memory pressure takes it, free memory gives it back). */
  public void setCapacity(long pages) {
    Preconditions.checkArgument(pages >= 0, "capacity must be >= 0: %s", pages);
    capacity = pages;
    inactive.setGenerationPages(generationPages());
    active.setGenerationPages(generationPages());
    shrinkTo(pages);
  }

  /** Pages cached, all files together. */
  public long size() {
    return inactive.size() + active.size();
  }

  public long capacity() {
    return capacity;
  }

  /** Pages on the active list (0 under {@link Policy#LRU}). */
  public long activePages() {
    return active.size();
  }
}
