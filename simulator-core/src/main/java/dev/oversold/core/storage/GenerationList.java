package dev.oversold.core.storage;

import dev.oversold.core.engine.RandomStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * An LRU list kept as counts, not pages: a queue of generations, each counting pages per slot (a
 * popularity class of one file). Pages enter the youngest generation; a new one opens when it holds
 * {@code generationPages}. Reclaim takes from the oldest generation, a slot drawn in proportion to
 * its pages there, so order is exact between generations and random within one (as Linux's
 * multi-generational LRU ages pages, and the 2.6 lists' second-chance scan nearly does). Memory is
 * O(generations x slots), whatever the number of pages; each step is O(log slots) or
 * O(generations).
 */
final class GenerationList {
  private final ArrayDeque<Fenwick> generations = new ArrayDeque<>();
  private long generationPages;
  private long[] perSlot = new long[16];
  private long size;

  GenerationList(long generationPages) {
    this.generationPages = Math.max(1, generationPages);
  }

  void setGenerationPages(long pages) {
    generationPages = Math.max(1, pages);
  }

  long size() {
    return size;
  }

  long count(int slot) {
    return slot < perSlot.length ? perSlot[slot] : 0;
  }

  /** A page of {@code slot} becomes the most recently used. */
  void add(int slot, int slots) {
    if (slot >= perSlot.length) {
      perSlot = Arrays.copyOf(perSlot, Math.max(slots, perSlot.length * 2));
    }
    Fenwick youngest = generations.peekLast();
    if (youngest == null || youngest.total() >= generationPages) {
      youngest = new Fenwick(Math.max(slots, slot + 1));
      generations.addLast(youngest);
    }
    youngest.grow(slot + 1);
    youngest.add(slot, 1);
    perSlot[slot]++;
    size++;
  }

  /** Takes one page of {@code slot} out, from a generation drawn by its pages of the slot. */
  void remove(int slot, RandomStream random) {
    long target = (long) (random.nextDouble() * perSlot[slot]);
    Iterator<Fenwick> it = generations.iterator();
    while (it.hasNext()) {
      Fenwick generation = it.next();
      long here = generation.count(slot);
      if (target < here) {
        generation.add(slot, -1);
        if (generation.total() == 0 && generation != generations.peekLast()) {
          it.remove();
        }
        break;
      }
      target -= here;
    }
    perSlot[slot]--;
    size--;
  }

  /** Takes a page out of the oldest generation and returns its slot. */
  int pollOldest(RandomStream random) {
    Fenwick oldest = generations.peekFirst();
    while (oldest.total() == 0) {
      generations.pollFirst();
      oldest = generations.peekFirst();
    }
    int slot = oldest.select((long) (random.nextDouble() * oldest.total()));
    oldest.add(slot, -1);
    if (oldest.total() == 0 && generations.size() > 1) {
      generations.pollFirst();
    }
    perSlot[slot]--;
    size--;
    return slot;
  }
}
