package dev.oversold.planner;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tenants of one definition that a plan counts: {@code web} stands for {@code web-1 .. web-n}
 * (what a range {@code web-{1..n}} expands to, zero padding kept). A scenario with {@code count} of
 * them keeps every other tenant as it is and names the copies as the range would, so a copy keeps
 * its random streams whatever the count (streams derive from the tenant's name).
 *
 * @param prefix the range's name before {@code -N} (the tenant's own name when it has no number)
 * @param digits zero-padded width of the numbers (1 when unpadded)
 * @param template the definition every copy gets: the first member in the file
 * @param members the members in the file, in file order
 */
public record TenantFamily(String prefix, int digits, TenantSpec template, List<String> members)
    implements Population {
  private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d+)");

  public TenantFamily {
    members = List.copyOf(members);
  }

  /**
   * The family named {@code name}, or the first service's family when {@code name} is empty.
   *
   * @throws IllegalArgumentException with a message for the user when there is no such family
   */
  public static TenantFamily find(Scenario scenario, Optional<String> name) {
    return find(scenario, name, "--tenant");
  }

  /**
   * As {@link #find(Scenario, Optional)}, naming {@code option} (the command-line option the name
   * came from, such as {@code --mix}) in the message when there is no such family.
   */
  public static TenantFamily find(Scenario scenario, Optional<String> name, String option) {
    String prefix = name.map(String::strip).orElseGet(() -> firstServicePrefix(scenario));
    List<TenantSpec> members = new ArrayList<>();
    for (TenantSpec tenant : scenario.tenants()) {
      Matcher m = NUMBERED.matcher(tenant.name());
      if (tenant.name().equals(prefix) || (m.matches() && m.group(1).equals(prefix))) {
        members.add(tenant);
      }
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException(
          option
              + " "
              + prefix
              + ": no tenant "
              + prefix
              + " or "
              + prefix
              + "-N in scenario "
              + scenario.name()
              + " (tenant definitions: "
              + String.join(", ", prefixes(scenario))
              + ")");
    }
    TenantSpec template = members.get(0);
    Matcher m = NUMBERED.matcher(template.name());
    int digits = m.matches() && m.group(1).equals(prefix) ? m.group(2).length() : 1;
    return new TenantFamily(
        prefix, digits, template, members.stream().map(TenantSpec::name).toList());
  }

  private static String firstServicePrefix(Scenario scenario) {
    return scenario.tenants().stream()
        .filter(t -> t.workload() instanceof WorkloadSpec.Service)
        .findFirst()
        .map(t -> prefixOf(t.name()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "scenario "
                        + scenario.name()
                        + " has no service tenant to plan for; name one with --tenant (tenant"
                        + " definitions: "
                        + String.join(", ", prefixes(scenario))
                        + ")"));
  }

  private static String prefixOf(String name) {
    Matcher m = NUMBERED.matcher(name);
    return m.matches() ? m.group(1) : name;
  }

  private static List<String> prefixes(Scenario scenario) {
    return scenario.tenants().stream().map(t -> prefixOf(t.name())).distinct().toList();
  }

  @Override
  public String name() {
    return prefix;
  }

  @Override
  public int fileCount() {
    return members.size();
  }

  /** Members whose definition differs from the template's (they are planned as the template). */
  @Override
  public List<String> differing(Scenario scenario) {
    return scenario.tenants().stream()
        .filter(t -> members.contains(t.name()))
        .filter(
            t ->
                !t.host().equals(template.host())
                    || !t.plan().equals(template.plan())
                    || !t.workload().equals(template.workload()))
        .map(TenantSpec::name)
        .toList();
  }

  /** The name of copy {@code i} (1-based). */
  public String copyName(int i) {
    return prefix + "-" + String.format(Locale.ROOT, "%0" + digits + "d", i);
  }

  /**
   * {@code scenario} with exactly {@code count} members (0 allowed), placed where the first member
   * was; every other tenant as in the file.
   */
  @Override
  public Scenario withCount(Scenario scenario, int count) {
    List<TenantSpec> tenants = new ArrayList<>();
    boolean placed = false;
    for (TenantSpec tenant : scenario.tenants()) {
      if (!members.contains(tenant.name())) {
        tenants.add(tenant);
      } else if (!placed) {
        placed = true;
        for (int i = 1; i <= count; i++) {
          tenants.add(
              new TenantSpec(copyName(i), template.host(), template.plan(), template.workload()));
        }
      }
    }
    return new Scenario(
        scenario.name(),
        scenario.description(),
        scenario.seed(),
        scenario.duration(),
        scenario.warmup(),
        scenario.sampleInterval(),
        scenario.hosts(),
        tenants,
        scenario.report());
  }
}
