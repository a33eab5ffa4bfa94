package dev.oversold.core.storage;

import java.util.Arrays;

/**
 * Counts per slot with prefix sums and selection by cumulative count in O(log n): picks a slot with
 * probability proportional to its count in one pass down the tree.
 */
final class Fenwick {
  private long[] tree;
  private long[] counts;
  private long total;

  Fenwick(int slots) {
    int size = Integer.highestOneBit(Math.max(1, slots - 1)) << 1;
    tree = new long[size + 1];
    counts = new long[size];
  }

  int capacity() {
    return counts.length;
  }

  void grow(int slots) {
    if (slots <= counts.length) {
      return;
    }
    long[] old = counts;
    int size = Integer.highestOneBit(slots - 1) << 1;
    counts = Arrays.copyOf(old, size);
    tree = new long[size + 1];
    total = 0;
    for (int i = 0; i < old.length; i++) {
      if (old[i] != 0) {
        long c = old[i];
        counts[i] = 0;
        add(i, c);
      }
    }
  }

  void add(int slot, long delta) {
    counts[slot] += delta;
    total += delta;
    for (int i = slot + 1; i < tree.length; i += i & -i) {
      tree[i] += delta;
    }
  }

  long count(int slot) {
    return slot < counts.length ? counts[slot] : 0;
  }

  long total() {
    return total;
  }

  /** The slot holding the {@code target}-th unit (0-based) in slot order. */
  int select(long target) {
    int position = 0;
    long remaining = target;
    for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
      int next = position + step;
      if (next < tree.length && tree[next] <= remaining) {
        position = next;
        remaining -= tree[next];
      }
    }
    return position;
  }
}
