package dev.oversold.core.platform.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.memory.TenantMemoryConfig;
import dev.oversold.core.memory.Watermarks;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.Admission;
import dev.oversold.core.platform.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15 item 1: what a KVM host holds from the start, what it admits, and when kswapd runs. */
final class KvmResidencyTest {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;
  private static final long PAGE = Pages.PAGE_BYTES;
  private final KvmMemoryPolicy policy = new KvmMemoryPolicy();

  @Test
  void overhead_isQemusFixedPartFromTheStartAndGrowsWithBackedRam() {
    // oVirt's estimate by hand: 64 + 8 x 2 vCPUs + 16 (VGA) = 96 MiB = 24,576 pages at start.
    HostSpec host = host(64 * GIB, KnobValues.NONE);
    TenantMemoryConfig config = policy.tenant(host, tenant("vm", 2, 2 * GIB));
    assertEquals(96 * MIB, config.overheadBytes());
    HostMemory memory = new HostMemory("h", new Simulation(), policy.host(host, List.of()));
    TenantMemory vm = memory.add("vm", config, new RandomStream(1));
    assertEquals(24_576, vm.hostRamPages());
    // The guest touches 1 GiB = 262,144 pages (+512 guest page-table pages): the host backs
    // 262,656 pages and its own page tables grow by ceil(262,656 / 512) = 513 pages.
    vm.allocate(GIB);
    assertEquals(24_576 + 262_656 + 513, vm.hostRamPages());
  }

  @Test
  void reserve_isServicesPlusTheKernelsPageArray() {
    // 512 MiB + 64 GiB / 64 = 512 + 1,024 MiB.
    HostMemoryConfig config = policy.host(host(64 * GIB, KnobValues.NONE), List.of());
    assertEquals(1536 * MIB, config.reservedBytes());
    // Given explicitly, the option wins.
    KnobValues given = new KnobValues(Map.of("host-reserved", 4.0 * GIB));
    assertEquals(4 * GIB, policy.host(host(64 * GIB, given), List.of()).reservedBytes());
  }

  @Test
  void admission_fourTwoGibVmsFitOnAFourGibHost() {
    // Resident at start: 512 + 4,096 / 64 = 576 MiB reserve + 4 x 88 MiB (1 vCPU) = 928 MiB of
    // 4,096: admitted; the 8 GiB of guest RAM is backed only when touched.
    HostSpec host = host(4 * GIB, KnobValues.NONE);
    List<TenantSpec> four = tenants(4, 1, 2 * GIB);
    assertTrue(Admission.refusals(host, four).isEmpty());
  }

  @Test
  void admission_refusesAHostWhoseFixedResidencyLeavesNoRam() {
    // 1 GiB host: reserve 512 + 16 = 528 MiB; six 2-vCPU VMs at 96 MiB = 576 MiB; 1,104 >= 1,024.
    HostSpec host = host(GIB, KnobValues.NONE);
    List<Refusal> refused = Admission.refusals(host, tenants(6, 2, 256 * MIB));
    assertEquals(1, refused.size());
    assertEquals(Refusal.Resource.MEMORY, refused.get(0).resource());
    assertTrue(
        refused.get(0).reason().contains("1104.0 MiB of RAM is resident"), refused.get(0).reason());
    // Five fit: 528 + 480 = 1,008 < 1,024.
    assertTrue(Admission.refusals(host, tenants(5, 2, 256 * MIB)).isEmpty());
  }

  @Test
  void kswapd_reclaimsFromLowToHighAndSleepsInBetween() {
    // Host 3,000 pages, no reserve, watermarks 100 / 150 / 200. a backs 1,400 + 3 page tables,
    // b 1,500 + 3: 2,906 used, 94 free < low 150: reclaim to high 200 frees 106 pages, taken in
    // proportion to swappable frames 1,400 : 1,500: 51.17 and 54.83 -> 51 and 54, the last page to
    // the larger remainder (b): 51 and 55.
    Simulation simulation = new Simulation();
    HostMemory host =
        new HostMemory(
            "h",
            simulation,
            HostMemoryConfig.simple(
                3000 * PAGE,
                10_000 * PAGE,
                new KvmReclaimer(false, 0.5, Optional.of(new Watermarks(100, 150, 200)))));
    TenantMemory a = host.add("a", vm(5000), new RandomStream(1));
    TenantMemory b = host.add("b", vm(5000), new RandomStream(2));
    a.allocate(1400 * PAGE);
    b.allocate(1500 * PAGE);
    assertEquals(51, a.hostSwappedPages());
    assertEquals(55, b.hostSwappedPages());
    assertEquals(200, host.freePages());
    // 30 more pages (page tables still ceil(1,530 / 512) = 3): 170 free, above low: no reclaim.
    b.allocate(30 * PAGE);
    assertEquals(106, host.swapUsedPages());
    assertEquals(170, host.freePages());
    // 30 more: 1,560 pages need 4 page tables, +31: 139 free < 150: back to 200, 61 more swapped.
    b.allocate(30 * PAGE);
    assertEquals(167, host.swapUsedPages());
    assertEquals(200, host.freePages());
  }

  private static TenantMemoryConfig vm(long ramPages) {
    return new TenantMemoryConfig(
        ramPages * PAGE, 0, 0, 0, 1, TenantMemoryConfig.Kind.VM_ON_DEMAND);
  }

  private static HostSpec host(long ram, KnobValues options) {
    return new HostSpec(
        "h",
        dev.oversold.core.model.PlatformKind.KVM,
        new HostSpec.Cpu(8, 1.0),
        new HostSpec.Memory(ram, 0),
        new HostSpec.Disk(10_000, 5e8, dev.oversold.core.engine.SimDuration.ofMicros(100)),
        new HostSpec.Network(1.25e8, dev.oversold.core.engine.SimDuration.ofMicros(50)),
        options);
  }

  private static List<TenantSpec> tenants(int count, int vcpus, long ram) {
    List<TenantSpec> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(tenant("vm-" + i, vcpus, ram));
    }
    return list;
  }

  private static TenantSpec tenant(String name, int vcpus, long ram) {
    PlanSpec plan =
        new PlanSpec(
            "p",
            vcpus,
            new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0),
            new PlanSpec.Memory(ram, 0),
            new PlanSpec.Disk(GIB, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0),
            new PlanSpec.Network(1e7),
            256,
            KnobValues.NONE);
    return new TenantSpec(name, "h", plan, new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS));
  }
}
