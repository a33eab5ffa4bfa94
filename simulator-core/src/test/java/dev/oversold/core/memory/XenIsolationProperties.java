package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.memory.MemoryModels.Kind;
import dev.oversold.core.memory.MemoryModels.Op;
import dev.oversold.core.memory.MemoryModels.Platform;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class XenIsolationProperties {
  /**
   * Tenant 0 runs the same operations alone and beside tenant 1's arbitrary ones (a bomb, frees,
   * touches, cache): after each of its own steps its memory is the same in both runs.
   */
  @Property(tries = 150)
  void noTenantsMemoryChangesBecauseOfAnother(
      @ForAll("own") List<Op> own, @ForAll("neighbour") List<Op> neighbour) {
    List<long[]> sizes = List.of(new long[] {256, 128, 0}, new long[] {512, 256, 0});
    HostMemory alone = MemoryModels.host(new Simulation(), Platform.XEN, 1024, 0, sizes);
    HostMemory shared = MemoryModels.host(new Simulation(), Platform.XEN, 1024, 0, sizes);
    List<long[]> aloneStates = new ArrayList<>();
    for (Op op : own) {
      MemoryModels.apply(alone, op);
      aloneStates.add(state(alone.tenants().get(0)));
    }
    int step = 0;
    for (Op op : own) {
      if (step < neighbour.size()) {
        MemoryModels.apply(shared, neighbour.get(step));
      }
      MemoryModels.apply(shared, op);
      assertEquals(
          List.of(toList(aloneStates.get(step))), List.of(toList(state(shared.tenants().get(0)))));
      step++;
    }
  }

  private static long[] state(TenantMemory t) {
    return new long[] {
      t.residentBytes(), t.swappedBytes(), t.fileCachePages(), t.hostRamPages(), t.majorFaults()
    };
  }

  private static List<Long> toList(long[] values) {
    List<Long> list = new ArrayList<>();
    for (long v : values) {
      list.add(v);
    }
    return list;
  }

  @Provide
  Arbitrary<List<Op>> own() {
    return ops(0);
  }

  @Provide
  Arbitrary<List<Op>> neighbour() {
    return ops(1);
  }

  private static Arbitrary<List<Op>> ops(int tenant) {
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs().between(1, 400))
        .as((kind, mib) -> new Op(tenant, kind, mib))
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }
}
