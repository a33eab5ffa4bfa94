package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.scenarios.ScenarioLoader.Override;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets its problem, at its line and column, in the contract's shape. */
final class ScenarioProblemsTest {

  private static final String MINIMAL = ScenarioLoaderTest.MINIMAL;

  @TempDir Path folder;

  private static Scenario parse(String text, Override... overrides) throws ScenarioException {
    return ScenarioLoaderTest.parse(text, overrides);
  }

  private static List<String> problems(String text, Override... overrides) {
    return ScenarioLoaderTest.problems(text, overrides);
  }

  @Test
  void range_pastTheUpperBound_isAnError() {
    assertEquals(
        List.of(
            "s.yaml:12:11: tenants[0].name: range {1..20000} makes 20000 tenants, more than the"
                + " 10000 a scenario may have (expected a name like web-{1..39}, at most 10000"
                + " tenants in all)"),
        problems(MINIMAL.replace("name: web", "name: web-{1..20000}")));
  }

  @Test
  void service_backlogBelowOne_isAnErrorAtItsValue() {
    // The appended line is line 19: six spaces, "backlog: ", the value in column 16.
    assertEquals(
        List.of(
            "s.yaml:19:16: tenants[0].workload.backlog: the backlog must be at least 1 (requests"
                + " that may wait for a worker) (expected a whole number >= 1, e.g. 128 (Linux's"
                + " default somaxconn))"),
        problems(MINIMAL + "      backlog: 0\n"));
  }

  @Test
  void service_keepAliveBelowOne_isAnErrorAtItsValue_andAGoodOneIsKept() throws Exception {
    // The appended line is line 19: six spaces, "keep-alive: ", the value in column 19.
    assertEquals(
        List.of(
            "s.yaml:19:19: tenants[0].workload.keep-alive: keep-alive must be at least 1 request"
                + " per connection (expected a whole number >= 1: 1 opens a connection per"
                + " request; N sends N requests over one (Apache's MaxKeepAliveRequests caps it"
                + " at 100 by default))"),
        problems(MINIMAL + "      keep-alive: 0\n"));
    var service =
        (WorkloadSpec.Service) parse(MINIMAL + "      keep-alive: 4\n").tenants().get(0).workload();
    assertEquals(4, service.keepAlive());
    var byDefault = (WorkloadSpec.Service) parse(MINIMAL).tenants().get(0).workload();
    assertEquals(1, byDefault.keepAlive());
  }

  @Test
  void service_protocol_defaultsToTcpAndReadsUdp() throws ScenarioException {
    var byDefault = (WorkloadSpec.Service) parse(MINIMAL).tenants().get(0).workload();
    assertEquals(WorkloadSpec.Protocol.TCP, byDefault.protocol());
    var udp =
        (WorkloadSpec.Service) parse(MINIMAL + "      protocol: udp\n").tenants().get(0).workload();
    assertEquals(WorkloadSpec.Protocol.UDP, udp.protocol());
  }

  @Test
  void service_unknownProtocol_isAnErrorListingTheProtocols() {
    // Line 19: six spaces, "protocol: ", the value in column 17.
    assertEquals(
        List.of(
            "s.yaml:19:17: tenants[0].workload.protocol: unknown value 'sctp' (did you mean 'tcp'?)"
                + " (expected one of: udp, tcp)"),
        problems(MINIMAL + "      protocol: sctp\n"));
  }

  @Test
  void service_udpWithKeepAlive_isAnErrorAtTheKeepAlive() {
    // Line 20: six spaces, "keep-alive: ", the value in column 19.
    assertEquals(
        List.of(
            "s.yaml:20:19: tenants[0].workload.keep-alive: a udp service has no connections to"
                + " keep alive (expected keep-alive: 1 (or leave it out) with protocol: udp, or"
                + " protocol: tcp)"),
        problems(MINIMAL + "      protocol: udp\n      keep-alive: 2\n"));
  }

