package dev.oversold.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the report should compute besides the shared run.
 *
 * @param baseline whether to run each tenant alone for comparison
 * @param interference how to attribute interference between tenants
 * @param groups group name to a glob over tenant names, in the order given
 * @param windows named measurement windows, in the order given (names distinct)
 */
public record ReportSettings(
    Baseline baseline,
    Interference interference,
    Map<String, String> groups,
    List<MeasurementWindow> windows) {

  public static final ReportSettings DEFAULT =
      new ReportSettings(Baseline.ISOLATED, Interference.PAIRWISE, Map.of());

  public ReportSettings {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(interference, "interference");
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    windows = List.copyOf(windows);
    if (windows.stream().map(MeasurementWindow::name).distinct().count() != windows.size()) {
      throw new IllegalArgumentException("two measurement windows share a name");
    }
  }

  /** Settings without measurement windows. */
  public ReportSettings(Baseline baseline, Interference interference, Map<String, String> groups) {
    this(baseline, interference, groups, List.of());
  }

  /** {@code isolated}: each tenant alone on the same host; {@code none}: no baseline. */
  public enum Baseline {
    ISOLATED,
    NONE
  }

  /** {@code pairwise}: leave-one-out per tenant; {@code groups}: per group; {@code none}. */
  public enum Interference {
    PAIRWISE,
    GROUPS,
    NONE
  }
}
