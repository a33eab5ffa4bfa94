package dev.oversold.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Resolved knob values by key, in canonical units, sorted by key for deterministic iteration. */
public record KnobValues(Map<String, Double> values) {
  public static final KnobValues NONE = new KnobValues(Map.of());

  public KnobValues {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The value given, or {@code fallback} when absent. */
  public double get(String key, double fallback) {
    Double value = values.get(key);
    return value == null ? fallback : value;
  }

  /** The value given, or the knob's default. */
  public double get(Knob knob) {
    return get(knob.key(), knob.defaultValue());
  }
}
