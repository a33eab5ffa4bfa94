package dev.oversold.runner;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who the rows of a report are. {@code report.groups} maps a group name to a glob over tenant
 * names; a tenant belongs to the first group (in the order given) whose glob matches it, and a
 * tenant no glob matches stands alone under its own name. Groups keep large scenarios small: one
 * leave-one-out run per group instead of per tenant.
 */
public final class Membership {
  private Membership() {}

  /** Groups as declared (unmatched tenants alone), or one member per tenant when none are. */
  public static List<Member> rows(Scenario scenario) {
    Map<String, String> groups = scenario.report().groups();
    if (groups.isEmpty()) {
      return scenario.tenants().stream().map(t -> new Member(t.name(), List.of(t.name()))).toList();
    }
    Map<String, Glob> globs = new LinkedHashMap<>();
    groups.forEach((name, glob) -> globs.put(name, Glob.of(glob)));
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (TenantSpec tenant : scenario.tenants()) {
      String group =
          globs.entrySet().stream()
              .filter(e -> e.getValue().matches(tenant.name()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(tenant.name());
      members.computeIfAbsent(group, g -> new ArrayList<>()).add(tenant.name());
    }
    List<Member> result = new ArrayList<>();
    members.forEach((name, tenants) -> result.add(new Member(name, tenants)));
    return result;
  }

  /** The members of the interference matrix: none, every tenant, or the groups. */
  public static List<Member> interference(Scenario scenario) {
    ReportSettings.Interference mode = scenario.report().interference();
    return switch (mode) {
      case NONE -> List.of();
      case PAIRWISE ->
          scenario.tenants().stream().map(t -> new Member(t.name(), List.of(t.name()))).toList();
      case GROUPS -> rows(scenario);
    };
  }
}
