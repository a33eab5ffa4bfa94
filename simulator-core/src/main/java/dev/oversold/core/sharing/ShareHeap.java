package dev.oversold.core.sharing;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A binary heap of shares on one of their keys, ties by the order the shares were added to the
 * pool, that knows each share's position (one slot per heap in {@link Share#heapSlots}), so that
 * removal is O(log n). A share's key must not change while it is in the heap.
 */
final class ShareHeap {
  /** The key a heap orders by. */
  enum Key {
    /** Ceiling per weight: where the water level pins the share at its ceiling. */
    HIGH,
    /** Floor per weight: below this level the share is pinned at its floor. */
    LOW,
    /** Pool virtual time at which the share's first job finishes. */
    COMPLETION
  }

  private final int slot;
  private final Key key;
  private final boolean largestFirst;
  private Share[] heap = new Share[8];
  private int size;

  ShareHeap(int slot, Key key, boolean largestFirst) {
    this.slot = slot;
    this.key = key;
    this.largestFirst = largestFirst;
  }

  int size() {
    return size;
  }

  @Nullable Share peek() {
    return size == 0 ? null : heap[0];
  }

  boolean contains(Share share) {
    return share.heapSlots[slot] >= 0;
  }

  /** The share at {@code index} in no particular order, for a scan of every member. */
  Share get(int index) {
    return heap[index];
  }

  void add(Share share) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = share;
    share.heapSlots[slot] = size;
    size++;
    siftUp(size - 1);
  }

  void remove(Share share) {
    int index = share.heapSlots[slot];
    if (index < 0) {
      return;
    }
    size--;
    if (index != size) {
      Share last = heap[size];
      heap[index] = last;
      last.heapSlots[slot] = index;
      siftUp(index);
      siftDown(last.heapSlots[slot]);
    }
    heap[size] = null;
    share.heapSlots[slot] = -1;
  }

  /** Empties the heap. */
  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].heapSlots[slot] = -1;
      heap[i] = null;
    }
    size = 0;
  }

  private double keyOf(Share share) {
    return switch (key) {
      case HIGH -> share.highKey;
      case LOW -> share.lowKey;
      case COMPLETION -> share.completionKey;
    };
  }

  private boolean before(Share a, Share b) {
    double ka = keyOf(a);
    double kb = keyOf(b);
    if (ka != kb) {
      return largestFirst ? ka > kb : ka < kb;
    }
    return a.id < b.id;
  }

  private void siftUp(int index) {
    Share share = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      Share above = heap[parent];
      if (!before(share, above)) {
        break;
      }
      heap[index] = above;
      above.heapSlots[slot] = index;
      index = parent;
    }
    heap[index] = share;
    share.heapSlots[slot] = index;
  }

  private void siftDown(int index) {
    Share share = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      Share smaller = heap[child];
      int right = child + 1;
      if (right < size && before(heap[right], smaller)) {
        child = right;
        smaller = heap[right];
      }
      if (!before(smaller, share)) {
        break;
      }
      heap[index] = smaller;
      smaller.heapSlots[slot] = index;
      index = child;
    }
    heap[index] = share;
    share.heapSlots[slot] = index;
  }
}
