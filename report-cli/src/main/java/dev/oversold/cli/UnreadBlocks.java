package dev.oversold.cli;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Warnings for {@code --set hosts[i].platform-options.P...} in {@code run} and {@code sweep} when
 * the host never runs P: a block is read only on its platform (in compare, plan, or after {@code
 * --set hosts[i].platform=P}), so such a setting changes nothing, and a sweep over it repeats one
 * run.
 */
final class UnreadBlocks {
  private static final Pattern BLOCK_KEY =
      Pattern.compile("hosts\\[([^\\[\\]]+)\\]\\.platform-options\\.([^.\\[\\]]+)(\\..*)?");

  private UnreadBlocks() {}

  /**
   * One line per override key under a host's {@code platform-options.P} whose host runs another
   * platform in every one of {@code scenarios} (the points built with those overrides).
   */
  static List<String> warnings(List<ScenarioLoader.Override> overrides, List<Scenario> scenarios) {
    Set<String> keys = new LinkedHashSet<>();
    overrides.forEach(o -> keys.add(o.key()));
    List<String> warnings = new ArrayList<>();
    for (String key : keys) {
      Matcher matcher = BLOCK_KEY.matcher(key);
      if (!matcher.matches()) {
        continue;
      }
      String platform = matcher.group(2).strip().toLowerCase(Locale.ROOT);
      String runs = null;
      boolean read = false;
      for (Scenario scenario : scenarios) {
        HostSpec host = host(scenario, matcher.group(1).strip());
        if (host == null) {
          read = true; // not a host we can name: say nothing rather than something wrong
          break;
        }
        if (host.platform().id().equals(platform)) {
          read = true;
          break;
        }
        runs = host.name() + " runs " + host.platform().id();
      }
      if (!read && runs != null) {
        warnings.add(
            "oversold: warning: --set "
                + key
                + ": "
                + runs
                + ", so its platform-options."
                + platform
                + " is not read (compare and plan read it, and so does run or sweep with --set"
                + " hosts[i].platform="
                + platform
                + ")");
      }
    }
    return warnings;
  }

  private static @Nullable HostSpec host(Scenario scenario, String ref) {
    List<HostSpec> hosts = scenario.hosts();
    if (!ref.isEmpty() && ref.length() <= 6 && ref.chars().allMatch(Character::isDigit)) {
      int index = Integer.parseInt(ref);
      return index < hosts.size() ? hosts.get(index) : null;
    }
    return hosts.stream().filter(h -> h.name().equals(ref)).findFirst().orElse(null);
  }
}
