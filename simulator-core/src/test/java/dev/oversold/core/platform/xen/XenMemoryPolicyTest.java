package dev.oversold.core.platform.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class XenMemoryPolicyTest {
  private static final long GIB = 1L << 30;

  @Test
  void admission_refusesGuestsWhoseRamDoesNotFitBesideDom0() {
    // 8 GiB host, dom0 1 GiB (default) -> 7 GiB for guests. Four 2 GiB guests ask 8 GiB > 7 GiB.
    var host = Specs.host("x", "xen", 8 * GIB, 0, Map.of());
    List<TenantSpec> guests =
        List.of(
            Specs.idleTenant("g1", "x", 2 * GIB, Map.of()),
            Specs.idleTenant("g2", "x", 2 * GIB, Map.of()),
            Specs.idleTenant("g3", "x", 2 * GIB, Map.of()),
            Specs.idleTenant("g4", "x", 2 * GIB, Map.of()));
    var refused =
        assertThrows(
            MemoryAdmissionException.class, () -> new XenMemoryPolicy().host(host, guests));
    assertEquals("x", refused.host());
    assertTrue(refused.getMessage().contains("8192.0 MiB"), refused.getMessage());
    assertTrue(refused.getMessage().contains("7168.0 MiB"), refused.getMessage());
  }

  @Test
  void admission_acceptsTheSameGuestsWithBalloonTargetsThatFit() {
    // Targets of 1.5 GiB each: 4 * 1.5 = 6 GiB <= 7 GiB; each guest starts at 1.5 GiB of RAM.
    var host = Specs.host("x", "xen", 8 * GIB, 0, Map.of());
    Map<String, Double> target = Map.of("memory", 1.5 * GIB);
    List<TenantSpec> guests =
        List.of(
            Specs.idleTenant("g1", "x", 2 * GIB, target),
            Specs.idleTenant("g2", "x", 2 * GIB, target),
            Specs.idleTenant("g3", "x", 2 * GIB, target),
            Specs.idleTenant("g4", "x", 2 * GIB, target));
    var policy = new XenMemoryPolicy();
    var config = policy.host(host, guests);
    assertEquals(GIB, config.reservedBytes());
    assertEquals((long) (1.5 * GIB), policy.tenant(host, guests.get(0)).ramBytes());
  }

  @Test
  void admission_countsALargerDom0() {
    // dom0-memory 2 GiB leaves 6 GiB: three 2 GiB guests fit exactly, a 4th does not.
    var host = Specs.host("x", "xen", 8 * GIB, 0, Map.of("dom0-memory", 2.0 * GIB));
    var policy = new XenMemoryPolicy();
    List<TenantSpec> three =
        List.of(
            Specs.idleTenant("g1", "x", 2 * GIB, Map.of()),
            Specs.idleTenant("g2", "x", 2 * GIB, Map.of()),
            Specs.idleTenant("g3", "x", 2 * GIB, Map.of()));
    assertEquals(2 * GIB, policy.host(host, three).reservedBytes());
    List<TenantSpec> four =
        List.of(
            three.get(0),
            three.get(1),
            three.get(2),
            Specs.idleTenant("g4", "x", 2 * GIB, Map.of()));
    assertThrows(MemoryAdmissionException.class, () -> policy.host(host, four));
  }
}
