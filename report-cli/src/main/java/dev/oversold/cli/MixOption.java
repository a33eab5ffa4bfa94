package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.planner.TenantFamily;
import dev.oversold.planner.TenantMix;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code plan --mix}: {@code idle=70%,web=25%,noisy=5%} (percentages adding up to 100 %), {@code
 * idle=14,web=5,noisy=1} (weights), or {@code file} (every definition, weighted by its count in the
 * file). Definitions are named as {@code --tenant} names them.
 */
final class MixOption {
  private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d+)");

  private MixOption() {}

  /**
   * The mix {@code text} describes over {@code scenario}'s definitions.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static TenantMix parse(Scenario scenario, String text, boolean withTenant) {
    if (withTenant) {
      throw new IllegalArgumentException(
          "--mix and --tenant exclude each other (--tenant web is --mix web=100%)");
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    if (text.strip().equals("file")) {
      for (TenantSpec t : scenario.tenants()) {
        Matcher m = NUMBERED.matcher(t.name());
        shares.merge(m.matches() ? m.group(1) : t.name(), 1.0, Double::sum);
      }
    } else {
      shares = shares(text);
    }
    List<TenantFamily> families = new ArrayList<>();
    for (String name : shares.keySet()) {
      families.add(TenantFamily.find(scenario, Optional.of(name), "--mix"));
    }
    return new TenantMix(families, List.copyOf(shares.values()));
  }

  private static Map<String, Double> shares(String text) {
    Map<String, Double> shares = new LinkedHashMap<>();
    int percents = 0;
    double sum = 0;
    String[] items = text.split(",", -1);
    for (String item : items) {
      int eq = item.indexOf('=');
      String name = eq < 0 ? "" : item.substring(0, eq).strip();
      String value = eq < 0 ? "" : item.substring(eq + 1).strip();
      if (name.isEmpty() || value.isEmpty()) {
        throw new IllegalArgumentException(
            "--mix " + text + " must look like idle=70%,web=25%,noisy=5% (or weights, or file)");
      }
      boolean percent = value.endsWith("%");
      double share;
      try {
        share = Double.parseDouble(percent ? value.substring(0, value.length() - 1) : value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--mix " + name + "=" + value + ": not a number (a share like 25% or a weight like 5)");
      }
      if (!(share > 0) || Double.isInfinite(share)) {
        throw new IllegalArgumentException(
            "--mix " + name + "=" + value + ": a share must be above 0");
      }
      if (shares.put(name, share) != null) {
        throw new IllegalArgumentException("--mix names " + name + " twice");
      }
      percents += percent ? 1 : 0;
      sum += share;
    }
    if (percents != 0 && percents != items.length) {
      throw new IllegalArgumentException(
          "--mix " + text + ": give every share as a percentage or none (weights)");
    }
    if (percents > 0 && Math.abs(sum - 100) > 1e-6) {
      throw new IllegalArgumentException(
          "--mix "
              + text
              + ": the percentages add up to "
              + new BigDecimal(Double.toString(sum)).stripTrailingZeros().toPlainString()
              + "%, not 100%");
    }
    return shares;
  }
}
