package dev.oversold.core.model;

import java.util.Objects;

/**
 * A platform-specific setting: a host option ({@code options:}) or a native plan override ({@code
 * native:}). Platforms declare their knobs; the scenarios module validates and parses scenario
 * values against these declarations, so adding a knob is one line in the platform.
 *
 * @param key the name in scenario files, e.g. {@code cpuunits} or {@code dom0-memory}
 * @param kind the unit family; values reach the core in its canonical unit
 * @param defaultValue the value when the scenario does not give one; NaN means "not set", for
 *     native overrides that only apply when given
 * @param min smallest allowed value (canonical unit)
 * @param max largest allowed value (canonical unit)
 * @param description what it does, with its source (a row of the platform-mechanics reference or a
 *     named assumption)
 */
public record Knob(
    String key, KnobKind kind, double defaultValue, double min, double max, String description) {
  public Knob {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    if (!(min <= max)) {
      throw new IllegalArgumentException(key + ": min " + min + " > max " + max);
    }
  }

  public boolean hasDefault() {
    return !Double.isNaN(defaultValue);
  }
}
