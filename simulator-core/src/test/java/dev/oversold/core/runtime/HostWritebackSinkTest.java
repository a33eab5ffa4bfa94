package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.testkit.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link HostStorage#writebackSink()}: 2.6.18's request allocation for the shared kernel's
 * writeback (block/ll_rw_blk.c {@code get_request}, {@code get_request_wait}, {@code ioc_batching},
 * {@code blk_queue_congestion_threshold}), numbers by hand.
 */
final class HostWritebackSinkTest {
  private static final long GIB = 1L << 30;
  private static final long CHUNK = 6L << 20;

  @Test
  void requestsAreAllocatedUpToNrRequests_thenSleepersWakeInOrderAsABatch() {
    // Twelve 6 MiB submissions at t = 0, each 12 requests of 512 KiB (max_sectors_kb). A
    // submission is allocated while fewer than nr_requests (128) are: the 1st..11th take 12 each
    // (after the 10th, 120 < 128; after the 11th, 132), the 12th sleeps. 113 allocated (the 10th
    // made 120 >= 113) marks the queue congested. The 12th wakes when completions bring the count
    // under 128: after 5 requests, 127; it takes its 12 as a batcher: 139 (<= 192). Then all are
    // written in submission order; the count returns to 0 and congestion ends under 103.
    Hosts hosts = new Hosts(Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()), List.of());
    HostStorage storage = hosts.host.storage();
    Writeback.Sink sink = storage.writebackSink();
    assertTrue(sink.admits());
    List<Integer> admitted = new ArrayList<>();
    List<Integer> written = new ArrayList<>();
    long[] countAtTwelfth = {-1};
    for (int i = 0; i < 12; i++) {
      int index = i;
      sink.write(
          CHUNK,
          false,
          () -> {
            admitted.add(index);
            if (index == 11) {
              countAtTwelfth[0] = storage.writebackRequests();
            }
          },
          () -> written.add(index));
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), admitted);
    assertEquals(132, storage.writebackRequests());
    assertEquals(1, storage.writebackWaiting());
    assertTrue(sink.congested());
    hosts.simulation.runUntil(60 * SimTime.SECOND);
    assertEquals(139, countAtTwelfth[0]);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), admitted);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), written);
    assertEquals(0, storage.writebackRequests());
    assertFalse(sink.congested());
  }
}
