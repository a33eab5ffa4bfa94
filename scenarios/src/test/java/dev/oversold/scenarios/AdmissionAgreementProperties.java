package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.AdmissionException;
import dev.oversold.core.platform.Platforms;
import dev.oversold.core.runtime.Simulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The loader accepts a scenario file exactly when the simulator admits the same hosts and tenants.
 * Each case is built twice from the same generated numbers: as YAML text loaded through {@link
 * ScenarioLoader}, and as core specs built by hand here (host options over the platform's declared
 * defaults, plans with the format's documented defaults) and checked with {@link
 * Simulator#checkAdmission}. Cases span every registered platform, Xen guests with and without
 * balloon targets, ESXi memory reservations, CPU reservations and more vCPUs than cores, sized so
 * that both outcomes are common.
 */
final class AdmissionAgreementProperties {
  private static final long MIB = 1L << 20;

  /** One plan: its size and, where the platform reads them, its native memory knobs. */
  record Plan(
      int vcpus,
      long ramMib,
      int reservationPercent,
      Optional<Long> balloonMib,
      Optional<Long> memReservationMib,
      int tenants) {}

  /** One host and the plans placed on it (each plan's tenants from one range definition). */
  record Case(
      PlatformKind platform,
      int cores,
      long ramMib,
      Optional<Long> dom0Mib,
      Optional<Long> hypervisorMib,
      List<Plan> plans) {}

  @Property(tries = 300)
  void loaderAccepts_exactlyWhenTheCoreAdmits(@ForAll("cases") Case c) {
    boolean admitted = coreAdmits(c);
    List<String> problems = loaderProblems(c);
    Statistics.label("platform").collect(c.platform().id());
    Statistics.label("admitted").collect(admitted);
    assertEquals(admitted, problems.isEmpty(), () -> yaml(c) + "\nloader: " + problems);
  }

  @Example
  void xenGuestsWhoseBalloonTargetsFit_areAccepted() {
    // 8 GiB host, dom0 1 GiB by default: 7 GiB for guests. Four 2 GiB plans ask 8 GiB, but their
    // 1536 MiB balloon targets ask 4 x 1.5 = 6 GiB <= 7 GiB, so Xen builds them. (The loader's
    // former copy of the rule summed plan RAM and refused this file.)
    Plan plan = new Plan(1, 2048, 0, Optional.of(1536L), Optional.empty(), 4);
    Case c =
        new Case(
            Platforms.byId("xen").orElseThrow(),
            4,
            8192,
            Optional.empty(),
            Optional.empty(),
            List.of(plan));
    assertEquals(List.of(), loaderProblems(c));
    // Without targets, 8 GiB > 7 GiB: refused.
    Case without =
        new Case(
            c.platform(),
            4,
            8192,
            Optional.empty(),
            Optional.empty(),
            List.of(new Plan(1, 2048, 0, Optional.empty(), Optional.empty(), 4)));
    assertEquals(1, loaderProblems(without).size());
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(Platforms.kinds()).flatMap(this::casesOn);
  }

  private Arbitrary<Case> casesOn(PlatformKind platform) {
    Arbitrary<Integer> cores = Arbitraries.integers().between(1, 8);
    Arbitrary<Long> ram = Arbitraries.longs().between(2, 32).map(g -> g * 1024);
    boolean xen = platform.id().equals("xen");
    boolean vmware = platform.id().equals("vmware");
    Arbitrary<Optional<Long>> dom0 =
        xen
            ? Arbitraries.longs().between(256, 4096).optional(0.5)
            : Arbitraries.just(Optional.empty());
    Arbitrary<Optional<Long>> hypervisor =
        vmware
            ? Arbitraries.longs().between(0, 4096).optional(0.5)
            : Arbitraries.just(Optional.empty());
    return Combinators.combine(cores, ram, dom0, hypervisor)
        .flatAs(
            (n, r, d, h) ->
                plan(n, xen, vmware)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(3)
                    .map(plans -> new Case(platform, n, r, d, h, plans)));
  }

  private static Arbitrary<Plan> plan(int cores, boolean xen, boolean vmware) {
    Arbitrary<Integer> vcpus = Arbitraries.integers().between(1, cores + 1);
    Arbitrary<Long> ram = Arbitraries.longs().between(1, 64).map(q -> q * 256);
    Arbitrary<Integer> tenants = Arbitraries.integers().between(1, 6);
    return Combinators.combine(vcpus, ram, tenants)
        .flatAs(
            (v, r, t) -> {
              Arbitrary<Integer> reservation =
                  Arbitraries.integers().between(0, v * 100).injectDuplicates(0.1);
              Arbitrary<Optional<Long>> balloon =
                  xen
                      ? Arbitraries.longs().between(16, r).optional(0.5)
                      : Arbitraries.just(Optional.empty());
              Arbitrary<Optional<Long>> memReservation =
                  vmware
                      ? Arbitraries.longs().between(0, r).optional(0.6)
                      : Arbitraries.just(Optional.empty());
              return Combinators.combine(
                      Arbitraries.integers()
                          .between(0, 3)
                          .flatMap(z -> z == 0 ? reservation : Arbitraries.just(0)),
                      balloon,
                      memReservation)
                  .as((res, b, m) -> new Plan(v, r, res, b, m, t));
            });
  }

  // ------------------------------------------------------------------ the file

  static String yaml(Case c) {
    StringBuilder text = new StringBuilder();
    text.append("scenario: admission\nduration: 1m\nhosts:\n");
    text.append("  - name: node1\n");
    text.append("    platform: ").append(c.platform().id()).append('\n');
    text.append("    cpu: { cores: ").append(c.cores()).append(" }\n");
    text.append("    memory: { ram: ").append(c.ramMib()).append("MiB }\n");
    List<String> options = new ArrayList<>();
    c.dom0Mib().ifPresent(d -> options.add("dom0-memory: " + d + "MiB"));
    c.hypervisorMib().ifPresent(h -> options.add("hypervisor-memory: " + h + "MiB"));
    if (!options.isEmpty()) {
      text.append("    options: { ").append(String.join(", ", options)).append(" }\n");
    }
    text.append("plans:\n");
    for (int p = 0; p < c.plans().size(); p++) {
      Plan plan = c.plans().get(p);
      text.append("  p").append(p).append(":\n");
      text.append("    vcpus: ").append(plan.vcpus()).append('\n');
      text.append("    cpu: { reservation: ").append(plan.reservationPercent()).append("% }\n");
      text.append("    memory: { ram: ").append(plan.ramMib()).append("MiB }\n");
      List<String> knobs = new ArrayList<>();
      plan.balloonMib().ifPresent(b -> knobs.add("memory: " + b + "MiB"));
      plan.memReservationMib().ifPresent(m -> knobs.add("mem-reservation: " + m + "MiB"));
      if (!knobs.isEmpty()) {
        text.append("    native: { ").append(String.join(", ", knobs)).append(" }\n");
      }
    }
    text.append("tenants:\n");
    for (int p = 0; p < c.plans().size(); p++) {
      text.append(
          String.format(
              Locale.ROOT,
              "  - name: t%d-{1..%d}\n    host: node1\n    plan: p%d\n    workload: { kind: idle }\n",
              p,
              c.plans().get(p).tenants(),
              p));
    }
    return text.toString();
  }

  private static List<String> loaderProblems(Case c) {
    try {
      ScenarioLoader.parse(yaml(c), "s.yaml", null, List.of());
      return List.of();
    } catch (ScenarioException e) {
      return e.problems().stream().map(Object::toString).toList();
    }
  }

  // ------------------------------------------------------------------ the core, built by hand

  private static boolean coreAdmits(Case c) {
    Map<String, Double> options = new HashMap<>(Platforms.defaultOptions(c.platform()).values());
    c.dom0Mib().ifPresent(d -> options.put("dom0-memory", (double) (d * MIB)));
    c.hypervisorMib().ifPresent(h -> options.put("hypervisor-memory", (double) (h * MIB)));
    HostSpec host =
        new HostSpec(
            "node1",
            c.platform(),
            new HostSpec.Cpu(c.cores(), 1.0),
            new HostSpec.Memory(c.ramMib() * MIB, 0),
            new HostSpec.Disk(20_000, 500e6, SimDuration.ofMicros(100)),
            new HostSpec.Network(125e6, SimDuration.ofMicros(50)),
            new KnobValues(options));
    List<TenantSpec> tenants = new ArrayList<>();
    for (int p = 0; p < c.plans().size(); p++) {
      Plan plan = c.plans().get(p);
      Map<String, Double> knobs = new HashMap<>();
      plan.balloonMib().ifPresent(b -> knobs.put("memory", (double) (b * MIB)));
      plan.memReservationMib().ifPresent(m -> knobs.put("mem-reservation", (double) (m * MIB)));
      PlanSpec spec =
          new PlanSpec(
              "p" + p,
              plan.vcpus(),
              new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, plan.reservationPercent() / 100.0),
              new PlanSpec.Memory(plan.ramMib() * MIB, 0),
              new PlanSpec.Disk(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0),
              new PlanSpec.Network(Double.POSITIVE_INFINITY),
              32_768,
              new KnobValues(knobs));
      for (int t = 1; t <= plan.tenants(); t++) {
        tenants.add(
            new TenantSpec(
                "t" + p + "-" + t,
                "node1",
                spec,
                new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS)));
      }
    }
    Scenario scenario =
        new Scenario(
            "admission",
            "",
            1,
            SimDuration.ofMinutes(1),
            SimDuration.ZERO,
            SimDuration.ofSeconds(1),
            List.of(host),
            tenants,
            ReportSettings.DEFAULT);
    try {
      Simulator.checkAdmission(scenario);
      return true;
    } catch (AdmissionException refused) {
      return false;
    }
  }
}
