package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.memory.MemoryModels.Kind;
import dev.oversold.core.memory.MemoryModels.Op;
import dev.oversold.core.memory.MemoryModels.Platform;
import dev.oversold.core.platform.vmware.EsxiMemoryState;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

final class NoEvictionProperties {
  /**
   * On a host that is not overcommitted, a memory bomb that stays inside its own limits (or is
   * killed by them) never costs another tenant a page. Not overcommitted means every tenant's
   * largest host footprint fits: RAM + vSwap on OpenVZ (vSwap pages stay in RAM), RAM on bare metal
   * (with host swap for every tenant's swap), RAM + overhead on VMs, plus the soft-state headroom
   * (64% of minFree) on ESXi.
   */
  @Property(tries = 120)
  void aBombInsideItsLimitsNeverEvictsANeighbour(
      @ForAll Platform platform,
      @ForAll @IntRange(min = 1, max = 4) int victims,
      @ForAll @IntRange(min = 0, max = 512) int slackMib,
      @ForAll("victimOps") List<Op> victimOps,
      @ForAll @IntRange(min = 1, max = 200) int bombStepMib) {
    List<long[]> sizes = new ArrayList<>();
    long footprint = 0;
    long swapNeeded = 0;
    for (int i = 0; i <= victims; i++) {
      long ram = 128 + 64L * i;
      long swap = 64 + 32L * i;
      long overhead = platform == Platform.VMWARE || platform == Platform.KVM ? 16 : 0;
      sizes.add(new long[] {ram, swap, overhead});
      footprint += ram + overhead + (platform == Platform.OPENVZ ? swap : 0);
      swapNeeded += swap;
    }
    long ram = footprint + slackMib;
    if (platform == Platform.VMWARE) {
      ram +=
          (long) Math.ceil(0.64 * EsxiMemoryState.minFreePages(8L << 30) * 4096 / MemoryModels.MIB)
              + 1;
    }
    HostMemory host = MemoryModels.host(new Simulation(), platform, ram, swapNeeded, sizes);
    int bomb = victims; // the last tenant
    for (Op op : victimOps) {
      MemoryModels.apply(host, new Op(op.tenant() % victims, op.kind(), op.mib()));
      MemoryModels.apply(host, new Op(bomb, Kind.ALLOCATE, bombStepMib));
      MemoryModels.apply(host, new Op(bomb, Kind.TOUCH, bombStepMib));
    }
    for (int i = 0; i < victims; i++) {
      TenantMemory victim = host.tenants().get(i);
      assertEquals(0, victim.hostEvictions(), victim.name());
      assertFalse(victim.killed() && host.globalOomKills() > 0, victim.name());
    }
    assertEquals(0, host.globalOomKills());
  }

  @Provide
  Arbitrary<List<Op>> victimOps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(Kind.class),
            Arbitraries.longs().between(1, 100))
        .as(Op::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }
}
