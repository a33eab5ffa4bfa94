package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.ScenarioLoader.Override;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host's {@code platform-options}: the options it runs each other platform with, checked as
 * {@code options} is, and used wherever a command switches the host's platform.
 */
final class PlatformOptionsKeysTest {
  /** An OpenVZ host on 2.6.18 with Xen 3.0's ring and dom0 on one vCPU, and BFQ on KVM. */
  private static final String OPENVZ =
      ScenarioLoaderTest.MINIMAL
          .replace("platform: kvm", "platform: openvz")
          .replace(
              "memory: { ram: 32GiB }",
              """
              memory: { ram: 32GiB }
                  options: { dirty-throttling: 2.6.18 }
                  platform-options:
                    xen: { blkif-ring: xen-3.0, dom0-vcpus: 1 }
                    kvm: { io-scheduler: bfq }\
              """);

  private static HostSpec host(String text, Override... overrides) throws ScenarioException {
    return ScenarioLoaderTest.parse(text, overrides).hosts().get(0);
  }

  private static List<String> problems(String text) {
    return ScenarioLoaderTest.problems(text);
  }

  @Test
  void eachPlatformRunsItsOwnBlock_theHostsPlatformItsOptions_anUnnamedOneItsDefaults()
      throws Exception {
    HostSpec host = host(OPENVZ);
    // 2.6.18, 2.6.32, modern are kept as 0, 1, 2; none, xen-3.0 as 0, 1.
    assertEquals(0.0, host.options().values().get("dirty-throttling"));
    HostSpec xen = Platforms.onPlatform(host, PlatformKind.XEN);
    assertEquals(PlatformKind.XEN, xen.platform());
    assertEquals(1.0, xen.options().values().get("blkif-ring"));
    assertEquals(1.0, xen.options().values().get("dom0-vcpus"));
    // what the block leaves out is Xen's default (dom0-memory 1 GiB)
    assertEquals(1024.0 * 1024 * 1024, xen.options().values().get("dom0-memory"));
    assertNull(xen.disk().scheduler());
    HostSpec kvm = Platforms.onPlatform(host, PlatformKind.KVM);
    assertEquals(IoSchedulerKind.BFQ, kvm.disk().scheduler());
    assertEquals(Platforms.defaultOptions(PlatformKind.KVM), kvm.options());
    HostSpec vmware = Platforms.onPlatform(host, PlatformKind.VMWARE);
    assertEquals(Platforms.defaultOptions(PlatformKind.VMWARE), vmware.options());
    assertNull(vmware.disk().scheduler());
    assertSame(host, Platforms.onPlatform(host, PlatformKind.OPENVZ));
    // switching back restores OpenVZ's own options (kept for it while on Xen)
    assertEquals(host, Platforms.onPlatform(xen, PlatformKind.OPENVZ));
  }

  @Test
  void setOfThePlatform_runsThatPlatformsBlock_andASetReachesAKnobInABlock() throws Exception {
    // options are the file's own platform's; the block for xen is moved to options.
    String xenFile =
        OPENVZ
            .replace("    options: { dirty-throttling: 2.6.18 }\n", "")
            .replace("xen: {", "openvz: { dirty-throttling: 2.6.18 }\n      xen: {");
    HostSpec onXen = host(xenFile, new Override("hosts[0].platform", "xen"));
    assertEquals(PlatformKind.XEN, onXen.platform());
    assertEquals(1.0, onXen.options().values().get("blkif-ring"));
    assertEquals(
        0.0,
        onXen
            .platformOptions()
            .get(PlatformKind.OPENVZ)
            .options()
            .values()
            .get("dirty-throttling"));
    HostSpec set = host(OPENVZ, new Override("hosts[0].platform-options.xen.blkif-ring", "none"));
    assertEquals(
        0.0, set.platformOptions().get(PlatformKind.XEN).options().values().get("blkif-ring"));
  }

  @Test
  void setOfThePlatform_switchesTheHostExactlyAsOnPlatformDoes() throws Exception {
    // the file's options are OpenVZ's: a --set of the platform keeps them as OpenVZ's block and
    // runs the new platform's block (xen), its defaults (vmware, none given) or, back on the
    // file's platform, the file's options
    HostSpec file = host(OPENVZ);
    for (PlatformKind kind : Platforms.kinds()) {
      HostSpec set = host(OPENVZ, new Override("hosts[0].platform", kind.id()));
      assertEquals(Platforms.onPlatform(file, kind), set, kind.id());
    }
    // a --set of an option after the switch is the new platform's (Xen's dom0-vcpus)
    HostSpec thenOption =
        host(
            OPENVZ.replace("      xen: { blkif-ring: xen-3.0, dom0-vcpus: 1 }\n", ""),
            new Override("hosts[0].platform", "xen"),
            new Override("hosts[0].options.dom0-vcpus", "3"));
    assertEquals(3.0, thenOption.options().values().get("dom0-vcpus"));
    assertEquals(
        0.0,
        thenOption
            .platformOptions()
            .get(PlatformKind.OPENVZ)
            .options()
            .values()
            .get("dirty-throttling"));
  }

