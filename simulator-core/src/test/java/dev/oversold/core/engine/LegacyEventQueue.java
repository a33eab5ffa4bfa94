package dev.oversold.core.engine;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The event queue as it was before the keys moved into arrays of their own (kept as the reference
 * for {@link EventQueueEquivalenceProperties}): a binary min-heap of events keyed by (time,
 * sequence) read from the events themselves, which knows each event's position.
 */
final class LegacyEventQueue {
  private Event[] heap = new Event[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  @Nullable Event peek() {
    return size == 0 ? null : heap[0];
  }

  void add(Event event) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = event;
    event.queueIndex = size;
    size++;
    siftUp(size - 1);
  }

  @Nullable Event poll() {
    if (size == 0) {
      return null;
    }
    Event first = heap[0];
    removeAt(0);
    return first;
  }

  void remove(Event event) {
    int index = event.queueIndex;
    if (index >= 0) {
      removeAt(index);
    }
  }

  /** Restores heap order after {@code event}'s key changed. */
  void changed(Event event) {
    int index = event.queueIndex;
    siftUp(index);
    siftDown(event.queueIndex);
  }

  private void removeAt(int index) {
    Event removed = heap[index];
    size--;
    if (index != size) {
      Event last = heap[size];
      heap[index] = last;
      last.queueIndex = index;
      siftUp(index);
      siftDown(last.queueIndex);
    }
    heap[size] = null;
    removed.queueIndex = -1;
  }

  private void siftUp(int index) {
    Event event = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      Event above = heap[parent];
      if (!event.before(above)) {
        break;
      }
      heap[index] = above;
      above.queueIndex = index;
      index = parent;
    }
    heap[index] = event;
    event.queueIndex = index;
  }

  private void siftDown(int index) {
    Event event = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      Event smaller = heap[child];
      int right = child + 1;
      if (right < size && heap[right].before(smaller)) {
        child = right;
        smaller = heap[right];
      }
      if (!smaller.before(event)) {
        break;
      }
      heap[index] = smaller;
      smaller.queueIndex = index;
      index = child;
    }
    heap[index] = event;
    event.queueIndex = index;
  }
}
