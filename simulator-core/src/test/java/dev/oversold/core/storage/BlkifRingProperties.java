package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the I/O sizes, the ring size and the order in which the backend completes requests:
 * requests and bytes are conserved through the ring, each I/O completes exactly once and only after
 * all its bytes, no more than the ring's slots are ever in the backend, and {@code first} (random
 * timing for the first segment of a random I/O) is set exactly once per I/O, on its first issued
 * request. An abort (the guest killed) at any point leaves the ring empty, and later I/O goes
 * through. With sync and async I/O mixed (the guest's elevator): the same conservation, and no
 * async request reaches the backend while a sync request waits for a slot.
 */
final class BlkifRingProperties {
  private record Held(long bytes, Runnable completed) {}

  @Provide
  Arbitrary<List<Long>> ios() {
    return Arbitraries.longs().between(1, 1L << 20).list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 200)
  void requestsAndBytesAreConserved_andTheRingNeverHoldsMoreThanItsSlots(
      @ForAll("ios") List<Long> ios,
      @ForAll @IntRange(min = 1, max = 40) int slots,
      @ForAll @IntRange(min = 4096, max = 100_000) int maxRequestBytes,
      @ForAll long completionSeed) {
    BlkifRing ring = new BlkifRing(slots, maxRequestBytes);
    List<Held> backend = new ArrayList<>();
    long[] servedBytes = {0};
    int[] maxInBackend = {0};
    long[] doneCount = new long[ios.size()];
    long[] bytesWhenDone = new long[ios.size()];
    long expectedRequests = 0;
    java.util.Random order = new java.util.Random(completionSeed);
    // Sync requests submitted and not yet handed to the backend.
    long[] syncWaiting = {0};
    for (int i = 0; i < ios.size(); i++) {
      int io = i;
      long bytes = ios.get(i);
      long pieces = (bytes + maxRequestBytes - 1) / maxRequestBytes;
      expectedRequests += pieces;
      boolean sync = order.nextBoolean();
      if (sync) {
        syncWaiting[0] += pieces;
      }
      long[] mine = {0};
      int[] served = {0};
      ring.submit(
          bytes,
          sync,
          (pieceBytes, first, completed) -> {
            assertTrue(pieceBytes >= 1 && pieceBytes <= maxRequestBytes);
            if (sync) {
              syncWaiting[0]--;
            } else {
              assertEquals(0, syncWaiting[0], "an async request passed a waiting sync one");
            }
            // The I/O's first issued request, and only it, is the first.
            assertEquals(served[0] == 0, first, "I/O " + io + " request " + served[0]);
            served[0]++;
            backend.add(
                new Held(
                    pieceBytes,
                    () -> {
                      mine[0] += pieceBytes;
                      servedBytes[0] += pieceBytes;
                      completed.run();
                    }));
            maxInBackend[0] = Math.max(maxInBackend[0], backend.size());
          },
          () -> {
            doneCount[io]++;
            bytesWhenDone[io] = mine[0];
          });
      // Complete a random number of held requests, in a random order, between submissions.
      int completions = order.nextInt(backend.size() + 1);
      for (int c = 0; c < completions && !backend.isEmpty(); c++) {
        backend.remove(order.nextInt(backend.size())).completed().run();
      }
      assertTrue(ring.inFlight() <= slots);
    }
    while (!backend.isEmpty()) {
      backend.remove(order.nextInt(backend.size())).completed().run();
      assertTrue(ring.inFlight() <= slots);
    }
    long totalBytes = ios.stream().mapToLong(Long::longValue).sum();
    assertTrue(maxInBackend[0] <= slots, "held " + maxInBackend[0] + " > " + slots);
    assertEquals(expectedRequests, ring.issued());
    assertEquals(expectedRequests, ring.completed());
    assertEquals(totalBytes, servedBytes[0]);
    assertEquals(totalBytes, ring.bytesCompleted());
    assertEquals(0, ring.inFlight());
    assertEquals(0, ring.waiting());
    for (int i = 0; i < ios.size(); i++) {
      assertEquals(1, doneCount[i], "I/O " + i + " completed " + doneCount[i] + " times");
      assertEquals(ios.get(i), bytesWhenDone[i], "I/O " + i + " completed before all its bytes");
    }
  }

  @Property(tries = 200)
  void anAbortAtAnyPoint_leavesTheRingEmpty_ignoresLateCompletions_andLaterIosComplete(
      @ForAll("ios") List<Long> before,
      @ForAll("ios") List<Long> after,
      @ForAll @IntRange(min = 1, max = 40) int slots,
      @ForAll @IntRange(min = 4096, max = 100_000) int maxRequestBytes,
      @ForAll long completionSeed) {
    BlkifRing ring = new BlkifRing(slots, maxRequestBytes);
    java.util.Random order = new java.util.Random(completionSeed);
    List<Held> backend = new ArrayList<>();
    long[] beforeDone = new long[before.size()];
    for (int i = 0; i < before.size(); i++) {
      int io = i;
      ring.submit(
          before.get(i),
          (pieceBytes, first, completed) -> backend.add(new Held(pieceBytes, completed)),
          () -> beforeDone[io]++);
      int completions = order.nextInt(backend.size() + 1);
      for (int c = 0; c < completions && !backend.isEmpty(); c++) {
        backend.remove(order.nextInt(backend.size())).completed().run();
      }
    }
    long completedBefore = ring.completed();
    long bytesBefore = ring.bytesCompleted();
    int held = backend.size();
    assertEquals(held, ring.inFlight());
    ring.abort();
    assertEquals(0, ring.inFlight());
    assertEquals(0, ring.waiting());
    assertEquals(held, ring.aborted());
    assertEquals(ring.issued(), ring.completed() + ring.aborted());
    long[] beforeDoneAtAbort = beforeDone.clone();
    // The I/O after the abort, with the backend finishing the old requests in between.
    List<Held> stale = new ArrayList<>(backend);
    backend.clear();
    long[] afterDone = new long[after.size()];
    long[] afterBytes = new long[after.size()];
    long[] afterBytesWhenDone = new long[after.size()];
    for (int i = 0; i < after.size(); i++) {
      int io = i;
      int[] served = {0};
      ring.submit(
          after.get(i),
          (pieceBytes, first, completed) -> {
            assertEquals(served[0] == 0, first, "I/O " + io + " request " + served[0]);
            served[0]++;
            backend.add(
                new Held(
                    pieceBytes,
                    () -> {
                      afterBytes[io] += pieceBytes;
                      completed.run();
                    }));
            assertTrue(backend.size() <= slots, "held " + backend.size() + " > " + slots);
          },
          () -> {
            afterDone[io]++;
            afterBytesWhenDone[io] = afterBytes[io];
          });
      int stales = order.nextInt(stale.size() + 1);
      for (int c = 0; c < stales; c++) {
        stale.remove(order.nextInt(stale.size())).completed().run();
      }
      int completions = order.nextInt(backend.size() + 1);
      for (int c = 0; c < completions && !backend.isEmpty(); c++) {
        backend.remove(order.nextInt(backend.size())).completed().run();
      }
    }
    while (!stale.isEmpty()) {
      stale.remove(order.nextInt(stale.size())).completed().run();
    }
    while (!backend.isEmpty()) {
      backend.remove(order.nextInt(backend.size())).completed().run();
    }
    long afterTotal = after.stream().mapToLong(Long::longValue).sum();
    long afterRequests = 0;
    for (long bytes : after) {
      afterRequests += (bytes + maxRequestBytes - 1) / maxRequestBytes;
    }
    assertEquals(0, ring.inFlight());
    assertEquals(0, ring.waiting());
    assertEquals(held, ring.aborted());
    assertEquals(completedBefore + afterRequests, ring.completed());
    assertEquals(bytesBefore + afterTotal, ring.bytesCompleted());
    assertEquals(ring.issued(), ring.completed() + ring.aborted());
    for (int i = 0; i < before.size(); i++) {
      assertEquals(beforeDoneAtAbort[i], beforeDone[i], "killed I/O " + i + " completed late");
    }
    for (int i = 0; i < after.size(); i++) {
      assertEquals(1, afterDone[i], "I/O " + i + " completed " + afterDone[i] + " times");
      assertEquals(after.get(i), afterBytesWhenDone[i], "I/O " + i + " done before its bytes");
    }
  }
}
