package dev.oversold.core.model;

import java.util.List;
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
 * @param choices the names a {@link KnobKind#CHOICE} knob accepts, in order: its value is the index
 *     of the chosen name (min 0, max the last index); empty for every other kind
 */
public record Knob(
    String key,
    KnobKind kind,
    double defaultValue,
    double min,
    double max,
    String description,
    List<String> choices) {
  public Knob {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
    if (!(min <= max)) {
      throw new IllegalArgumentException(key + ": min " + min + " > max " + max);
    }
    if ((kind == KnobKind.CHOICE) != !choices.isEmpty()) {
      throw new IllegalArgumentException(key + ": choices are for choice knobs, and only them");
    }
    if (kind == KnobKind.CHOICE && (min != 0 || max != choices.size() - 1)) {
      throw new IllegalArgumentException(key + ": a choice knob ranges over its choices' indexes");
    }
  }

  /** A knob of any kind but {@link KnobKind#CHOICE}. */
  public Knob(
      String key, KnobKind kind, double defaultValue, double min, double max, String description) {
    this(key, kind, defaultValue, min, max, description, List.of());
  }

  /**
   * A knob that names one of {@code choices}; {@code defaultChoice} must be one of them.
   *
   * @param description what it chooses, with the source of the default
   */
  public static Knob choice(
      String key, List<String> choices, String defaultChoice, String description) {
    int index = choices.indexOf(defaultChoice);
    if (index < 0) {
      throw new IllegalArgumentException(key + ": default " + defaultChoice + " not in " + choices);
    }
    return new Knob(
        key, KnobKind.CHOICE, index, 0, choices.size() - 1, description, List.copyOf(choices));
  }

  /** The name a value of this choice knob stands for. */
  public String choiceName(double value) {
    return choices.get((int) value);
  }

  public boolean hasDefault() {
    return !Double.isNaN(defaultValue);
  }
}
