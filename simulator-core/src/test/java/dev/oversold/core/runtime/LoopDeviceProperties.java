package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.testkit.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Xen guests on file-backed VBDs ({@code vbd: file}), whatever their writes and reads, their timing
 * and dom0's memory: bytes are conserved through dom0's page cache (written = written back + under
 * writeback + dirty at any moment; every byte written back in the end, none left dirty), every
 * request completes exactly once, and each loop device reads exactly the bytes its guest read.
 */
final class LoopDeviceProperties {
  private static final long GIB = 1L << 30;

  /** One guest request: at {@code atMillis}, write {@code pages} pages or read them. */
  record Op(int guest, long atMillis, boolean write, int pages) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.longs().between(0, 5_000),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(1, 2_048))
        .as(Op::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  @Property(tries = 60)
  void bytesAreConservedThroughDom0sCache_andEveryRequestCompletesOnce(
      @ForAll("ops") List<Op> ops,
      @ForAll @IntRange(min = 128, max = 1024) int dom0MiB,
      @ForAll @IntRange(min = 1, max = 5_000) int checkAtMillis) {
    List<TenantSpec> guests = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      guests.add(Specs.idleTenant("g" + g, "h", GIB, Map.of()));
    }
    Hosts hosts =
        new Hosts(
            Specs.host(
                "h", "xen", 8 * GIB, GIB, Map.of("vbd", 1.0, "dom0-memory", dom0MiB * 1048576.0)),
            guests);
    int[] completions = new int[ops.size()];
    long[] readBytes = new long[3];
    long writtenBytes = 0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      int index = i;
      var storage = hosts.tenant(op.guest()).storage();
      Runnable done = () -> completions[index]++;
      if (op.write()) {
        writtenBytes += op.pages() * Pages.PAGE_BYTES;
        hosts.simulation.schedule(
            op.atMillis() * SimTime.MILLISECOND, () -> storage.swapWrites(op.pages(), false, done));
      } else {
        readBytes[op.guest()] += op.pages() * Pages.PAGE_BYTES;
        hosts.simulation.schedule(
            op.atMillis() * SimTime.MILLISECOND, () -> storage.faultReads(op.pages(), done));
      }
    }
    hosts.simulation.runUntil(checkAtMillis * SimTime.MILLISECOND);
    Writeback cache = hosts.host.imageCache();
    assertEquals(
        cache.writtenBytes(),
        cache.writtenBackBytes() + cache.writebackBytes() + cache.dirtyBytes(),
        "mid-run balance");
    // 30 s expiry, the 5 s periodic flush, and at most ~1 GiB of I/O at 100 MB/s: done by 120 s.
    hosts.simulation.runUntil(120 * SimTime.SECOND);
    for (int i = 0; i < ops.size(); i++) {
      assertEquals(1, completions[i], "request " + i + " " + ops.get(i));
    }
    long loopWritten = 0;
    for (int g = 0; g < 3; g++) {
      LoopDevice loop = Objects.requireNonNull(hosts.tenant(g).storage().loop());
      loopWritten += loop.bytesWritten();
      assertEquals(readBytes[g], loop.bytesRead(), "guest " + g + " reads");
      assertEquals(0, loop.waiting());
      assertTrue(!loop.busy());
    }
    assertEquals(writtenBytes, loopWritten);
    assertEquals(writtenBytes, cache.writtenBytes());
    assertEquals(writtenBytes, cache.writtenBackBytes());
    assertEquals(0, cache.dirtyBytes() + cache.writebackBytes());
  }
}
