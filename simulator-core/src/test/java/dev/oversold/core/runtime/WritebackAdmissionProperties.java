package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.platform.IoPolicy;
import dev.oversold.core.testkit.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * 2.6.18's request allocation for the shared kernel's writeback ({@link
 * HostStorage#writebackSink()}) and {@link Writeback} over it, under random load on an OpenVZ
 * host's default disk.
 */
final class WritebackAdmissionProperties {
  private static final long GIB = 1L << 30;

  /**
   * Every submission is admitted once, in the order submitted (get_request_wait's sleepers wake in
   * FIFO order), and written once, never before it is admitted; the queue never allocates more than
   * 3 x nr_requests / 2 = 192 requests (the batchers' ceiling); at the end nothing is allocated and
   * the queue is not congested.
   */
  @Property(tries = 40)
  void submissionsAreAdmittedInOrderOnce_andTheRequestCountStaysBounded(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 8192) Integer> sizesKib,
      @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 30) Integer> gapsMs,
      @ForAll @Size(min = 40, max = 40) List<Boolean> random) {
    Hosts hosts = new Hosts(Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()), List.of());
    HostStorage storage = hosts.host.storage();
    Writeback.Sink sink = storage.writebackSink();
    int n = sizesKib.size();
    List<Integer> admitted = new ArrayList<>();
    int[] writtenTimes = new int[n];
    long at = 0;
    for (int i = 0; i < n; i++) {
      int index = i;
      long bytes = random.get(i) ? 4096 : sizesKib.get(i) * 1024L;
      boolean rnd = random.get(i);
      at += gapsMs.get(i) * SimTime.MILLISECOND;
      hosts.simulation.schedule(
          at,
          () ->
              sink.write(
                  bytes,
                  rnd,
                  () -> {
                    assertTrue(storage.writebackRequests() <= 192, "allocated");
                    assertEquals(0, writtenTimes[index], "written before admitted");
                    admitted.add(index);
                  },
                  () -> {
                    assertTrue(admitted.contains(index), "written before admitted");
                    writtenTimes[index]++;
                  }));
    }
    hosts.simulation.runUntil(at + 120 * SimTime.SECOND);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
      assertEquals(1, writtenTimes[i], "written once");
    }
    assertEquals(order, admitted);
    assertEquals(0, storage.writebackRequests());
    assertEquals(0, storage.writebackWaiting());
    assertFalse(sink.congested());
  }

  /**
   * Bytes are conserved through 2.6.18's writeback over that queue: at every writer's return,
   * written = written back + under writeback + dirty; once the writers stop, everything dirtied is
   * written back (expiry at the latest) and nothing is left allocated.
   */
  @Property(tries = 20)
  void linux2618_bytesAreConserved_andAllIsWrittenBack(
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 4, max = 2048) Integer> sizesKib,
      @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 0, max = 20) Integer> gapsMs,
      @ForAll @Size(min = 4, max = 4) List<Boolean> random) {
    Hosts hosts = new Hosts(Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()), List.of());
    HostStorage storage = hosts.host.storage();
    // A 256 MiB kernel, so that writers reach its 2.6.18 limit (107,374,182 B) within seconds.
    Writeback wb =
        new Writeback(
            hosts.simulation,
            IoPolicy.DirtyThrottling.LINUX_2_6_18,
            256L << 20,
            2,
            storage.writebackSink());
    long run = 10 * SimTime.SECOND;
    int n = sizesKib.size();
    for (int i = 0; i < n; i++) {
      String writer = "w" + i;
      long bytes = sizesKib.get(i) * 1024L;
      long gap = gapsMs.get(i) * SimTime.MILLISECOND;
      boolean rnd = random.get(i);
      Runnable[] loop = new Runnable[1];
      loop[0] =
          () -> {
            if (hosts.simulation.now() >= run) {
              return;
            }
            long next = hosts.simulation.now() + gap;
            wb.write(
                writer,
                bytes,
                rnd,
                () -> {
                  assertEquals(
                      wb.writtenBytes(),
                      wb.writtenBackBytes() + wb.writebackBytes() + wb.dirtyBytes());
                  hosts.simulation.schedule(Math.max(next, hosts.simulation.now()), loop[0]);
                });
          };
      hosts.simulation.schedule(i * SimTime.MILLISECOND, loop[0]);
    }
    hosts.simulation.runUntil(run + 3 * Writeback.EXPIRE_NANOS);
    assertEquals(0, wb.dirtyBytes() + wb.writebackBytes());
    assertEquals(wb.writtenBytes(), wb.writtenBackBytes());
    assertEquals(0, storage.writebackRequests());
  }
}
