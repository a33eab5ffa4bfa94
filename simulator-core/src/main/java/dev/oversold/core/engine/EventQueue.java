package dev.oversold.core.engine;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A min-heap of events keyed by (time, sequence) that knows each event's position, so that
 * cancelling or moving an event is O(log n) with no scan and no tombstones left behind.
 *
 * <p>The heap holds no references: each queued event has a slot ({@link Event#queueIndex}), the
 * event sits in {@code events[slot]} from its add to its removal, and the heap's entries are the
 * slot and the key ({@code slots[i]}, {@code times[i]}, {@code sequences[i]}), with {@code
 * positions[slot]} the entry's index. Sifting therefore moves only primitives in arrays: it neither
 * loads nor writes the events it passes (with thousands pending, each such access missed the cache:
 * the disk-host benchmark once spent a fifth of its time there), and it stores no reference into
 * the heap array, which under G1 cost a card-marking write barrier for every level an event moved.
 * Free slots are reused last-freed first, so the slot arrays stay as small as the queue's peak. The
 * heap is 4-ary: half the levels of a binary heap, and a node's four children share a cache line of
 * each key array. Keys are unique (the sequence is), so the order in which events leave is the same
 * as any other heap's: (time, sequence) ascending ({@code EventQueueEquivalenceProperties} checks
 * it against the binary heap of events this replaced).
 */
final class EventQueue {
  /** Children per node. */
  private static final int ARITY = 4;

  // The heap, by position: each entry's slot and key.
  private int[] slots = new int[64];
  private long[] times = new long[64];
  private long[] sequences = new long[64];
  private int size;

  // By slot: the event and its position in the heap; then the free slots, a stack.
  private @Nullable Event[] events = new Event[64];
  private int[] positions = new int[64];
  private int[] freeSlots = new int[64];
  private int freeCount;
  private int slotsUsed;

  /**
   * The slot of the event {@link #pollDue} handed out last while its entry still holds the root, or
   * -1. The entry stays until the next operation that needs the root: if that is an {@link #add}
   * (the event's action usually schedules the next one: a CPU job's completion the next job, a
   * stage its latency), the new event takes the root's place and sinks from there, one sift instead
   * of the removal's and the addition's (the heap's "replace top"); a new event is mostly near the
   * front, so it sinks only a few levels. The stale entry's key is the smallest in the queue (every
   * other key has a later time or, at the same time, a later sequence; {@link Simulation} never
   * moves one before its clock, and {@link #changed} settles the entry first if a key would pass
   * it), so no other entry sifts above it, and the events leave in the same order as with an
   * immediate removal ({@code EventQueueEquivalenceProperties}).
   */
  private int ghostSlot = -1;

  int size() {
    return ghostSlot < 0 ? size : size - 1;
  }

  boolean isEmpty() {
    return size() == 0;
  }

  @Nullable Event peek() {
    settleGhost();
    return size == 0 ? null : events[slots[0]];
  }

  void add(Event event) {
    int ghost = ghostSlot;
    if (ghost >= 0) {
      ghostSlot = -1;
      events[ghost] = event;
      event.queueIndex = ghost;
      siftDown(0, ghost, event.time, event.sequence);
      return;
    }
    if (size == slots.length) {
      slots = Arrays.copyOf(slots, size * 2);
      times = Arrays.copyOf(times, size * 2);
      sequences = Arrays.copyOf(sequences, size * 2);
    }
    int slot = takeSlot();
    events[slot] = event;
    event.queueIndex = slot;
    size++;
    siftUp(size - 1, slot, event.time, event.sequence);
  }

  @Nullable Event poll() {
    settleGhost();
    if (size == 0) {
      return null;
    }
    return removeFirst();
  }

  /**
   * Takes the first event if it is due at or before {@code endTime}: the root's key is read from
   * the key array, so an event that is not due is never loaded, and a due one is loaded once.
   */
  @Nullable Event pollDue(long endTime) {
    settleGhost();
    if (size == 0 || times[0] > endTime) {
      return null;
    }
    int slot = slots[0];
    Event first = events[slot];
    events[slot] = null;
    if (first != null) {
      first.queueIndex = -1;
    }
    ghostSlot = slot;
    return first;
  }

  /** Removes the stale root entry that {@link #pollDue} left, if any. */
  private void settleGhost() {
    if (ghostSlot >= 0) {
      ghostSlot = -1;
      removeFirst();
    }
  }

  /**
   * Removes the root by moving the hole it leaves down to a leaf along the smaller children, then
   * the last entry up from there (Floyd's bottom-up deletion; Wegener, "Bottom-up heapsort", TCS
   * 1993). The last entry comes from the bottom and almost always belongs there, so this spares the
   * comparison with it at every level that {@link #siftDown} makes; it costs one comparison back at
   * the leaf. Keys are unique, so the events leave in the same order either way ({@code
   * EventQueueEquivalenceProperties}).
   */
  private @Nullable Event removeFirst() {
    int removedSlot = slots[0];
    Event removed = events[removedSlot];
    size--;
    if (size > 0) {
      int last = slots[size];
      long time = times[size];
      long sequence = sequences[size];
      int hole = 0;
      while (true) {
        int first = ARITY * hole + 1;
        if (first >= size) {
          break;
        }
        int end = Math.min(first + ARITY, size);
        int child = first;
        long childTime = times[first];
        long childSequence = sequences[first];
        for (int c = first + 1; c < end; c++) {
          long t = times[c];
          if (t < childTime || (t == childTime && sequences[c] < childSequence)) {
            child = c;
            childTime = t;
            childSequence = sequences[c];
          }
        }
        place(hole, slots[child], childTime, childSequence);
        hole = child;
      }
      siftUp(hole, last, time, sequence);
    }
    events[removedSlot] = null;
    freeSlots[freeCount++] = removedSlot;
    if (removed != null) {
      removed.queueIndex = -1;
    }
    return removed;
  }

  void remove(Event event) {
    int slot = event.queueIndex;
    if (slot >= 0) {
      removeAt(positions[slot]);
    }
  }

  /** Restores heap order after {@code event}'s key changed. */
  void changed(Event event) {
    long time = event.time;
    long sequence = event.sequence;
    if (ghostSlot >= 0 && before(time, sequence, 0)) {
      // Only a queue driven without Simulation's clock moves a key before the one just polled.
      settleGhost();
    }
    int slot = event.queueIndex;
    int index = positions[slot];
    if (index > 0 && before(time, sequence, (index - 1) / ARITY)) {
      siftUp(index, slot, time, sequence);
    } else {
      siftDown(index, slot, time, sequence);
    }
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == events.length) {
      int grown = slotsUsed * 2;
      events = Arrays.copyOf(events, grown);
      positions = Arrays.copyOf(positions, grown);
      freeSlots = Arrays.copyOf(freeSlots, grown);
    }
    return slotsUsed++;
  }

  private void removeAt(int index) {
    int removedSlot = slots[index];
    Event removed = events[removedSlot];
    size--;
    if (index != size) {
      int last = slots[size];
      long time = times[size];
      long sequence = sequences[size];
      if (index > 0 && before(time, sequence, (index - 1) / ARITY)) {
        siftUp(index, last, time, sequence);
      } else {
        siftDown(index, last, time, sequence);
      }
    }
    events[removedSlot] = null;
    freeSlots[freeCount++] = removedSlot;
    if (removed != null) {
      removed.queueIndex = -1;
    }
  }

  /** Whether the key (time, sequence) comes before the key at {@code index}. */
  private boolean before(long time, long sequence, int index) {
    long other = times[index];
    return time < other || (time == other && sequence < sequences[index]);
  }

  private void place(int index, int slot, long time, long sequence) {
    slots[index] = slot;
    times[index] = time;
    sequences[index] = sequence;
    positions[slot] = index;
  }

  /**
   * Puts {@code slot}'s entry (key time, sequence) at {@code index} or above, moving parents down.
   */
  private void siftUp(int index, int slot, long time, long sequence) {
    int at = index;
    while (at > 0) {
      int parent = (at - 1) / ARITY;
      if (!before(time, sequence, parent)) {
        break;
      }
      place(at, slots[parent], times[parent], sequences[parent]);
      at = parent;
    }
    place(at, slot, time, sequence);
  }

  /**
   * Puts {@code slot}'s entry (key time, sequence) at {@code index} or below, moving children up.
   */
  private void siftDown(int index, int slot, long time, long sequence) {
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
      place(at, slots[child], childTime, childSequence);
      at = child;
    }
    place(at, slot, time, sequence);
  }
}
