package dev.oversold.sweep;

import dev.oversold.scenarios.ScenarioLoader;
import java.util.List;
import java.util.Objects;

/**
 * One point of a sweep grid.
 *
 * @param name its folder under {@code DIR/points/} and its name in progress lines
 * @param labels one value per axis, in axis order
 * @param overrides every scenario key the point sets, in axis order
 */
public record SweepPoint(
    String name, List<String> labels, List<ScenarioLoader.Override> overrides) {
  public SweepPoint {
    Objects.requireNonNull(name, "name");
    labels = List.copyOf(labels);
    overrides = List.copyOf(overrides);
  }
}
