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

  /**
   * {@code count} pages of {@code slot} become the most recently used, in as many generations as
   * they fill: the same lists as {@code count} calls of {@link #add(int, int)}, in O(count /
   * generationPages + log slots).
   */
  void add(int slot, int slots, long count) {
    if (slot >= perSlot.length) {
      perSlot = Arrays.copyOf(perSlot, Math.max(slots, perSlot.length * 2));
    }
    long left = count;
    while (left > 0) {
      Fenwick youngest = generations.peekLast();
      if (youngest == null || youngest.total() >= generationPages) {
        youngest = new Fenwick(Math.max(slots, slot + 1));
        generations.addLast(youngest);
      }
      long here = Math.min(left, generationPages - youngest.total());
      youngest.grow(slot + 1);
      youngest.add(slot, here);
      perSlot[slot] += here;
      size += here;
      left -= here;
    }
  }

  /**
   * Takes up to {@code pages} pages of slots {@code from} (inclusive) to {@code to} (exclusive)
   * out, oldest generations first; within a generation each page taken is drawn in proportion to
   * the slots' pages there. Returns the pages taken, per slot added into {@code taken} (indexed
   * from {@code from}).
   */
  long removeOldest(int from, int to, long pages, long[] taken, RandomStream random) {
    long need = pages;
    Iterator<Fenwick> it = generations.iterator();
    while (need > 0 && it.hasNext()) {
      Fenwick generation = it.next();
      long inGeneration = 0;
      for (int slot = from; slot < to; slot++) {
        inGeneration += generation.count(slot);
      }
      if (inGeneration == 0) {
        continue;
      }
      if (inGeneration <= need) {
        for (int slot = from; slot < to; slot++) {
          long c = generation.count(slot);
          if (c > 0) {
            generation.add(slot, -c);
            take(slot, c, from, taken);
          }
        }
        need -= inGeneration;
      } else {
        for (; need > 0; need--, inGeneration--) {
          long target = (long) (random.nextDouble() * inGeneration);
          int slot = from;
          while (target >= generation.count(slot)) {
            target -= generation.count(slot);
            slot++;
          }
          generation.add(slot, -1);
          take(slot, 1, from, taken);
        }
      }
      if (generation.total() == 0 && generation != generations.peekLast()) {
        it.remove();
      }
    }
    return pages - need;
  }

  private void take(int slot, long count, int from, long[] taken) {
    perSlot[slot] -= count;
    size -= count;
    taken[slot - from] += count;
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
