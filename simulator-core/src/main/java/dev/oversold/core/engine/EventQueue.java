package dev.oversold.core.engine;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A min-heap of events keyed by (time, sequence) that knows each event's position, so that
 * cancelling or moving an event is O(log n) with no scan and no tombstones left behind.
 *
 * <p>The keys live in two arrays beside the events ({@code times[i]}, {@code sequences[i]} are
 * {@code heap[i]}'s), so that sifting compares array entries next to each other instead of loading
 * every event it passes (with thousands of events pending, each of those loads missed the cache:
 * the disk-host benchmark spent a fifth of its time there). The heap is 4-ary: half the levels of a
 * binary heap, and a node's four children share a cache line of each key array. Keys are unique
 * (the sequence is), so the order in which events leave is the same as any other heap's: (time,
 * sequence) ascending ({@code EventQueueEquivalenceProperties} checks it against the binary heap of
 * events this replaced).
 */
final class EventQueue {
  /** Children per node. */
  private static final int ARITY = 4;

  private Event[] heap = new Event[64];
  private long[] times = new long[64];
  private long[] sequences = new long[64];
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
      times = Arrays.copyOf(times, size * 2);
      sequences = Arrays.copyOf(sequences, size * 2);
    }
    size++;
    siftUp(size - 1, event, event.time, event.sequence);
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
    int index = event.heapIndex;
    if (index >= 0) {
      removeAt(index);
    }
  }

  /** Restores heap order after {@code event}'s key changed. */
  void changed(Event event) {
    int index = event.heapIndex;
    long time = event.time;
    long sequence = event.sequence;
    if (index > 0 && before(time, sequence, (index - 1) / ARITY)) {
      siftUp(index, event, time, sequence);
    } else {
      siftDown(index, event, time, sequence);
    }
  }

  private void removeAt(int index) {
    Event removed = heap[index];
    size--;
    if (index != size) {
      Event last = heap[size];
      long time = times[size];
      long sequence = sequences[size];
      if (index > 0 && before(time, sequence, (index - 1) / ARITY)) {
        siftUp(index, last, time, sequence);
      } else {
        siftDown(index, last, time, sequence);
      }
    }
    heap[size] = null;
    removed.heapIndex = -1;
  }

  /** Whether the key (time, sequence) comes before the key at {@code index}. */
  private boolean before(long time, long sequence, int index) {
    long other = times[index];
    return time < other || (time == other && sequence < sequences[index]);
  }

  private void place(int index, Event event, long time, long sequence) {
    heap[index] = event;
    times[index] = time;
    sequences[index] = sequence;
    event.heapIndex = index;
  }

  /** Puts {@code event} (key time, sequence) at {@code index} or above, moving parents down. */
  private void siftUp(int index, Event event, long time, long sequence) {
    int at = index;
    while (at > 0) {
      int parent = (at - 1) / ARITY;
      if (!before(time, sequence, parent)) {
        break;
      }
      place(at, heap[parent], times[parent], sequences[parent]);
      at = parent;
    }
    place(at, event, time, sequence);
  }

  /** Puts {@code event} (key time, sequence) at {@code index} or below, moving children up. */
  private void siftDown(int index, Event event, long time, long sequence) {
    int at = index;
    while (true) {
      int first = ARITY * at + 1;
      if (first >= size) {
        break;
      }
      int last = Math.min(first + ARITY, size);
      int child = first;
      long childTime = times[first];
      long childSequence = sequences[first];
      for (int c = first + 1; c < last; c++) {
        long t = times[c];
        if (t < childTime || (t == childTime && sequences[c] < childSequence)) {
          child = c;
          childTime = t;
          childSequence = sequences[c];
        }
      }
      if (!(childTime < time || (childTime == time && childSequence < sequence))) {
        break;
      }
      place(at, heap[child], childTime, childSequence);
      at = child;
    }
    place(at, event, time, sequence);
  }
}
