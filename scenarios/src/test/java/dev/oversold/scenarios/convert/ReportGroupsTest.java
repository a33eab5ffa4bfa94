package dev.oversold.scenarios.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.ScenarioException;
import dev.oversold.scenarios.ScenarioLoader;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.TreeReader;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportGroups}' work is bounded by what it counts, not by a clock: a glob longer than a
 * tenant name is refused before it is matched against a single tenant, and a glob that is matched
 * costs one look per tenant at most. The tenants are counted as they are looked at.
 */
final class ReportGroupsTest {
  private static final int TENANTS = 1000;

  /** The tenants of a file with web-1 to web-1000, counting each look at one. */
  private static final class CountedTenants extends AbstractList<TenantSpec> {
    private final List<TenantSpec> tenants;
    int looks;

    CountedTenants(List<TenantSpec> tenants) {
      this.tenants = tenants;
    }

    @Override
    public TenantSpec get(int index) {
      looks++;
      return tenants.get(index);
    }

    @Override
    public int size() {
      return tenants.size();
    }
  }

  private static CountedTenants tenants() throws ScenarioException {
    Scenario scenario =
        ScenarioLoader.parse(
            """
            scenario: r
            duration: 10m
            hosts:
              - { name: h, platform: openvz, cpu: { cores: 8 }, memory: { ram: 8TiB } }
            plans:
              p: { memory: { ram: 256MiB } }
            tenants:
              - { name: 'web-{1..1000}', plan: p, workload: { kind: idle } }
            """,
            "s.yaml",
            null,
            List.of());
    return new CountedTenants(scenario.tenants());
  }

  /** Checks one group {@code g} whose glob is {@code glob}; returns the problems. */
  private static List<String> check(String glob, CountedTenants tenants) {
    String text = "report: { groups: { g: '" + glob + "' } }\n";
    Problems problems = new Problems("s.yaml");
    Node root = Objects.requireNonNull(TreeReader.read(text, "s.yaml", false, problems));
    Map<String, String> declared = new LinkedHashMap<>();
    declared.put("g", glob);
    ReportGroups.check(declared, tenants, new Context(problems, root, Path.of(".")));
    return problems.sorted().stream().map(Problem::toString).toList();
  }

  @Test
  void megabyteGlob_isRefusedBeforeAnyTenantIsLookedAt() throws ScenarioException {
    CountedTenants tenants = tenants();
    String glob = "*".repeat(10) + "a".repeat(1 << 20);
    List<String> problems = check(glob, tenants);
    assertEquals(
        List.of(
            "s.yaml:1:24: report.groups.g: the glob '**********"
                + "a".repeat(50)
                + "... (1048586 characters)' is longer than the 100 characters a tenant name can"
                + " have (expected a glob of at most 100 characters)"),
        problems);
    assertEquals(0, tenants.looks, "tenants looked at before the glob was refused");
  }

  @Test
  void globOfAHundredCharacters_looksAtEachTenantOnce() throws ScenarioException {
    // The longest glob accepted, matching nothing: every tenant is looked at, once (1,000 looks).
    CountedTenants none = tenants();
    List<String> problems = check("*" + "b".repeat(99), none);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(TENANTS, none.looks);
    // A glob that only the last tenant matches: the search stops there, after 1,000 looks too.
    CountedTenants last = tenants();
    assertEquals(List.of(), check("web-1000", last));
    assertEquals(TENANTS, last.looks);
    // The first tenant matches: one look.
    CountedTenants first = tenants();
    assertEquals(List.of(), check("web-1", first));
    assertEquals(1, first.looks);
  }
}
