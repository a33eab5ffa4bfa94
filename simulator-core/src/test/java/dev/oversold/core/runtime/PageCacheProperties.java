package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.model.Skew;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.testkit.Specs;
import dev.oversold.core.workload.FileReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Reads through the page cache in runs on every kind of cache (shared kernel, guest). */
final class PageCacheProperties {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  /**
   * The least time a 4 KiB random read takes on the test disk: 1 ms positioning + 40,960 ns of
   * transfer (one unit: reads of one tenant never overlap).
   */
  private static final long READ = 1_040_960;

  /**
   * Up to three tenants on a shared-kernel or VM host, each with a dataset (random size, Zipf or
   * uniform) and a plan whose RAM may be smaller than it, read their datasets page by page, one
   * with a buffered stream beside them. Once drained: every read is a hit or a miss; the device
   * served exactly the misses (requests and bytes: 4 KiB each; no other I/O reaches the tenant's
   * queue); no tenant finished faster than its misses on the device allow; no tenant's cache holds
   * more pages than its memory counts as file pages; memory accounting holds.
   */
  @Property(tries = 30)
  void readsAreHitsOrMisses_andOnlyMissesReachTheDevice(
      @ForAll("platforms") String platform,
      @ForAll @Size(min = 1, max = 3) List<@LongRange(min = 1, max = 64) Long> datasetMib,
      @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 2, max = 96) Integer> ramMib,
      @ForAll @IntRange(min = 200, max = 3_000) int reads,
      @ForAll boolean zipf,
      @ForAll boolean streamer) {
    List<TenantSpec> specs = new ArrayList<>();
    for (int i = 0; i < datasetMib.size(); i++) {
      specs.add(Specs.idleTenant("t" + i, "h", ramMib.get(i) * MIB, Map.of()));
    }
    if (streamer) {
      specs.add(Specs.idleTenant("stream", "h", 64 * MIB, Map.of()));
    }
    Hosts hosts = new Hosts(Specs.host("h", platform, GIB, GIB, Map.of()), specs);
    long[] finished = new long[datasetMib.size()];
    for (int i = 0; i < datasetMib.size(); i++) {
      int index = i;
      long pages = datasetMib.get(i) * MIB / Pages.PAGE_BYTES;
      FileReads file =
          hosts.tenant(i).storage().dataset(zipf ? new Skew.Zipf(0.9) : Skew.UNIFORM, pages);
      file.read(reads, () -> finished[index] = hosts.simulation.now());
    }
    if (streamer) {
      FileReads stream = hosts.tenant(datasetMib.size()).storage().stream();
      Runnable[] next = new Runnable[1];
      next[0] = () -> stream.read(64, next[0]);
      next[0].run();
    }
    hosts.simulation.runUntil(3_600 * SimTime.SECOND);
    for (int i = 0; i < datasetMib.size(); i++) {
      TenantRuntime tenant = hosts.tenant(i);
      long hits = tenant.recorder().cacheHits();
      long misses = tenant.recorder().cacheMisses();
      assertTrue(finished[i] > 0 || misses == 0, "tenant " + i + " never finished");
      assertEquals(reads, hits + misses, "reads = hits + misses");
      assertEquals(misses, tenant.storage().queue().completed(), "device reads = misses");
      assertEquals(misses * Pages.PAGE_BYTES, tenant.storage().queue().bytes(), "bytes");
      assertTrue(
          finished[i] >= misses * READ,
          "tenant " + i + " read " + misses + " misses in " + finished[i] + " ns");
      FileCache cache = tenant.storage().fileCache();
      assertTrue(cache.tracked(tenant.memoryModel()) <= tenant.memoryModel().fileCachePages());
      tenant.memoryModel().checkInvariants();
    }
    hosts.host.memory().checkInvariants();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> platforms() {
    return net.jqwik.api.Arbitraries.of("openvz", "bare-metal", "kvm");
  }
}