  @Test
  void setOfThePlatform_ofAFileGivingItsOwnOptionsTwice_reportsTheFilesError() {
    String both = OPENVZ.replace("xen: {", "openvz: { dirty-throttling: modern }\n      xen: {");
    assertEquals(1, problems(both).size()); // the given-twice error at the block
    assertEquals(
        problems(both),
        ScenarioLoaderTest.problems(both, new Override("hosts[0].platform", "xen")));
  }

  @Test
  void theHostsOwnPlatform_mayTakeItsOptionsFromItsBlock() throws Exception {
    String own =
        OPENVZ
            .replace("    options: { dirty-throttling: 2.6.18 }\n", "")
            .replace("xen: {", "openvz: { dirty-throttling: 2.6.18 }\n      xen: {");
    HostSpec host = host(own);
    assertEquals(0.0, host.options().values().get("dirty-throttling"));
    assertEquals(
        List.of(PlatformKind.XEN, PlatformKind.KVM), List.copyOf(host.platformOptions().keySet()));
  }

  @Test
  void theHostsOwnPlatformInBoth_isRefusedAtTheBlock_sayingWhichToKeep() {
    String both = OPENVZ.replace("xen: {", "openvz: { dirty-throttling: modern }\n      xen: {");
    // line 10 "      openvz: ...": the key in column 7
    assertEquals(
        List.of(
            "s.yaml:10:7: hosts[0].platform-options.openvz: the options of openvz, the host's own"
                + " platform, are given twice: in options and in platform-options.openvz"
                + " (expected keep one: move the keys of options into platform-options.openvz and"
                + " remove options (the file then reads the same on any platform), or remove"
                + " platform-options.openvz)"),
        problems(both));
  }

  @Test
  void anUnknownPlatform_isRefusedAtItsKey_withTheClosestName() {
    assertEquals(
        List.of(
            "s.yaml:10:7: hosts[0].platform-options.xem: unknown platform 'xem' in"
                + " platform-options (did you mean 'xen'?) (expected one of: openvz, kvm, xen,"
                + " vmware, bare-metal)"),
        problems(OPENVZ.replace("xen: {", "xem: {")));
  }

  @Test
  void aBlock_isCheckedAgainstItsPlatformsOptions_exactlyAsOptionsIs() {
    // The same wrong key under options of a KVM host and under a KVM block: the same message.
    List<String> inBlock =
        problems(OPENVZ.replace("kvm: { io-scheduler: bfq }", "kvm: { blkif-ring: xen-3.0 }"));
    String kvmHost =
        ScenarioLoaderTest.MINIMAL.replace(
            "memory: { ram: 32GiB }",
            "memory: { ram: 32GiB }\n    options: { blkif-ring: xen-3.0 }");
    List<String> inOptions = problems(kvmHost);
    assertEquals(1, inBlock.size(), inBlock.toString());
    assertEquals(
        inOptions.get(0).substring(inOptions.get(0).indexOf(": unknown")),
        inBlock.get(0).substring(inBlock.get(0).indexOf(": unknown")));
    // line 11 "      kvm: { blkif-ring: ...": the key in column 14
    assertEquals(
        "s.yaml:11:14: hosts[0].platform-options.kvm.blkif-ring: unknown option of kvm 'blkif-ring'",
        inBlock.get(0).substring(0, inBlock.get(0).indexOf(" (expected")));
    // a value out of its choices (line 10, six spaces, "xen: { blkif-ring: ": column 26), and a
    // scheduler the platform's kernel lacks
    List<String> bad =
        problems(
            OPENVZ
                .replace("blkif-ring: xen-3.0", "blkif-ring: xen-2.0")
                .replace("io-scheduler: bfq", "io-scheduler: cfq"));
    assertEquals(2, bad.size(), bad.toString());
    assertEquals(
        "s.yaml:10:26: hosts[0].platform-options.xen.blkif-ring: 'xen-2.0' is not a blkif-ring"
            + " (did you mean 'xen-3.0'?) (expected one of: none, xen-3.0; ",
        bad.get(0).substring(0, bad.get(0).indexOf("; ") + 2));
    assertEquals(
        "s.yaml:11:28: hosts[0].platform-options.kvm.io-scheduler: the kvm host's kernel has no"
            + " 'cfq' scheduler (expected one of: mq-deadline, none, bfq (default mq-deadline))",
        bad.get(1));
    // a block that is not a mapping
    List<String> scalar = problems(OPENVZ.replace("kvm: { io-scheduler: bfq }", "kvm: bfq"));
    assertEquals(1, scalar.size(), scalar.toString());
    assertEquals(
        "s.yaml:11:12: hosts[0].platform-options.kvm: expected a mapping of kvm's options, found"
            + " text 'bfq' (expected options of kvm as options takes them, e.g. { io-scheduler:"
            + " mq-deadline }, or {} for its defaults)",
        scalar.get(0));
  }