  @Test
  void service_udpResponseLargerThanADatagram_isAnErrorAtTheResponse() {
    // Line 18: six spaces, "request: { cpu: 4ms, network: ", the value in column 37.
    String text =
        MINIMAL.replace("request: { cpu: 4ms }", "request: { cpu: 4ms, network: 65508B }")
            + "      protocol: udp\n";
    assertEquals(
        List.of(
            "s.yaml:18:37: tenants[0].workload.request.network: a udp response is one datagram:"
                + " at most 65,507 B (a 65,535 B IP packet less 28 B of IP and UDP headers)"
                + " (expected a response from 0B to 65507B with protocol: udp, or protocol: tcp)"),
        problems(text));
  }

  /** MINIMAL's workload, lines 16-18, after "kind: service". */
  private static final String SERVICE =
      """
            kind: service
            arrivals: { process: poisson, rate: 20/s }
            request: { cpu: 4ms }
      """;

  @Test
  void netFlood_tcpReceive_isAnErrorAtTheProtocol() {
    // Line 19: six spaces, "protocol: ", the value in column 17.
    String flood =
        "      kind: net-flood\n      direction: receive\n      rate: 10Mbit/s\n      protocol: tcp\n";
    assertEquals(
        List.of(
            "s.yaml:19:17: tenants[0].workload.protocol: a tcp flood transmits; a received flood"
                + " is datagrams (expected udp with direction: receive, or tcp with direction:"
                + " transmit)"),
        problems(MINIMAL.replace(SERVICE, flood)));
  }

  @Test
  void netFlood_protocol_defaultsToUdpAndReadsTcp() throws ScenarioException {
    String flood = "      kind: net-flood\n      rate: 10Mbit/s\n";
    var byDefault =
        (WorkloadSpec.NetFlood) parse(MINIMAL.replace(SERVICE, flood)).tenants().get(0).workload();
    assertEquals(WorkloadSpec.Protocol.UDP, byDefault.protocol());
    var tcp =
        (WorkloadSpec.NetFlood)
            parse(MINIMAL.replace(SERVICE, flood + "      protocol: tcp\n"))
                .tenants()
                .get(0)
                .workload();
    assertEquals(WorkloadSpec.Protocol.TCP, tcp.protocol());
  }

  @Test
  void netFlood_congestionControlOnDatagrams_isAnErrorAtTheKey() {
    // Line 18 (the kind is on line 16, as in the test above): six spaces and
    // "congestion-control: " (20 characters), so the value is in column 27.
    String flood = "      kind: net-flood\n      rate: 10Mbit/s\n      congestion-control: bic\n";
    assertEquals(
        List.of(
            "s.yaml:18:27: tenants[0].workload.congestion-control: congestion control is for a tcp"
                + " flood; datagrams have none (expected protocol: tcp, or no"
                + " congestion-control)"),
        problems(MINIMAL.replace(SERVICE, flood)));
  }

  @Test
  void netFlood_unknownCongestionControl_isAnErrorListingTheAlgorithms() {
    String tcp = "      kind: net-flood\n      rate: 10Mbit/s\n      protocol: tcp\n";
    String flood = tcp + "      congestion-control: vegas\n";
    List<String> problems = problems(MINIMAL.replace(SERVICE, flood));
    // Line 19, the value in column 27; an unknown enum value as for the platform above.
    assertEquals(
        List.of(
            "s.yaml:19:27: tenants[0].workload.congestion-control: unknown value 'vegas'"
                + " (expected one of: reno, bic, cubic)"),
        problems);
  }

  @Test
  void netFlood_congestionControl_isThePlatformsUnlessNamed() throws ScenarioException {
    String flood = "      kind: net-flood\n      rate: 10Mbit/s\n      protocol: tcp\n";
    var byDefault =
        (WorkloadSpec.NetFlood) parse(MINIMAL.replace(SERVICE, flood)).tenants().get(0).workload();
    assertNull(byDefault.congestion());
    var bic =
        (WorkloadSpec.NetFlood)
            parse(MINIMAL.replace(SERVICE, flood + "      congestion-control: bic\n"))
                .tenants()
                .get(0)
                .workload();
    assertEquals(WorkloadSpec.CongestionControl.BIC, bic.congestion());
  }

