package dev.oversold.core.sharing;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Test-only copy of the job heap as it was before the pool's virtual clock (main at 37f34e8): every
 * change of a saturated pool runs a full water-filling pass and reschedules every busy share whose
 * allocation moved. Kept unchanged as the independent implementation that {@link
 * VirtualClockEquivalenceProperties} compares the current pool with.
 *
 * <p>A binary min-heap of jobs by (finish virtual time, sequence) with O(log n) removal.
 */
final class LegacyJobHeap {
  private LegacyJob[] heap = new LegacyJob[8];
  private int size;

  int size() {
    return size;
  }

  @Nullable LegacyJob peek() {
    return size == 0 ? null : heap[0];
  }

  void add(LegacyJob job) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = job;
    job.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  LegacyJob poll() {
    LegacyJob first = heap[0];
    removeAt(0);
    return first;
  }

  void remove(LegacyJob job) {
    if (job.heapIndex >= 0) {
      removeAt(job.heapIndex);
    }
  }

  /** Removes and returns every job, in no particular order. */
  LegacyJob[] drain() {
    LegacyJob[] all = Arrays.copyOf(heap, size);
    for (LegacyJob job : all) {
      job.heapIndex = -1;
    }
    Arrays.fill(heap, 0, size, null);
    size = 0;
    return all;
  }

  private void removeAt(int index) {
    LegacyJob removed = heap[index];
    size--;
    if (index != size) {
      LegacyJob last = heap[size];
      heap[index] = last;
      last.heapIndex = index;
      siftUp(index);
      siftDown(last.heapIndex);
    }
    heap[size] = null;
    removed.heapIndex = -1;
  }

  private void siftUp(int index) {
    LegacyJob job = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      LegacyJob above = heap[parent];
      if (!job.before(above)) {
        break;
      }
      heap[index] = above;
      above.heapIndex = index;
      index = parent;
    }
    heap[index] = job;
    job.heapIndex = index;
  }

  private void siftDown(int index) {
    LegacyJob job = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      LegacyJob smaller = heap[child];
      int right = child + 1;
      if (right < size && heap[right].before(smaller)) {
        child = right;
        smaller = heap[right];
      }
      if (!smaller.before(job)) {
        break;
      }
      heap[index] = smaller;
      smaller.heapIndex = index;
      index = child;
    }
    heap[index] = job;
    job.heapIndex = index;
  }
}
