package dev.oversold.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class PlatformKnobsTest {
  @Test
  void knobs_haveUniqueKeysAndDefaultsInRangeOnEveryPlatform() {
    for (PlatformKind kind : Platforms.kinds()) {
      Platform platform = Platforms.of(kind);
      for (List<Knob> knobs : List.of(platform.hostOptions(), platform.nativeKnobs())) {
        Set<String> keys = new HashSet<>();
        for (Knob knob : knobs) {
          assertTrue(keys.add(knob.key()), kind + ": duplicate knob " + knob.key());
          if (knob.hasDefault()) {
            assertTrue(
                knob.defaultValue() >= knob.min() && knob.defaultValue() <= knob.max(),
                kind + ": " + knob.key() + " default out of range");
          }
        }
      }
    }
  }

  @Test
  void memoryAndIoKnobs_areDeclaredByTheirPlatforms() {
    assertTrue(keys(PlatformKind.OPENVZ, true).containsAll(Set.of("vswap-delay", "host-reserved")));
    assertTrue(
        keys(PlatformKind.OPENVZ, false)
            .containsAll(Set.of("physpages", "swappages", "ioprio", "iolimit", "iopslimit")));
    assertTrue(keys(PlatformKind.KVM, true).containsAll(Set.of("ksm", "ksm-sharing", "ksm-cpu")));
    assertTrue(keys(PlatformKind.XEN, true).contains("dom0-memory"));
    assertTrue(keys(PlatformKind.XEN, false).contains("memory"));
    assertTrue(
        keys(PlatformKind.VMWARE, true).containsAll(Set.of("tps-inter-vm", "sioc-threshold")));
    // The network path's stages: every Linux host stack, and each platform's backend.
    Set<String> stack =
        Set.of("qdisc", "txqueuelen", "nic-ring", "netdev-max-backlog", "net-packet-cpu");
    assertTrue(keys(PlatformKind.OPENVZ, true).containsAll(stack));
    assertTrue(keys(PlatformKind.KVM, true).containsAll(Set.of("vhost-cpu", "vhost-latency")));
    assertTrue(keys(PlatformKind.KVM, true).containsAll(stack));
    assertTrue(keys(PlatformKind.XEN, true).contains("netback-cpu"));
    assertTrue(keys(PlatformKind.XEN, true).containsAll(stack));
    assertTrue(
        keys(PlatformKind.VMWARE, true).containsAll(Set.of("vnic-cpu", "txqueuelen", "nic-ring")));
    // The shared kernel's dirty throttling era: a host option where tenants share the host's page
    // cache (OpenVZ, bare metal), not where each VM has its own guest kernel.
    assertTrue(keys(PlatformKind.OPENVZ, true).contains("dirty-throttling"));
    assertFalse(keys(PlatformKind.KVM, true).contains("dirty-throttling"));
    assertFalse(keys(PlatformKind.XEN, true).contains("dirty-throttling"));
    // Bare metal has no hypervisor knobs: memory/I-O (host-reserved, the network stack's five,
    // the page cache's dirty throttling), the CPU wake-up model switch and the host kernel's
    // tables,
    // nothing else.
    assertEquals(
        Set.of(
            "host-reserved",
            "dirty-throttling",
            "qdisc",
            "net-packet-cpu",
            "txqueuelen",
            "nic-ring",
            "netdev-max-backlog",
            "cpu-wakeup-delay",
            "pid-max",
            "file-max",
            "nf-conntrack-max"),
        keys(PlatformKind.BARE_METAL, true));
  }

  private static Set<String> keys(PlatformKind kind, boolean host) {
    Platform platform = Platforms.of(kind);
    Set<String> keys = new HashSet<>();
    for (Knob knob : host ? platform.hostOptions() : platform.nativeKnobs()) {
      keys.add(knob.key());
    }
    return keys;
  }
}