  /**
   * With the host's platform misspelt or missing, its blocks are still checked, so one run reports
   * every problem (review27 N5): before, they were checked only once the platform was fixed.
   */
  @Test
  void theBlocks_areCheckedAlsoWhenThePlatformIsInvalidOrMissing() {
    String blocks =
        OPENVZ
            .replace("dom0-vcpus: 1", "dom0-vcpu: 1")
            .replace("kvm: { io-scheduler: bfq }", "kvm: bfq\n      xem: {}");
    // line 10 "      xen: { blkif-ring: xen-3.0, dom0-vcpu: 1 }": 6 + 7 + 21 characters before the
    // key (column 35); line 11 "      kvm: bfq": the value in column 12; line 12 "      xem: {}":
    // the key in column 7
    List<String> expectedBlocks =
        List.of(
            "s.yaml:10:35: hosts[0].platform-options.xen.dom0-vcpu: unknown option of xen"
                + " 'dom0-vcpu' (did you mean 'dom0-vcpus'?)",
            "s.yaml:11:12: hosts[0].platform-options.kvm: expected a mapping of kvm's options,"
                + " found text 'bfq'",
            "s.yaml:12:7: hosts[0].platform-options.xem: unknown platform 'xem' in"
                + " platform-options (did you mean 'xen'?)");
    // line 5 "    platform: openvzz": the value in column 15
    List<String> invalid = problems(blocks.replace("platform: openvz", "platform: openvzz"));
    assertEquals(4, invalid.size(), invalid.toString());
    assertEquals(
        "s.yaml:5:15: hosts[0].platform: unknown value 'openvzz' (did you mean 'openvz'?)",
        withoutExpected(invalid.subList(0, 1)).get(0));
    assertEquals(expectedBlocks, withoutExpected(invalid.subList(1, 4)));
    // without a platform: the missing key is reported at the host (line 4, "  - name": column 5)
    List<String> missing = problems(blocks.replace("    platform: openvz\n", ""));
    assertEquals(4, missing.size(), missing.toString());
    assertEquals(
        "s.yaml:4:5: hosts[0].platform: missing required key 'platform'",
        withoutExpected(missing.subList(0, 1)).get(0));
    // line numbers move up by one
    assertEquals(
        expectedBlocks.stream()
            .map(p -> p.replaceFirst(":10:35:", ":9:35:").replaceFirst(":11:12:", ":10:12:"))
            .map(p -> p.replaceFirst(":12:7:", ":11:7:"))
            .toList(),
        withoutExpected(missing.subList(1, 4)));
  }

  /** Each problem without its "(expected ...)" part, which other tests check. */
  private static List<String> withoutExpected(List<String> problems) {
    return problems.stream()
        .map(p -> p.contains(" (expected ") ? p.substring(0, p.lastIndexOf(" (expected ")) : p)
        .toList();
  }

  @Test
  void aWrittenScenario_loadsBackEqual_withItsBlocks() throws Exception {
    Scenario scenario = ScenarioLoaderTest.parse(OPENVZ);
    String text = ScenarioWriter.write(scenario);
    assertEquals(scenario, ScenarioLoader.parse(text, "w.yaml", null, List.of()));
    // and a host switched to Xen writes OpenVZ's options as a block, loading back equal
    Scenario onXen =
        scenario.withHosts(
            List.of(Platforms.onPlatform(scenario.hosts().get(0), PlatformKind.XEN)));
    String xenText = ScenarioWriter.write(onXen);
    assertEquals(onXen, ScenarioLoader.parse(xenText, "w.yaml", null, List.of()));
  }
}
