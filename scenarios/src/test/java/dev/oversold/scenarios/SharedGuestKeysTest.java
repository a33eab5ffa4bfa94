package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.TenantSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code shares-guest}: a tenant running in another tenant's guest, and its validation. */
final class SharedGuestKeysTest {
  private static final String TWO_HOSTS =
      """
      scenario: shared
      duration: 10m
      hosts:
        - name: node1
          platform: kvm
          cpu: { cores: 8 }
          memory: { ram: 32GiB }
        - name: node2
          platform: kvm
          cpu: { cores: 8 }
          memory: { ram: 32GiB }
      plans:
        small:
          memory: { ram: 1GiB }
      tenants:
        - name: hog
          host: node1
          plan: small
          workload: { kind: disk-hog, threads: 2 }
      """;

  private static String withSharer(String lines) {
    return TWO_HOSTS
        + "  - name: hog-web\n"
        + lines
        + "    workload:\n"
        + "      kind: service\n"
        + "      arrivals: { process: poisson, rate: 20/s }\n"
        + "      request: { cpu: 4ms }\n";
  }

  @Test
  void aSharer_takesItsGuestsHostAndPlan() throws ScenarioException {
    var tenants = ScenarioLoaderTest.parse(withSharer("    shares-guest: hog\n")).tenants();
    TenantSpec hog = tenants.get(0);
    TenantSpec web = tenants.get(1);
    assertEquals("hog", hog.guest());
    assertEquals(false, hog.sharesGuest());
    assertEquals("hog", web.guest());
    assertEquals(true, web.sharesGuest());
    assertEquals("node1", web.host());
    assertEquals(hog.plan(), web.plan());
  }

  @Test
  void aTemplate_sharesOneGuestPerName_andMayNameATemplatesMember() throws ScenarioException {
    String text =
        TWO_HOSTS
            + """
              - name: web-{1..3}
                host: node1
                plan: small
                workload: { kind: cpu-hog, threads: 1 }
              - name: side-{1..2}
                shares-guest: web-2
                workload: { kind: cpu-hog, threads: 1 }
            """;
    var tenants = ScenarioLoaderTest.parse(text).tenants();
    assertEquals(
        List.of("hog", "web-1", "web-2", "web-3", "web-2", "web-2"),
        tenants.stream().map(TenantSpec::guest).toList());
  }

  @Test
  void anUnknownGuest_isAProblemNamingTheTenantsWithPlans() {
    assertEquals(
        List.of(
            "s.yaml:21:19: tenants[1].shares-guest: unknown tenant 'hgo' (did you mean 'hog'?)"
                + " (expected the name of a tenant with a plan of its own, one of: hog)"),
        ScenarioLoaderTest.problems(withSharer("    shares-guest: hgo\n")));
  }

  @Test
  void aChain_namesTheOwnerToWriteInstead() {
    String text =
        withSharer("    shares-guest: hog\n")
            + """
              - name: third
                shares-guest: hog-web
                workload: { kind: cpu-hog, threads: 1 }
            """;
    assertEquals(
        List.of(
            "s.yaml:27:19: tenants[2].shares-guest: tenant 'hog-web' itself shares guest 'hog'"
                + " (expected shares-guest: hog (the guest's owner))"),
        ScenarioLoaderTest.problems(text));
  }

  @Test
  void aCycle_andSharingItself_areProblems() {
    String text =
        withSharer("    shares-guest: other\n")
            + """
              - name: other
                shares-guest: hog-web
                workload: { kind: cpu-hog, threads: 1 }
              - name: self
                shares-guest: self
                workload: { kind: cpu-hog, threads: 1 }
            """;
    assertEquals(
        List.of(
            "s.yaml:21:19: tenants[1].shares-guest: tenant 'other' itself shares guest 'hog-web'"
                + " (a cycle: no tenant in it has a plan) (expected the name of a tenant with a"
                + " plan of its own, one of: hog)",
            "s.yaml:27:19: tenants[2].shares-guest: tenant 'hog-web' itself shares guest 'other'"
                + " (a cycle: no tenant in it has a plan) (expected the name of a tenant with a"
                + " plan of its own, one of: hog)",
            "s.yaml:30:19: tenants[3].shares-guest: tenant 'self' cannot share its own guest"
                + " (expected the name of a tenant with a plan of its own, one of: hog)"),
        ScenarioLoaderTest.problems(text));
  }

  @Test
  void aPlanNextToSharesGuest_isAProblem() {
    assertEquals(
        List.of(
            "s.yaml:22:5: tenants[1].plan: a tenant that shares a guest runs on that guest's"
                + " plan (expected shares-guest: hog without plan)"),
        ScenarioLoaderTest.problems(withSharer("    shares-guest: hog\n    plan: small\n")));
  }

  @Test
  void anotherHost_isAProblem_theGuestsOwnHostIsAccepted() throws ScenarioException {
    assertEquals(
        List.of(
            "s.yaml:22:11: tenants[1].host: tenant 'hog' runs on host 'node1', not 'node2'"
                + " (expected host: node1 (a shared guest is on its owner's host), or no host)"),
        ScenarioLoaderTest.problems(withSharer("    shares-guest: hog\n    host: node2\n")));
    assertEquals(
        "node1",
        ScenarioLoaderTest.parse(withSharer("    shares-guest: hog\n    host: node1\n"))
            .tenants()
            .get(1)
            .host());
  }

