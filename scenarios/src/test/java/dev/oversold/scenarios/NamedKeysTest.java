package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.scenarios.ScenarioLoader.Override;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Override keys that address list items by name ({@code hosts[node-1]}, {@code tenants[web]}) and
 * the synthetic {@code tenants[T].count}; expected names and counts are written out by hand from
 * the file below.
 */
final class NamedKeysTest {
  private static final String MIX =
      """
      scenario: mix
      duration: 1m
      hosts:
        - name: node-1
          platform: kvm
          cpu: { cores: 8 }
          memory: { ram: 32GiB }
        - name: node-2
          platform: kvm
          cpu: { cores: 8 }
          memory: { ram: 32GiB }
      plans:
        small:
          memory: { ram: 1GiB }
      tenants:
        - name: web-{1..3}
          host: node-1
          plan: small
          workload: { kind: service, arrivals: { process: poisson, rate: 20/s }, request: { cpu: 4ms } }
        - name: db-{01..02}
          host: node-1
          plan: small
          workload: { kind: service, arrivals: { process: poisson, rate: 5/s }, request: { cpu: 8ms } }
        - name: batch-1
          host: node-1
          plan: small
          workload: { kind: cpu-hog, threads: 1 }
        - name: bully
          host: node-1
          plan: small
          workload: { kind: cpu-hog, threads: 1 }
      """;

  private static Scenario load(Override... overrides) throws ScenarioException {
    return ScenarioLoader.parse(MIX, "s.yaml", null, List.of(overrides));
  }

  private static List<String> names(Scenario scenario) {
    return scenario.tenants().stream().map(TenantSpec::name).toList();
  }

  @Test
  void hostByName_setsThatHostOnly() throws ScenarioException {
    Scenario scenario = load(new Override("hosts[node-2].cpu.cores", "16"));
    assertEquals(8, scenario.hosts().get(0).cpu().cores());
    assertEquals(16, scenario.hosts().get(1).cpu().cores());
  }

  @Test
  void tenantByTemplateName_orAsWritten_setsThatDefinition() throws ScenarioException {
    Scenario byTemplate = load(new Override("tenants[db].host", "node-2"));
    Scenario asWritten = load(new Override("tenants[db-{01..02}].host", "node-2"));
    for (Scenario scenario : List.of(byTemplate, asWritten)) {
      assertEquals(
          List.of("node-1", "node-1", "node-1", "node-2", "node-2", "node-1", "node-1"),
          scenario.tenants().stream().map(TenantSpec::host).toList());
    }
  }

  @Test
  void count_rewritesTheRange_keepingTheFirstNumberAndPadding() throws ScenarioException {
    assertEquals(
        List.of("web-1", "web-2", "web-3", "web-4", "web-5", "db-01", "batch-1", "bully"),
        names(
            load(new Override("tenants[web].count", "5"), new Override("tenants[db].count", "1"))));
  }

  @Test
  void count_ofAPlainName_numbersIt_andOneKeepsIt() throws ScenarioException {
    assertEquals(
        List.of("web-1", "web-2", "web-3", "db-01", "db-02", "batch-1", "bully-1", "bully-2"),
        names(load(new Override("tenants[bully].count", "2"))));
    assertEquals(
        List.of("web-1", "web-2", "web-3", "db-01", "db-02", "batch-1", "bully"),
        names(load(new Override("tenants[bully].count", "1"))));
  }

  @Test
  void count_ofASingleNumberedName_extendsItsNumbering() throws ScenarioException {
    // batch-1 is copy 1 of definition batch, as the planner and the sweep's groups read it
    assertEquals(
        List.of(
            "web-1", "web-2", "web-3", "db-01", "db-02", "batch-1", "batch-2", "batch-3", "bully"),
        names(load(new Override("tenants[batch].count", "3"))));
  }

  @Test
  void countZero_removesTheDefinition() throws ScenarioException {
    assertEquals(
        List.of("db-01", "db-02", "batch-1", "bully"),
        names(load(new Override("tenants[web].count", "0"))));
  }

  @Test
  void unknownName_isAProblemListingTheNamesThatExist() {
    assertEquals(
        List.of(
            "--set tenants[api].count:1:1: tenants[api]: no item named api (expected one of: web"
                + " (web-{1..3}), db (db-{01..02}), batch-1, bully)"),
        ScenarioLoaderTest.problems(MIX, new Override("tenants[api].count", "4")));
    assertEquals(
        List.of(
            "--set hosts[node-3].cpu.cores:1:1: hosts[node-3]: no item named node-3 (expected one"
                + " of: node-1, node-2)"),
        ScenarioLoaderTest.problems(MIX, new Override("hosts[node-3].cpu.cores", "4")));
  }

  @Test
  void badCount_isAProblem() {
    assertEquals(
        List.of(
            "--set tenants[web].count:1:1: tenants[0].count: 'many' is not a whole number"
                + " (expected a count from 0 to 10000)"),
        ScenarioLoaderTest.problems(MIX, new Override("tenants[web].count", "many")));
    assertEquals(
        List.of(
            "--set tenants[web].count:1:1: tenants[0].count: -1 is out of range (expected a count"
                + " from 0 to 10000)"),
        ScenarioLoaderTest.problems(MIX, new Override("tenants[web].count", "-1")));
  }
}
