package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Xen 3.0's one-page ring, with a backend that holds each ring request until told to finish. */
final class BlkifRingTest {
  private record Held(long bytes, boolean first, Runnable completed) {}

  private final ArrayDeque<Held> backend = new ArrayDeque<>();

  private void serve(long bytes, boolean first, Runnable completed) {
    backend.addLast(new Held(bytes, first, completed));
  }

  @Test
  void onePage_is32RequestsOf11Pages() {
    // io/ring.h: (4,096 - 64) / 112 = 36 entries, rounded down to a power of two; blkif.h: 11
    // segments of 4,096 B.
    BlkifRing ring = BlkifRing.onePage();
    assertEquals(32, ring.slots());
    assertEquals(45_056, ring.maxRequestBytes());
  }

  @Test
  void aOneMegabyteWrite_crossesAs24Requests_theLastOf12KiB() {
    // 1,048,576 / 45,056 = 23.27: 23 requests of 45,056 B and one of 1,048,576 - 23 x 45,056 =
    // 12,288 B; only the first positions.
    BlkifRing ring = BlkifRing.onePage();
    int[] done = {0};
    ring.submit(1 << 20, this::serve, () -> done[0]++);
    assertEquals(24, backend.size());
    List<Held> all = new ArrayList<>(backend);
    assertEquals(45_056, all.get(0).bytes());
    assertEquals(12_288, all.get(23).bytes());
    assertEquals(1, all.stream().filter(Held::first).count());
    assertEquals(true, all.get(0).first());
    for (int i = 0; i < 23; i++) {
      backend.pollFirst().completed().run();
    }
    assertEquals(0, done[0]);
    backend.pollFirst().completed().run();
    assertEquals(1, done[0]);
    assertEquals(1 << 20, ring.bytesCompleted());
  }

  @Test
  void aFullRing_holdsTheRestInTheGuest_andGivesEachFreedSlotInOrder() {
    // 4 MiB: 94 requests; 32 go to the backend, 62 wait. Completing the 3rd frees one slot, which
    // the 33rd takes; a victim's 4 KiB read submitted now is the 95th, behind all 62.
    BlkifRing ring = BlkifRing.onePage();
    int[] hogDone = {0};
    int[] victimDone = {0};
    ring.submit(4L << 20, this::serve, () -> hogDone[0]++);
    assertEquals(32, ring.inFlight());
    assertEquals(62, ring.waiting());
    ring.submit(4096, this::serve, () -> victimDone[0]++);
    assertEquals(63, ring.waiting());
    List<Held> first32 = new ArrayList<>(backend);
    backend.clear();
    first32.get(2).completed().run();
    assertEquals(1, backend.size());
    assertEquals(45_056, backend.peekFirst().bytes());
    assertEquals(32, ring.inFlight());
    assertEquals(33, ring.issued());
    // Drain everything in order: the victim's read is the last one handed over.
    for (int i = 0; i < 32; i++) {
      if (i != 2) {
        first32.get(i).completed().run();
      }
    }
    Held last = null;
    while (!backend.isEmpty()) {
      last = backend.pollFirst();
      last.completed().run();
    }
    assertEquals(4096, last.bytes());
    assertEquals(1, hogDone[0]);
    assertEquals(1, victimDone[0]);
    assertEquals(95, ring.completed());
  }

