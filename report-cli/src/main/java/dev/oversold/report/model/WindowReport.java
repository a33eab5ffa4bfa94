package dev.oversold.report.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's figures in one named measurement window ({@code report.windows}): the same shape as
 * its whole-run figures, {@code windows.<name>} in report.json.
 *
 * @param metrics shared-run figures over the window
 * @param baseline figures alone over the same window; null with {@code report.baseline: none}
 * @param degradation shared against alone over the window; null with {@code report.baseline: none}
 */
public record WindowReport(
    Metrics metrics, @Nullable Metrics baseline, TenantReport.@Nullable Degradation degradation) {
  public WindowReport {
    Objects.requireNonNull(metrics, "metrics");
    if ((baseline == null) != (degradation == null)) {
      throw new IllegalArgumentException("baseline and degradation go together");
    }
  }
}
