package dev.oversold.scenarios.convert;

import dev.oversold.core.model.NameGlob;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.scenarios.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code report.groups}: names without control characters (they become report rows and HTML
 * headings), at most {@link #MAX_GROUPS} groups and globs at most {@link NameGlob#MAX_LENGTH}
 * characters (so that matching every tenant against every group stays bounded), and each glob
 * matching some tenant.
 */
final class ReportGroups {
  /** Groups exist to keep reports small; more than this is a pairwise report in disguise. */
  static final int MAX_GROUPS = 100;

  private ReportGroups() {}

  /** Group names head report rows and HTML sections: no terminal or layout control characters. */
  private static boolean printable(String name) {
    return !name.isEmpty()
        && name.length() <= NameGlob.MAX_LENGTH
        && Printable.escape(name).equals(name);
  }

  /** The groups that passed, in the order given; problems go to {@code context}. */
  static Map<String, String> check(
      Map<String, String> declared, List<TenantSpec> tenants, Context context) {
    Map<String, String> groups = new LinkedHashMap<>();
    if (declared.size() > MAX_GROUPS) {
      context.error(
          "report.groups",
          declared.size() + " groups, more than the " + MAX_GROUPS + " a report may have",
          "at most " + MAX_GROUPS + " groups");
      return groups;
    }
    for (Map.Entry<String, String> group : declared.entrySet()) {
      String path = "report.groups." + group.getKey();
      if (!printable(group.getKey())) {
        context.errorAtKey(
            path,
            "group name '" + Printable.excerpt(group.getKey()) + "' is not valid",
            "a name of at most " + NameGlob.MAX_LENGTH + " characters without control characters");
        continue;
      }
      String text = group.getValue();
      if (text == null) {
        continue;
      }
      if (text.length() > NameGlob.MAX_LENGTH) {
        context.error(
            path,
            "the glob '"
                + Printable.excerpt(text)
                + "' is longer than the "
                + NameGlob.MAX_LENGTH
                + " characters a tenant name can have",
            "a glob of at most " + NameGlob.MAX_LENGTH + " characters");
        continue;
      }
      NameGlob glob = NameGlob.of(text);
      if (tenants != null && tenants.stream().noneMatch(t -> glob.matches(t.name()))) {
        context.error(
            path,
            "group '" + group.getKey() + "' (" + Printable.excerpt(text) + ") matches no tenant",
            "a glob over tenant names, e.g. \"web-*\"");
      }
      groups.put(group.getKey(), text);
    }
    return groups;
  }
}