  @Test
  void aSyncReadBehindAsyncWriteback_takesTheNextFreedSlot() {
    // The guest's elevator (2.6.18 CFQ: a sync request preempts the async queue). 4 MiB of
    // writeback (async): 94 requests, 32 in the backend, 62 waiting. A 4 KiB read (sync) submitted
    // now waits too (63), but the next freed slot is its: it is the 33rd request handed over, not
    // the 95th as in arrival order. The slot it frees goes back to the writeback's 33rd request
    // (45,056 B), and the writeback still completes after all 94 (4,194,304 B).
    BlkifRing ring = BlkifRing.onePage();
    int[] writebackDone = {0};
    int[] readDone = {0};
    ring.submit(4L << 20, false, this::serve, () -> writebackDone[0]++);
    assertEquals(32, ring.inFlight());
    assertEquals(62, ring.waiting());
    ring.submit(4096, true, this::serve, () -> readDone[0]++);
    assertEquals(63, ring.waiting());
    List<Held> first32 = new ArrayList<>(backend);
    backend.clear();
    first32.get(0).completed().run();
    assertEquals(1, backend.size());
    Held read = backend.pollFirst();
    assertEquals(4096, read.bytes());
    assertEquals(true, read.first());
    assertEquals(33, ring.issued());
    assertEquals(62, ring.waiting());
    read.completed().run();
    assertEquals(1, readDone[0]);
    Held next = backend.pollFirst();
    assertEquals(45_056, next.bytes());
    assertEquals(false, next.first());
    assertEquals(34, ring.issued());
    next.completed().run();
    for (int i = 1; i < 32; i++) {
      first32.get(i).completed().run();
    }
    while (!backend.isEmpty()) {
      backend.pollFirst().completed().run();
    }
    assertEquals(1, writebackDone[0]);
    assertEquals(95, ring.completed());
    assertEquals((4L << 20) + 4096, ring.bytesCompleted());
  }

  @Test
  void aRequestCompletedTwice_isRefused() {
    BlkifRing ring = BlkifRing.onePage();
    ring.submit(4096, this::serve, () -> {});
    Runnable completed = backend.pollFirst().completed();
    completed.run();
    assertThrows(IllegalStateException.class, completed::run);
  }

  @Test
  void aDuplicateCompletion_isRefusedWithOtherRequestsInFlight() {
    // Two 4 KiB I/Os, one ring request each, both in the backend. Completing the first twice must
    // fail and leave the second's slot and I/O alone (a guard on inFlight > 0 alone would let the
    // duplicate through, freeing the second's slot).
    BlkifRing ring = BlkifRing.onePage();
    int[] done = {0, 0};
    ring.submit(4096, this::serve, () -> done[0]++);
    ring.submit(4096, this::serve, () -> done[1]++);
    Runnable firstCompleted = backend.pollFirst().completed();
    firstCompleted.run();
    assertThrows(IllegalStateException.class, firstCompleted::run);
    assertEquals(1, ring.inFlight());
    assertEquals(1, ring.completed());
    assertEquals(1, done[0]);
    assertEquals(0, done[1]);
    backend.pollFirst().completed().run();
    assertEquals(1, done[1]);
    assertEquals(0, ring.inFlight());
  }

  @Test
  void abort_releasesEverySlot_ignoresLateCompletions_andANewIoGoesThrough() {
    // 4 MiB: 94 requests, 32 in the backend, 62 waiting. One completes (the 33rd takes its slot),
    // then the guest is killed: 32 released, 61 dropped. The backend finishing the 32 it holds
    // afterwards changes nothing, and the killed I/O's done never runs. A new 4 KiB I/O then takes
    // a slot at once and completes.
    BlkifRing ring = BlkifRing.onePage();
    int[] hogDone = {0};
    ring.submit(4L << 20, this::serve, () -> hogDone[0]++);
    backend.pollFirst().completed().run();
    assertEquals(32, ring.inFlight());
    assertEquals(61, ring.waiting());
    ring.abort();
    assertEquals(0, ring.inFlight());
    assertEquals(0, ring.waiting());
    assertEquals(32, ring.aborted());
    assertEquals(33, ring.issued());
    assertEquals(1, ring.completed());
    List<Held> late = new ArrayList<>(backend);
    backend.clear();
    for (Held held : late) {
      held.completed().run();
    }
    assertEquals(0, ring.inFlight());
    assertEquals(1, ring.completed());
    assertEquals(0, hogDone[0]);
    assertEquals(0, backend.size(), "a late completion handed out a slot");
    int[] newDone = {0};
    ring.submit(4096, this::serve, () -> newDone[0]++);
    assertEquals(1, ring.inFlight());
    Held fresh = backend.pollFirst();
    assertEquals(true, fresh.first());
    fresh.completed().run();
    assertEquals(1, newDone[0]);
    assertEquals(0, ring.inFlight());
    assertEquals(ring.issued(), ring.completed() + ring.aborted());
  }
}
