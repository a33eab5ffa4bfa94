package dev.oversold.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page-fault term of the cost estimate against figures computed by hand from the scenario's
 * numbers (MiB throughout; a fault costs 4 + (2 + 2 x 1) / 32 = 4.125 events: a disk operation and
 * a 32nd of a 128 KiB swap-out write).
 */
final class FaultCostTest {
  private static final double EVENTS_PER_FAULT = 4 + 4.0 / 32;

  private static Scenario load(String platform, String ram, String tenants) throws Exception {
    String text =
        """
        scenario: faults
        duration: 30s
        hosts:
          - name: node1
            platform: PLATFORM
            cpu: { cores: 8 }
            memory: { ram: RAM, swap: 16GiB }
        plans:
          vps: { vcpus: 1, memory: { ram: 1GiB, swap: 1GiB } }
          big: { vcpus: 1, memory: { ram: 2GiB, swap: 2GiB } }
        tenants:
        TENANTS
        report: { baseline: none, interference: none }
        """;
    text = text.replace("PLATFORM", platform).replace("RAM", ram).replace("TENANTS", tenants);
    return ScenarioLoader.parse(text, "faults.yaml", null, List.of());
  }

  private static Map<String, Double> events(Scenario scenario) {
    return FaultCost.events(
        scenario.hosts().get(0), scenario.tenants(), scenario.duration().seconds());
  }

  private static final String WEBS_2TO1 =
      """
        - name: web-{1..16}
          plan: vps
          workload:
            kind: service
            arrivals: { process: poisson, rate: 20/s }
            request: { cpu: 1ms, memory-touch: 256KiB }
            working-set: 640MiB
      """;

  @Test
  void openVz_sixteenWorkingSetsOnEightGiB_eachLosesItsShareOfTheExcess() throws Exception {
    // 16 x 640 = 10,240 wanted + 512 reserve - 8,192 RAM = 2,560 excess, 160 each: a quarter of
    // each working set is out. 20/s x 64 pages x 30 s = 38,400 touches, 9,600 faults.
    Map<String, Double> events = events(load("openvz", "8GiB", WEBS_2TO1));
    assertEquals(16, events.size());
    assertEquals(9_600 * EVENTS_PER_FAULT, events.get("web-1"), 1e-6);
    assertEquals(9_600 * EVENTS_PER_FAULT, events.get("web-16"), 1e-6);
  }

  @Test
  void kvm_countsTheReserveAndEachVmsOverhead() throws Exception {
    // Reserve 512 + 8,192 / 64 = 640; a VM wants 640 x (1 + 1/512) + 88 (QEMU: 64 + 8 per vCPU +
    // 16 VGA) = 729.25 in host RAM. 16 x 729.25 + 640 - 8,192 = 4,116 excess, 257.25 each:
    // 257.25 / 640 of 38,400 touches = 15,435 faults.
    Map<String, Double> events = events(load("kvm", "8GiB", WEBS_2TO1));
    assertEquals(15_435 * EVENTS_PER_FAULT, events.get("web-3"), 1e-6);
  }

  @Test
  void aHostThatHoldsEveryWorkingSet_costsNoFaults() throws Exception {
    // 16 x 640 + 512 = 10,752 < 16,384
    Map<String, Double> events = events(load("openvz", "16GiB", WEBS_2TO1));
    assertEquals(0.0, events.get("web-1"), 0.0);
  }

  @Test
  void aWorkingSetPastItsOwnRam_faultsFromItsSwap_butNotFromVswap() throws Exception {
    // 1.5 GiB in a 1 GiB guest: 512 of 1,536 out, a third of 10/s x 64 pages x 30 s = 19,200.
    String tenants =
        """
          - name: web
            plan: vps
            workload:
              kind: service
              arrivals: { process: poisson, rate: 10/s }
              request: { cpu: 1ms, memory-touch: 256KiB }
              working-set: 1536MiB
        """;
    Map<String, Double> events = events(load("xen", "8GiB", tenants));
    assertEquals(6_400 * EVENTS_PER_FAULT, events.get("web"), 1e-6);
    // OpenVZ keeps those 512 MiB in vSwap, in host RAM (1,536 + 512 reserve < 8,192): each touch
    // waits one vswap-delay, no read per page
    assertEquals(0.0, events(load("openvz", "8GiB", tenants)).get("web"), 0.0);
  }

  private static final String WEBS_AND_LATE_BOMB =
      """
        - name: web-{1..2}
          plan: big
          workload:
            kind: service
            arrivals: { process: poisson, rate: 10/s }
            request: { cpu: 1ms, memory-touch: 256KiB }
            working-set: 1GiB
        - name: bomb
          plan: big
          workload: { kind: memory-bomb, rate: 100MiB/s, start: 20s }
      """;

  @Test
  void aBombStartingAt20sOf30s_wantsTenSecondsOfItsRate_notItsWholePlan() throws Exception {
    // The bomb runs 10 s: 1,000 MiB (its whole plan, 2 GiB RAM + 2 GiB vSwap, would be 4,096).
    // 1,024 + 1,024 + 1,000 + 512 reserve = 3,560 < 4,096 RAM: no excess, no faults (with the
    // bomb's whole plan: 6,656, and a third of each web would be out).
    Map<String, Double> events = events(load("openvz", "4GiB", WEBS_AND_LATE_BOMB));
    assertEquals(0.0, events.get("web-1"), 0.0);
    assertEquals(0.0, events.get("bomb"), 0.0);
  }

  @Test
  void aLateBombThatDoesPush_pushesOnlyWhatItAllocatedWhileRunning() throws Exception {
    // On 3 GiB: 3,560 - 3,072 = 488 excess; a web's share 488 x 1,024 / 3,048, i.e. 488 / 3,048
    // of its working set, of 10/s x 64 x 30 = 19,200 touches: 3,074.0 faults. The bomb touches
    // nothing after allocating.
    Map<String, Double> events = events(load("openvz", "3GiB", WEBS_AND_LATE_BOMB));
    assertEquals(19_200 * 488.0 / 3_048 * EVENTS_PER_FAULT, events.get("web-2"), 1e-6);
    assertEquals(0.0, events.get("bomb"), 0.0);
  }
}
