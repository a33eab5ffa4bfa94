package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The page cache against Che's approximation for LRU under the independent reference model (Che,
 * Tung and Wang 2002; Fricker, Robert and Roberts 2012): the cache behaves as if every page stayed
 * for a characteristic time T after its last read, T solving sum_i (1 - exp(-p_i T)) = C (p_i read
 * rates per read, C the capacity); page i then hits with probability 1 - exp(-p_i T). A stream read
 * at rate q occupies q T pages, so sum_i (1 - exp(-p_i T)) + q T = C. The expected figures below
 * are computed by {@link Che}, independently of the cache code.
 */
final class PageCacheTest {
  private static final int WARMUP = 300_000;
  private static final int MEASURED = 600_000;

  /** Che's approximation on exact Zipf ranks (no segments), solved by bisection on T. */
  static final class Che {
    private Che() {}

    static double zipfHitRatio(int pages, double s, long capacity, double streamShare) {
      double[] p = new double[pages];
      double norm = 0;
      for (int i = 0; i < pages; i++) {
        p[i] = Math.pow(i + 1, -s);
        norm += p[i];
      }
      double victimShare = 1 - streamShare;
      for (int i = 0; i < pages; i++) {
        p[i] = p[i] / norm * victimShare;
      }
      double lo = 0;
      double hi = 1e12;
      for (int iteration = 0; iteration < 200; iteration++) {
        double t = (lo + hi) / 2;
        double occupied = streamShare * t;
        for (double rate : p) {
          occupied += -Math.expm1(-rate * t);
        }
        if (occupied > capacity) {
          hi = t;
        } else {
          lo = t;
        }
      }
      double t = (lo + hi) / 2;
      double hits = 0;
      for (double rate : p) {
        hits += rate * -Math.expm1(-rate * t);
      }
      return hits / victimShare;
    }
  }

  private static double victimHitRatio(
      PageCache.Policy policy, Dataset victim, long capacity, boolean withStream) {
    PageCache cache = new PageCache(capacity, policy, 32, new RandomStream(11));
    PageCache.CachedFile file = cache.open("victim", victim);
    PageCache.CachedFile stream = cache.open("streamer", Dataset.stream());
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      if (i == WARMUP) {
        file = reset(file);
      }
      cache.read(file);
      if (withStream) {
        cache.read(stream);
      }
    }
    assertTrue(cache.size() <= capacity);
    return (file.hits() - warmHits) / (double) MEASURED;
  }

  private static long warmHits;

  private static PageCache.CachedFile reset(PageCache.CachedFile file) {
    warmHits = file.hits();
    return file;
  }

  @Test
  void lru_zipfHitRatioMatchesChe() {
    // 20,000 pages, Zipf 0.8, 2,000 pages of cache.
    double expected = Che.zipfHitRatio(20_000, 0.8, 2_000, 0);
    double measured = victimHitRatio(PageCache.Policy.LRU, Dataset.zipf(20_000, 0.8), 2_000, false);
    assertEquals(expected, measured, 0.005);
  }

  @Test
  void lru_streamingNeighbourCostsWhatCheSays() {
    // The same victim next to a stream read as often: half the reads are the stream's, each of its
    // pages holds the cache for T, so the victim keeps far less.
    double expected = Che.zipfHitRatio(20_000, 0.8, 2_000, 0.5);
    double measured = victimHitRatio(PageCache.Policy.LRU, Dataset.zipf(20_000, 0.8), 2_000, true);
    assertEquals(expected, measured, 0.005);
    assertTrue(expected < Che.zipfHitRatio(20_000, 0.8, 2_000, 0) - 0.1);
  }

  @Test
  void uniformDataset_hitsInProportionToWhatFits() {
    // Under independent uniform reads any full cache of C of N pages hits C / N = 0.25.
    assertEquals(
        0.25, victimHitRatio(PageCache.Policy.LRU, Dataset.uniform(8_000), 2_000, false), 0.01);
    assertEquals(
        0.25,
        victimHitRatio(PageCache.Policy.TWO_LIST, Dataset.uniform(8_000), 2_000, false),
        0.01);
  }

  @Test
  void twoLists_protectTheActiveSetFromAStream() {
    // Pages read once never reach the active list, so the stream churns only the inactive half:
    // the victim keeps more of its hot pages than under one LRU list.
    Dataset victim = Dataset.zipf(20_000, 0.8);
    double lru = victimHitRatio(PageCache.Policy.LRU, victim, 2_000, true);
    double twoLists = victimHitRatio(PageCache.Policy.TWO_LIST, victim, 2_000, true);
    assertTrue(twoLists > lru + 0.05, "two lists " + twoLists + " vs LRU " + lru);
  }

  @Test
  void shrinking_evictsDownToTheNewCapacity() {
    PageCache cache = new PageCache(1_000, PageCache.Policy.TWO_LIST, 8, new RandomStream(3));
    PageCache.CachedFile file = cache.open("t", Dataset.uniform(10_000));
    for (int i = 0; i < 20_000; i++) {
      cache.read(file);
    }
    assertEquals(1_000, cache.size());
    cache.setCapacity(100);
    assertEquals(100, cache.size());
    assertEquals(100, file.resident());
  }
}
