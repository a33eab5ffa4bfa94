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
 * all its bytes, and no more than the ring's slots are ever in the backend.
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
    for (int i = 0; i < ios.size(); i++) {
      int io = i;
      long bytes = ios.get(i);
      expectedRequests += (bytes + maxRequestBytes - 1) / maxRequestBytes;
      long[] mine = {0};
      ring.submit(
          bytes,
          (pieceBytes, first, completed) -> {
            assertTrue(pieceBytes >= 1 && pieceBytes <= maxRequestBytes);
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
}