  @Test
  void neitherPlanNorSharesGuest_isAMissingPlan() {
    assertEquals(
        List.of(
            "s.yaml:20:5: tenants[1].plan: missing required key 'plan' (expected a plan name, or"
                + " a plan written inline; or shares-guest: TENANT)"),
        ScenarioLoaderTest.problems(withSharer("    host: node1\n")));
  }

  @Test
  void anOwnerWhoseOwnDefinitionFails_givesItsSharerNoSecondError() {
    // only the owner's unknown plan: before, hog-web also got "unknown tenant 'hog'"
    List<String> problems =
        ScenarioLoaderTest.problems(
            withSharer("    shares-guest: hog\n")
                .replace(
                    "plan: small\n    workload: { kind: disk",
                    "plan: smal\n    workload: { kind: disk"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("tenants[0].plan"), problems.toString());
  }

  @Test
  void countingAGuestsOwnerAway_isAProblemNamingItsSharers() {
    String text = withSharer("    shares-guest: hog\n");
    // hog -> hog-{1..2} or removed would leave hog-web naming no tenant ("unknown tenant")
    assertEquals(
        List.of(
            "--set tenants[hog].count:1:1: tenants[0].count: renaming hog to hog-{1..2} leaves"
                + " tenants sharing its guest without it: hog-web (shares-guest: hog) (expected a"
                + " count that keeps the guest's owner, or count the tenants that share its guest"
                + " instead)"),
        ScenarioLoaderTest.problems(text, new ScenarioLoader.Override("tenants[hog].count", "2")));
    assertEquals(
        List.of(
            "--set tenants[hog].count:1:1: tenants[0].count: removing hog leaves tenants sharing"
                + " its guest without it: hog-web (shares-guest: hog) (expected a count that keeps"
                + " the guest's owner, or count the tenants that share its guest instead)"),
        ScenarioLoaderTest.problems(text, new ScenarioLoader.Override("tenants[hog].count", "0")));
  }

  @Test
  void countingTheSharers_putsEveryCopyInTheGuest_andKeepingTheOwnerIsAccepted()
      throws ScenarioException {
    String text = withSharer("    shares-guest: hog\n");
    var tenants =
        ScenarioLoaderTest.parse(
                text,
                new ScenarioLoader.Override("tenants[hog].count", "1"),
                new ScenarioLoader.Override("tenants[hog-web].count", "3"))
            .tenants();
    assertEquals(
        List.of("hog", "hog-web-1", "hog-web-2", "hog-web-3"),
        tenants.stream().map(TenantSpec::name).toList());
    assertEquals(
        List.of("hog", "hog", "hog", "hog"), tenants.stream().map(TenantSpec::guest).toList());
  }

  @Test
  void countingARangeOwner_isAProblemOnlyWhenTheSharedMemberGoes() throws ScenarioException {
    String text =
        TWO_HOSTS
            + """
              - name: web-{1..3}
                host: node1
                plan: small
                workload: { kind: cpu-hog, threads: 1 }
              - name: side
                shares-guest: web-2
                workload: { kind: cpu-hog, threads: 1 }
            """;
    // web-{1..5} keeps web-2
    assertEquals(
        "web-2",
        ScenarioLoaderTest.parse(text, new ScenarioLoader.Override("tenants[web].count", "5"))
            .tenants()
            .get(6)
            .guest());
    // web-{1..1} loses it
    assertEquals(
        1,
        ScenarioLoaderTest.problems(text, new ScenarioLoader.Override("tenants[web].count", "1"))
            .size());
  }

  @Test
  void aSharerWithoutItsOwner_isWrittenWithItsGuest_andReloadsInIt() throws ScenarioException {
    var scenario = ScenarioLoaderTest.parse(withSharer("    shares-guest: hog\n"));
    // hog-web's baseline: the scenario without hog; hog-web still runs in guest hog
    var alone = scenario.withTenants(t -> t.name().equals("hog-web"));
    String text = ScenarioWriter.write(alone);
    assertTrue(text.contains("guest: \"hog\"") || text.contains("guest: hog"), text);
    var reloaded = ScenarioLoader.parse(text, "written.yaml", null, List.of());
    assertEquals(alone, reloaded, text);
    assertEquals("hog", reloaded.tenants().get(0).guest());
  }

  @Test
  void aGuestKey_isRefusedNextToSharesGuest_orNamingAnotherTenant() {
    List<String> next =
        ScenarioLoaderTest.problems(withSharer("    shares-guest: hog\n    guest: g\n"));
    assertEquals(1, next.size(), next.toString());
    assertTrue(next.get(0).contains("tenants[1].guest"), next.toString());
    List<String> other =
        ScenarioLoaderTest.problems(
            withSharer("    host: node1\n    plan: small\n    guest: hog\n"));
    assertEquals(1, other.size(), other.toString());
    assertTrue(
        other.get(0).contains("tenants[1].guest: 'hog' is a tenant, whose guest is its own"),
        other.toString());
  }
}