  @Test
  void service_backlog_defaultsToLinuxSomaxconnAndReadsAGivenValue() throws ScenarioException {
    var byDefault = (WorkloadSpec.Service) parse(MINIMAL).tenants().get(0).workload();
    assertEquals(128, byDefault.backlog());
    var given =
        (WorkloadSpec.Service) parse(MINIMAL + "      backlog: 16\n").tenants().get(0).workload();
    assertEquals(16, given.backlog());
  }

  @Test
  void reportWindow_endingAfterTheRun_isAnErrorAtItsEnd() {
    // line 21 is the window; "12m" starts in column 37 (counted by hand: 4 spaces, "- { name:
    // backup, from: 2m, to: ")
    assertEquals(
        List.of(
            "s.yaml:21:37: report.windows[0].to: the window ends at 12m, after the run (10m)"
                + " (expected at most the duration)"),
        problems(MINIMAL + "report:\n  windows:\n    - { name: backup, from: 2m, to: 12m }\n"));
  }

  @Test
  void reportWindow_badNameAndEndBeforeStart_areBothReported() {
    List<String> problems =
        problems(MINIMAL + "report:\n  windows:\n    - { name: Backup, from: 3m, to: 2m }\n");
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("s.yaml:21:15: report.windows[0].name: window name 'Backup'"),
        problems.toString());
    assertTrue(
        problems.get(1).startsWith("s.yaml:21:37: report.windows[0].to: the window ends at 2m,"),
        problems.toString());
  }

  @Test
  void reportWindows_areReadInOrder() throws ScenarioException {
    var windows =
        parse(
                MINIMAL
                    + "report:\n  windows:\n    - { name: before, from: 0s, to: 2m }\n"
                    + "    - { name: backup, from: 2m, to: 5m }\n")
            .report()
            .windows();
    assertEquals(2, windows.size());
    assertEquals("backup", windows.get(1).name());
    assertEquals(120, windows.get(1).from().nanos() / 1_000_000_000L);
    assertEquals(300, windows.get(1).to().nanos() / 1_000_000_000L);
  }

  @Test
  void range_emptyRange_isAnError() {
    List<String> problems = problems(MINIMAL.replace("name: web", "name: web-{5..3}"));
    assertTrue(problems.get(0).contains("range {5..3} is empty"), problems.toString());
  }

  @Test
  void unknownKey_isReportedAtItsLineAndColumnWithADidYouMean() {
    assertEquals(
        List.of(
            "s.yaml:6:10: hosts[0].cpu.cores: missing required key 'cores' (expected a whole"
                + " number)",
            "s.yaml:6:12: hosts[0].cpu.cors: unknown key 'cors' (did you mean 'cores'?) (expected"
                + " one of: cores, speed)"),
        problems(MINIMAL.replace("cpu: { cores: 8 }", "cpu: { cors: 8 }")));
  }

  @Test
  void bareNumberWhereAUnitIsRequired_namesTheUnits() {
    assertEquals(
        List.of(
            "s.yaml:2:11: duration: '600' has no unit (expected a duration with a unit: ns us ms"
                + " s m h d, e.g. 250ms)"),
        problems(MINIMAL.replace("duration: 10m", "duration: 600")));
  }

  @Test
  void everyProblem_isReportedTogether() {
    String broken =
        MINIMAL
            .replace("platform: kvm", "platform: kvn")
            .replace("ram: 32GiB", "ram: 32")
            .replace("host: node1", "host: node2")
            .replace("rate: 20/s", "rate: fast");
    List<String> problems = problems(broken);
    assertEquals(4, problems.size(), problems.toString());
    assertEquals(
        "s.yaml:5:15: hosts[0].platform: unknown value 'kvn' (did you mean 'kvm'?) (expected one"
            + " of: openvz, kvm, xen, vmware, bare-metal)",
        problems.get(0));
    assertTrue(problems.get(1).startsWith("s.yaml:7:20: hosts[0].memory.ram: '32' has no unit"));
    assertEquals(
        "s.yaml:13:11: tenants[0].host: unknown host 'node2' (did you mean 'node1'?) (expected"
            + " one of: node1)",
        problems.get(2));
    assertTrue(
        problems.get(3).startsWith("s.yaml:17:43: tenants[0].workload.arrivals.rate: 'fast' is"),
        problems.get(3));
  }

  @Test
  void unknownPlan_namesTheKnownPlans() {
    assertEquals(
        List.of(
            "s.yaml:14:11: tenants[0].plan: unknown plan 'smal' (did you mean 'small'?) (expected"
                + " one of: small)"),
        problems(MINIMAL.replace("plan: small", "plan: smal")));
  }

  @Test
  void unknownWorkloadKind_namesTheKinds() {
    List<String> problems = problems(MINIMAL.replace("kind: service", "kind: servce"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
                .get(0)
                .startsWith(
                    "s.yaml:16:13: tenants[0].workload.kind: unknown kind 'servce'"
                        + " (did you mean 'service'?) (expected one of: ")
            && problems.get(0).contains("cpu-hog")
            && problems.get(0).contains("net-flood"),
        problems.get(0));
  }

  @Test
  void xenHost_whoseTenantsAndDom0DoNotFit_isExplained() {
    // 4 tenants x 8 GiB = 32 GiB = 32768 MiB, but dom0's default 1 GiB (1024 MiB) leaves 32 - 1 =
    // 31 GiB = 31744 MiB of the 32 GiB: refused by Xen's own placement rule (XenMemoryPolicy).
    String xen =
        MINIMAL
            .replace("platform: kvm", "platform: xen")
            .replace("ram: 1GiB", "ram: 8GiB")
            .replace("name: web", "name: web-{1..4}");
    assertEquals(
        List.of(
            "s.yaml:7:20: hosts[0].memory.ram: host node1 (xen): guests need 32768.0 MiB of RAM"
                + " but only 31744.0 MiB fit beside dom0 (1024.0 MiB of 32768.0 MiB); Xen does not"
                + " overcommit memory: give balloon targets (native: memory) or fewer guests"
                + " (expected guests' RAM (balloon targets where given) + dom0-memory <= host"
                + " RAM)"),
        problems(xen));
    // One tenant fewer fits: 3 x 8 GiB + 1 GiB = 25 GiB <= 32 GiB.
    assertTrue(
        () -> {
          try {
            return parse(xen.replace("web-{1..4}", "web-{1..3}")).tenants().size() == 3;
          } catch (ScenarioException e) {
            return false;
          }
        });
  }

  @Test
  void warmupNotShorterThanTheDuration_isAnError() {
    List<String> problems =
        problems(MINIMAL.replace("duration: 10m", "duration: 10m\nwarmup: 10m"));
    assertEquals(
        List.of(
            "s.yaml:3:9: warmup: the warm-up (10m) is not shorter than the duration (10m)"
                + " (expected a warm-up shorter than the duration)"),
        problems);
  }

  @Test
  void reservationsAboveTheHostsCapacity_areExplained() {
    // 9 tenants x 100% reserved = 900% of CPU on 8 cores x speed 1.0 = 800%.
    String text =
        MINIMAL
            .replace(
                "memory: { ram: 1GiB }", "memory: { ram: 1GiB }\n    cpu: { reservation: 100% }")
            .replace("name: web", "name: web-{1..9}");
    List<String> problems = problems(text);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "s.yaml:6:10: hosts[0].cpu: its tenants reserve 900% of CPU but"
                    + " the host has 800%"),
        problems.get(0));
  }

  @Test
  void moreVcpusThanHostCores_isAnError() {
    List<String> problems =
        problems(MINIMAL.replace("memory: { ram: 1GiB }", "vcpus: 16\n    memory: { ram: 1GiB }"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("gives 16 vCPUs but host node1 has only 8 cores"));
  }

  @Test
  void hostOptions_unknownKey_suggestsTheKnownOnes() {
    List<String> problems =
        problems(
            MINIMAL
                .replace("platform: kvm", "platform: xen")
                .replace(
                    "memory: { ram: 32GiB }",
                    "memory: { ram: 32GiB }\n    options: { dom0-mem: 2GiB }"));
    assertEquals(
        List.of(
            "s.yaml:8:16: hosts[0].options.dom0-mem: unknown option of xen 'dom0-mem' (did you mean"
                + " 'dom0-memory'?) (expected one of: dom0-vcpus, dom0-memory, dom0-weight, cpu-wakeup-delay, blkback-cpu, blkif-ring, vbd, netback-cpu, guest-dirty-throttling, qdisc, txqueuelen, nic-ring, netdev-max-backlog, net-packet-cpu)"),
        problems);
  }

  // Issue 14 item 5: bad network input exits 2 at the key, saying what is allowed.
  @Test
  void networkInput_zeroBandwidthNegativeLatencyEmptyQueuesAndUnknownQdisc_areRefusedAtTheKey() {
    List<String> problems =
        problems(
            MINIMAL.replace(
                "memory: { ram: 32GiB }",
                """
                memory: { ram: 32GiB }
                    network: { bandwidth: 0Gbit/s, latency: -5us }
                    options: { qdisc: sfq, txqueuelen: 0, nic-ring: 0 }\
                """));
    assertEquals(5, problems.size(), problems.toString());
    assertEquals(
        "s.yaml:8:27: hosts[0].network.bandwidth: bandwidth must be more than 0 (expected e.g."
            + " 1Gbit/s)",
        problems.get(0));
    assertTrue(
        problems.get(1).startsWith("s.yaml:8:45: hosts[0].network.latency: '-5us' is negative"),
        problems.get(1));
    assertTrue(
        problems
            .get(2)
            .startsWith(
                "s.yaml:9:23: hosts[0].options.qdisc: 'sfq' is not a qdisc (expected one of:"
                    + " pfifo_fast, fq_codel;"),
        problems.get(2));
    assertEquals(
        "s.yaml:9:40: hosts[0].options.txqueuelen: '0' is out of range (expected between 1 and"
            + " 1000000)",
        problems.get(3));
    assertEquals(
        "s.yaml:9:53: hosts[0].options.nic-ring: '0' is out of range (expected between 1 and"
            + " 65536)",
        problems.get(4));
  }

  @Test
  void qdisc_isAnOptionOfLinuxHostsOnly_andTheDefaultsFollowThePlatform() throws Exception {
    // ESXi's uplink is not a Linux qdisc: the key is unknown there and the message lists ESXi's
    // options.
    List<String> problems =
        problems(
            MINIMAL
                .replace("platform: kvm", "platform: vmware")
                .replace(
                    "memory: { ram: 32GiB }",
                    "memory: { ram: 32GiB }\n    options: { qdisc: fq_codel }"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("s.yaml:8:16: hosts[0].options.qdisc: unknown option of vmware"),
        problems.get(0));
    // A name is kept as its index among the choices (pfifo_fast 0, fq_codel 1).
    Scenario chosen =
        parse(
            MINIMAL
                .replace("platform: kvm", "platform: openvz")
                .replace(
                    "memory: { ram: 32GiB }",
                    "memory: { ram: 32GiB }\n    options: { qdisc: fq_codel }"));
    assertEquals(1.0, chosen.hosts().get(0).options().values().get("qdisc"));
  }

  // Issue 13: the kernel era of dirty throttling is a host option of the shared-kernel platforms.
  @Test
  void dirtyThrottling_unknownEraOrVmPlatform_isRefusedAtTheKey_andANameKeepsItsIndex()
      throws Exception {
    String openVz = MINIMAL.replace("platform: kvm", "platform: openvz");
    List<String> problems =
        problems(
            openVz.replace(
                "memory: { ram: 32GiB }",
                "memory: { ram: 32GiB }\n    options: { dirty-throttling: 2.6.24 }"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("s.yaml:8:34: hosts[0].options.dirty-throttling: '2.6.24'")
            && problems.get(0).contains("2.6.18, 2.6.32, modern"),
        problems.get(0));
    // A VM's guest kernel is not the host's: the key is unknown on KVM.
    List<String> onKvm =
        problems(
            MINIMAL.replace(
                "memory: { ram: 32GiB }",
                "memory: { ram: 32GiB }\n    options: { dirty-throttling: 2.6.18 }"));
    assertEquals(1, onKvm.size(), onKvm.toString());
    assertTrue(
        onKvm.get(0).startsWith("s.yaml:8:16: hosts[0].options.dirty-throttling: unknown option"),
        onKvm.get(0));
    // 2.6.18, 2.6.32, modern are kept as 0, 1, 2.
    Scenario chosen =
        parse(
            openVz.replace(
                "memory: { ram: 32GiB }",
                "memory: { ram: 32GiB }\n    options: { dirty-throttling: 2.6.18 }"));
    assertEquals(0.0, chosen.hosts().get(0).options().values().get("dirty-throttling"));
  }

  // Issue 13: Xen 3.0's one-page block ring is a host option of Xen only.
  @Test
  void blkifRing_unknownNameOrNotXen_isRefusedAtTheKey_andANameKeepsItsIndex() throws Exception {
    String xen = MINIMAL.replace("platform: kvm", "platform: xen");
    List<String> problems =
        problems(
            xen.replace(
                "memory: { ram: 32GiB }",
                "memory: { ram: 32GiB }\n    options: { blkif-ring: xen-2.0 }"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("s.yaml:8:28: hosts[0].options.blkif-ring: 'xen-2.0'")
            && problems.get(0).contains("none, xen-3.0"),
        problems.get(0));
    List<String> onKvm =
        problems(
            MINIMAL.replace(
                "memory: { ram: 32GiB }",
                "memory: { ram: 32GiB }\n    options: { blkif-ring: xen-3.0 }"));
    assertEquals(1, onKvm.size(), onKvm.toString());
    assertTrue(
        onKvm.get(0).startsWith("s.yaml:8:16: hosts[0].options.blkif-ring: unknown option"),
        onKvm.get(0));
    // none, xen-3.0 are kept as 0, 1.
    Scenario chosen =
        parse(
            xen.replace(
                "memory: { ram: 32GiB }",
                "memory: { ram: 32GiB }\n    options: { blkif-ring: xen-3.0 }"));
    assertEquals(1.0, chosen.hosts().get(0).options().values().get("blkif-ring"));
  }

  // Issue 13: where Xen guests' disks live in dom0 (phy: or file:) is a host option of Xen only.
  @Test
  void vbd_unknownNameOrNotXen_isRefusedAtTheKey_andANameKeepsItsIndex() throws Exception {
    String xen = MINIMAL.replace("platform: kvm", "platform: xen");
    List<String> problems =
        problems(
            xen.replace(
                "memory: { ram: 32GiB }", "memory: { ram: 32GiB }\n    options: { vbd: tap }"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("s.yaml:8:21: hosts[0].options.vbd: 'tap'")
            && problems.get(0).contains("phy, file"),
        problems.get(0));
    List<String> onOpenVz =
        problems(
            MINIMAL
                .replace("platform: kvm", "platform: openvz")
                .replace(
                    "memory: { ram: 32GiB }",
                    "memory: { ram: 32GiB }\n    options: { vbd: file }"));
    assertEquals(1, onOpenVz.size(), onOpenVz.toString());
    assertTrue(
        onOpenVz.get(0).startsWith("s.yaml:8:16: hosts[0].options.vbd: unknown option"),
        onOpenVz.get(0));
    // phy, file are kept as 0, 1; phy is the default.
    Scenario chosen =
        parse(
            xen.replace(
                "memory: { ram: 32GiB }", "memory: { ram: 32GiB }\n    options: { vbd: file }"));
    assertEquals(1.0, chosen.hosts().get(0).options().values().get("vbd"));
  }

  @Test
  void logAppend_overALogRecordOrNegative_isRefusedAtItsValue_andAGoodOneIsKept() throws Exception {
    List<String> problems =
        problems(
            MINIMAL.replace("request: { cpu: 4ms }", "request: { cpu: 4ms, log-append: 65KiB }"));
    assertEquals(
        List.of(
            "s.yaml:18:40: tenants[0].workload.request.log-append: a log record is at most 64KiB"
                + " (expected a size from 0B to 64KiB, e.g. 200B (larger writes are"
                + " disk-writes))"),
        problems);
    List<String> negative =
        problems(
            MINIMAL.replace("request: { cpu: 4ms }", "request: { cpu: 4ms, log-append: -1B }"));
    assertEquals(1, negative.size(), negative.toString());
    assertTrue(negative.get(0).startsWith("s.yaml:18:40: "), negative.get(0));
    Scenario kept =
        parse(MINIMAL.replace("request: { cpu: 4ms }", "request: { cpu: 4ms, log-append: 200B }"));
    var service = (WorkloadSpec.Service) kept.tenants().get(0).workload();
    assertEquals(200, service.request().logAppendBytes());
  }

  @Test
  void nativeKnob_outOfRange_namesTheBounds() {
    List<String> problems =
        problems(
            MINIMAL.replace(
                "memory: { ram: 1GiB }",
                "memory: { ram: 1GiB }\n    native: { cpu.weight: 20000 }"));
    assertEquals(
        List.of(
            "s.yaml:11:27: plans.small.native.cpu.weight: '20000' is out of range (expected"
                + " between 1 and 10000)"),
        problems);
  }

  @Test
  void overrides_badPathOrValue_areProblemsNamingTheOverride() {
    assertEquals(
        List.of(
            "--set hosts[3].cpu.cores:1:1: hosts[3]: no such item: the list has 1 (expected an"
                + " index from 0 to 0)"),
        problems(MINIMAL, new Override("hosts[3].cpu.cores", "4")));
    assertEquals(
        List.of(
            "--set hosts[0].cpu.corez:1:1: hosts[0].cpu.corez: unknown key 'corez' (did you mean"
                + " 'cores'?) (expected one of: cores, speed)"),
        problems(MINIMAL, new Override("hosts[0].cpu.corez", "4")));
    assertEquals(
        List.of(
            "--set seed:1:1: seed: expected a whole number, found text 'x' (expected a whole number)"),
        problems(MINIMAL, new Override("seed", "x")));
  }

  @Test
  void jobsFile_problemsNameTheCsvRowAndColumn() throws IOException {
    Path scenario = folder.resolve("s.yaml");
    Files.writeString(
        scenario,
        MINIMAL.replace(
            "kind: service\n      arrivals: { process: poisson, rate: 20/s }\n      request: { cpu: 4ms }",
            "kind: batch\n      jobs-file: jobs.csv"));
    Files.writeString(folder.resolve("jobs.csv"), "submit,cpu,parallelism\n0s,10s,1\n5s,ten,2\n");
    List<String> problems =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario))
            .problems()
            .stream()
            .map(Problem::toString)
            .toList();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith(folder.resolve("jobs.csv") + ":3:4: cpu: 'ten' is not a number"),
        problems.get(0));
  }

  @Test
  void missingJobsFile_isNamed() throws IOException {
    Path scenario = folder.resolve("s.yaml");
    Files.writeString(
        scenario,
        MINIMAL.replace(
            "kind: service\n      arrivals: { process: poisson, rate: 20/s }\n      request: { cpu: 4ms }",
            "kind: batch\n      jobs-file: nope.csv"));
    String problem =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario))
            .problems()
            .get(0)
            .toString();
    assertTrue(problem.contains("tenants[0].workload.jobs-file: jobs file not found: "), problem);
  }

  @Test
  void yamlSyntaxError_isLocatedWithAHint() {
    // Line 13 is "  - name: web-{1..2}, ..." in flow style: the unquoted brace opens a mapping.
    String text =
        MINIMAL.replace(
            "  - name: web\n    host: node1\n",
            "  - { name: web-{1..2}, host: node1 }\n  - name: other\n    host: node1\n");
    List<String> problems = problems(text);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("s.yaml:12:17: while parsing a flow mapping")
            && problems
                .get(0)
                .endsWith(
                    "(expected quotes around a value with braces inside { },"
                        + " e.g. name: \"web-{1..9}\")"),
        problems.get(0));
  }

  @Test
  void duplicateKeysAndNames_areReported() {
    List<String> problems =
        problems(
            MINIMAL.replace("duration: 10m", "duration: 10m\nduration: 5m")
                + "  - name: web\n    plan: small\n    workload: { kind: idle }\n");
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(
        "s.yaml:3:1: duration: duplicate key 'duration' (first at line 2) (expected each key once)",
        problems.get(0));
    assertTrue(
        problems
            .get(1)
            .startsWith(
                "s.yaml:20:11: tenants[1].name: duplicate tenant name 'web'"
                    + " (also tenants[0])"),
        problems.get(1));
  }
}
