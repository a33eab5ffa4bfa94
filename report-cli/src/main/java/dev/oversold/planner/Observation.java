package dev.oversold.planner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one replication at one tenant count showed.
 *
 * @param figures per limited metric, the worst victim's value ({@link Double#POSITIVE_INFINITY}
 *     when a victim completed nothing at all)
 * @param worst per metric, the victim that had that value
 * @param bindingResource the resource under the most pressure in this run (one of {@link
 *     Resources#NAMES})
 * @param refusal why the platform refused to place this count at all; empty when it ran
 */
public record Observation(
    Map<String, Double> figures,
    Map<String, String> worst,
    String bindingResource,
    String refusal) {
  public Observation {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    worst = Collections.unmodifiableMap(new LinkedHashMap<>(worst));
    Objects.requireNonNull(bindingResource, "bindingResource");
    Objects.requireNonNull(refusal, "refusal");
  }

  /** A count the platform cannot place (e.g. Xen does not overcommit memory). */
  public static Observation refused(String resource, String why) {
    return new Observation(Map.of(), Map.of(), resource, why);
  }

  public boolean isRefused() {
    return !refusal.isEmpty();
  }

  /** The figure of {@code metric}; a refused count is infinitely bad. */
  public double figure(String metric) {
    if (isRefused()) {
      return Double.POSITIVE_INFINITY;
    }
    Double value = figures.get(metric);
    if (value == null) {
      throw new IllegalArgumentException("no figure " + metric);
    }
    return value;
  }
}
