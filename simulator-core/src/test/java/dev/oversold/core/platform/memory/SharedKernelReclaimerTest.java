package dev.oversold.core.platform.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.MemoryIo;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.memory.TenantMemoryConfig;
import org.junit.jupiter.api.Test;

final class SharedKernelReclaimerTest {
  private static final long PAGE = Pages.PAGE_BYTES;

  @Test
  void hostReclaim_takesFileCacheFirstThenVswapThenAnonymousInProportion() {
    // Host: 2000 RAM pages, 10000 swap pages, OpenVZ containers.
    // cache:  400 anon (+1 page table) + 600 file cache        -> 1001 host pages
    // vswap:  physpages 101: 100 anon + 1 page table in RAM, 300 pages in vSwap (virtual, in RAM)
    //         -> allocate 400: anon 400, page tables 1, used 401 > 101 -> 300 to vSwap -> 401 pages
    // Total 1402. A third container then allocates 1000 pages (+2 page tables): 2404 > 2000, so
    // 404 pages must go: file first (cache's 600 file pages -> 404 dropped, 196 left), no vSwap or
    // anonymous page moves.
    Simulation simulation = new Simulation();
    HostMemory host =
        new HostMemory(
            "h",
            simulation,
            HostMemoryConfig.simple(2000 * PAGE, 10_000 * PAGE, new SharedKernelReclaimer()));
    TenantMemory cache = host.add("cache", container(5000, 0), new RandomStream(1));
    TenantMemory vswap = host.add("vswap", container(101, 1000), new RandomStream(2));
    TenantMemory grower = host.add("grower", container(5000, 0), new RandomStream(3));
    for (TenantMemory t : host.tenants()) {
      t.connect(MemoryIo.NONE, c -> {}, () -> {});
    }
    cache.allocate(400 * PAGE);
    cache.cacheFile(600 * PAGE);
    vswap.allocate(400 * PAGE);
    assertEquals(300, vswap.tenantSwapPages());
    assertEquals(1402, host.ramUsedPages());
    grower.allocate(1000 * PAGE);
    assertEquals(196, cache.fileCachePages());
    assertEquals(300, vswap.reclaim().vswapInRam());
    assertEquals(0, host.swapUsedPages());
    assertEquals(2000, host.ramUsedPages());

    // Another 500 pages: grower's anon 1500 needs ceil(1500/512) = 3 page tables, so it grows by
    // 501 and the host needs 501 pages. The 196 file pages go first (305 left), then the vSwap
    // pages still in RAM: all 300 go to real swap (5 left), then 5 anonymous pages in proportion
    // to swappable resident anon: cache 400, vswap 100, grower 1500 of 2000 -> 1.0, 0.25, 3.75;
    // whole parts 1, 0, 3 and the one left to the largest remainder (grower's 0.75): 1, 0, 4.
    grower.allocate(500 * PAGE);
    assertEquals(0, cache.fileCachePages());
    assertEquals(0, vswap.reclaim().vswapInRam());
    assertEquals(300, vswap.hostSwappedPages());
    assertEquals(1, cache.hostSwappedPages());
    assertEquals(4, grower.hostSwappedPages());
    assertEquals(305, host.swapUsedPages());
    assertEquals(2000, host.ramUsedPages());
    assertEquals(0, host.globalOomKills());
  }

  private static TenantMemoryConfig container(long ramPages, long swapPages) {
    return new TenantMemoryConfig(
        ramPages * PAGE, swapPages * PAGE, 0, 0, 1, TenantMemoryConfig.Kind.CONTAINER_VIRTUAL_SWAP);
  }
}
