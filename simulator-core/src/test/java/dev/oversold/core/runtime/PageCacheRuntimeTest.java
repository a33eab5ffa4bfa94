package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.model.Skew;
import dev.oversold.core.testkit.Specs;
import dev.oversold.core.workload.FileReads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads through the page cache in a run: what a hit and a miss cost, and the hit ratio. */
final class PageCacheRuntimeTest {
  private static final long GIB = 1L << 30;

  /** A 4 KiB random read on the idle test disk: 1 ms positioning + 4,096 B at 100 MB/s. */
  private static final long READ = 1_000_000 + 40_960;

  @Test
  void miss_isOneDeviceRead_hit_costsNoIo() {
    // A one-page dataset on bare metal. The first read misses: one random 4 KiB read on the idle
    // device, done at READ = 1,040,960 ns, and the page enters the cache. A read at 1 s hits: it
    // is done at 1 s exactly, and the device served one request of 4,096 B in all.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "bare-metal", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("t", "h", GIB, Map.of())));
    TenantRuntime tenant = hosts.tenant(0);
    FileReads file = tenant.storage().dataset(Skew.UNIFORM, 1);
    long[] first = {-1};
    long[] second = {-1};
    file.read(1, () -> first[0] = hosts.simulation.now());
    hosts.simulation.schedule(
        SimTime.SECOND, () -> file.read(1, () -> second[0] = hosts.simulation.now()));
    hosts.simulation.runUntil(2 * SimTime.SECOND);
    assertEquals(READ, first[0]);
    assertEquals(SimTime.SECOND, second[0]);
    assertEquals(1, tenant.storage().queue().completed());
    assertEquals(Pages.PAGE_BYTES, tenant.storage().queue().bytes());
    assertEquals(1, tenant.recorder().cacheHits());
    assertEquals(1, tenant.recorder().cacheMisses());
    assertEquals(1, tenant.memoryModel().fileCachePages()); // the page is in the tenant's memory
  }

  @Test
  void zipfDataset_inAFixedCache_hitsAsTheTwoListApproximationSays() {
    // One process group on bare metal with 1,000 pages of RAM and no anonymous memory: its cache
    // holds exactly 1,000 pages (its limit; the host has 8 GiB). It reads 10,000 pages of Zipf
    // 0.8, 150,000 reads to warm up, then 300,000 measured. The runtime's cache is Linux's two
    // lists (active at most half); the expected ratio comes from TwoListChe below, an
    // independent approximation, and an LRU of the same size (Che) hits less.
    int pages = 10_000;
    double s = 0.8;
    long capacity = 1_000;
    Hosts hosts =
        new Hosts(
            Specs.host("h", "bare-metal", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("t", "h", capacity * Pages.PAGE_BYTES, Map.of())));
    TenantRuntime tenant = hosts.tenant(0);
    FileReads file = tenant.storage().dataset(new Skew.Zipf(s), pages);
    long[] warm = new long[2];
    boolean[] done = {false};
    file.read(
        150_000,
        () -> {
          warm[0] = tenant.recorder().cacheHits();
          warm[1] = tenant.recorder().cacheMisses();
          file.read(300_000, () -> done[0] = true);
        });
    hosts.simulation.runUntil(100_000 * SimTime.SECOND);
    assertTrue(done[0]);
    assertEquals(capacity, tenant.memoryModel().fileCachePages());
    long hits = tenant.recorder().cacheHits() - warm[0];
    long misses = tenant.recorder().cacheMisses() - warm[1];
    assertEquals(300_000, hits + misses);
    double measured = hits / 300_000.0;
    double expected = TwoListChe.zipfHitRatio(pages, s, capacity);
    assertEquals(expected, measured, 0.01, "two-list approximation " + expected);
    assertTrue(measured > LruChe.zipfHitRatio(pages, s, capacity));
  }

  /** Zipf read probabilities of ranks 1..pages. */
  private static double[] zipf(int pages, double s) {
    double[] p = new double[pages];
    double norm = 0;
    for (int i = 0; i < pages; i++) {
      p[i] = Math.pow(i + 1, -s);
      norm += p[i];
    }
    for (int i = 0; i < pages; i++) {
      p[i] /= norm;
    }
    return p;
  }

  /** Che's approximation for one LRU list: page i hits with 1 - exp(-p_i T), sum of those = C. */
  static final class LruChe {
    private LruChe() {}

    static double zipfHitRatio(int pages, double s, long capacity) {
      double[] p = zipf(pages, s);
      double lo = 0;
      double hi = 1e12;
      for (int iteration = 0; iteration < 200; iteration++) {
        double t = (lo + hi) / 2;
        double occupied = 0;
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
      return hits;
    }
  }

  /**
   * Che's idea applied to two lists (segmented LRU, as mm/vmscan.c runs the file lists): a page
   * stays on the inactive list for a characteristic time T1 after it enters (a miss, or demotion
   * from the active list) and on the active list for T2 after its last read there. With reads of
   * rate p (per read), a = 1 - exp(-p T1): a page just read in is read again before it leaves the
   * inactive list; c = 1 - exp(-p (T1 + T2)): an active page is read again before it leaves the
   * cache. After each read a page is either just missed (I) or active (A): I -> A with a, A -> A
   * with c, so pi_A = a / (a + 1 - c), and every hit finds the page on a list: hit ratio = pi_A.
   * Time on the lists per read: active pi_A (1 - exp(-p T2)), inactive a (pi_I + pi_A exp(-p T2)).
   * The kernel keeps the active list at most the inactive one's size; with this skew it fills its
   * half: both sums equal C / 2, solved by nested bisection (T2 outside, T1 inside).
   */
  static final class TwoListChe {
    private TwoListChe() {}

    static double zipfHitRatio(int pages, double s, long capacity) {
      double[] p = zipf(pages, s);
      double half = capacity / 2.0;
      double lo2 = 0;
      double hi2 = 1e9;
      double t1 = 0;
      for (int outer = 0; outer < 80; outer++) {
        double t2 = (lo2 + hi2) / 2;
        t1 = inactiveTime(p, t2, half);
        if (sums(p, t1, t2)[0] > half) {
          hi2 = t2;
        } else {
          lo2 = t2;
        }
      }
      double t2 = (lo2 + hi2) / 2;
      t1 = inactiveTime(p, t2, half);
      double hits = 0;
      for (double rate : p) {
        double a = -Math.expm1(-rate * t1);
        double notC = Math.exp(-rate * (t1 + t2));
        hits += rate * a / (a + notC);
      }
      return hits;
    }

    private static double inactiveTime(double[] p, double t2, double half) {
      double lo = 0;
      double hi = 1e9;
      for (int inner = 0; inner < 80; inner++) {
        double t1 = (lo + hi) / 2;
        if (sums(p, t1, t2)[1] > half) {
          hi = t1;
        } else {
          lo = t1;
        }
      }
      return (lo + hi) / 2;
    }

    /** Expected pages on the active and on the inactive list. */
    private static double[] sums(double[] p, double t1, double t2) {
      double active = 0;
      double inactive = 0;
      for (double rate : p) {
        double a = -Math.expm1(-rate * t1);
        double stay = Math.exp(-rate * t2);
        double notC = Math.exp(-rate * (t1 + t2));
        double piA = a / (a + notC);
        double piI = 1 - piA;
        active += piA * (1 - stay);
        inactive += a * (piI + piA * stay);
      }
      return new double[] {active, inactive};
    }
  }
}
