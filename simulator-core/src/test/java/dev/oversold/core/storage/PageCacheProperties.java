package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

final class PageCacheProperties {
  @Property(tries = 200)
  void cacheNeverHoldsMoreThanItsCapacityNorMoreThanAFile(
      @ForAll @LongRange(min = 0, max = 3_000) long capacity,
      @ForAll boolean twoLists,
      @ForAll @IntRange(min = 1, max = 16) int generations,
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 3) Integer> reads,
      @ForAll @LongRange(min = 0, max = 2_000) long shrinkTo) {
    PageCache cache =
        new PageCache(
            capacity,
            twoLists ? PageCache.Policy.TWO_LIST : PageCache.Policy.LRU,
            generations,
            new RandomStream(capacity * 31 + reads.size()));
    List<PageCache.CachedFile> files = new ArrayList<>();
    files.add(cache.open("a", Dataset.zipf(500, 1.0)));
    files.add(cache.open("b", Dataset.uniform(50)));
    files.add(cache.open("c", Dataset.hotSet(2_000, 0.1, 0.9)));
    files.add(cache.open("d", Dataset.stream()));
    for (int i = 0; i < 20; i++) {
      for (int file : reads) {
        cache.read(files.get(file));
      }
    }
    cache.setCapacity(Math.min(shrinkTo, capacity));
    long total = files.stream().mapToLong(PageCache.CachedFile::resident).sum();
    assertEquals(cache.size(), total);
    assertTrue(cache.size() <= cache.capacity());
    assertTrue(files.get(1).resident() <= 50, "a 50-page file never has more than 50 cached");
    long readsDone = files.stream().mapToLong(f -> f.hits() + f.misses()).sum();
    assertEquals(20L * reads.size(), readsDone);
  }
}
