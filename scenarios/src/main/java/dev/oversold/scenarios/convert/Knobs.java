package dev.oversold.scenarios.convert;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.scenarios.bind.Suggest;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import dev.oversold.scenarios.units.ByteRate;
import dev.oversold.scenarios.units.ByteSize;
import dev.oversold.scenarios.units.Format;
import dev.oversold.scenarios.units.OperationsRate;
import dev.oversold.scenarios.units.Percent;
import dev.oversold.scenarios.units.TimeSpan;
import dev.oversold.scenarios.units.UnitException;
import dev.oversold.scenarios.units.Units;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses platform knobs (a host's {@code options:}, a plan's {@code native:}) against the knobs a
 * platform declares: the key must be declared, the value written in the unit family of its {@link
 * KnobKind} and within its bounds. Values come out in the canonical unit. Nothing here names a
 * knob, so knobs that platforms add later work unchanged.
 */
public final class Knobs {
  private Knobs() {}

  /**
   * The given knobs in canonical units; problems for unknown keys and bad values.
   *
   * @param what "option of xen" or "native knob of kvm", for messages
   */
  static Map<String, Double> parse(
      Map<String, Node> given, List<Knob> declared, String path, String what, Context context) {
    Map<String, Double> values = new TreeMap<>();
    if (given == null) {
      return values;
    }
    List<String> keys = declared.stream().map(Knob::key).toList();
    for (Map.Entry<String, Node> entry : given.entrySet()) {
      String keyPath = path + "." + entry.getKey();
      Knob knob =
          declared.stream().filter(k -> k.key().equals(entry.getKey())).findFirst().orElse(null);
      if (knob == null) {
        context.errorAtKey(
            keyPath,
            "unknown " + what + " '" + entry.getKey() + "'" + Suggest.hint(entry.getKey(), keys),
            keys.isEmpty() ? "no knobs: remove it" : "one of: " + Suggest.list(keys));
        continue;
      }
      Double value = value(entry.getValue(), knob, keyPath, context);
      if (value != null) {
        values.put(knob.key(), value);
      }
    }
    return values;
  }

  private static Double value(Node node, Knob knob, String path, Context context) {
    if (!(node instanceof ScalarNode scalar) || scalar.isNull()) {
      context.error(
          path, "expected " + expected(knob) + ", found " + node.shape(), knob.description());
      return null;
    }
    String text = scalar.text().strip();
    double value;
    try {
      value = parse(knob, text);
    } catch (UnitException e) {
      context.error(path, e.getMessage(), e.expected() + "; " + knob.description());
      return null;
    }
    if (!(value >= knob.min() && value <= knob.max())) {
      context.error(
          path,
          "'" + text + "' is out of range",
          "between " + format(knob.kind(), knob.min()) + " and " + format(knob.kind(), knob.max()));
      return null;
    }
    return value;
  }

  /** The canonical value of {@code text} for {@code knob}: a choice knob's index of the name. */
  static double parse(Knob knob, String text) throws UnitException {
    if (knob.kind() != KnobKind.CHOICE) {
      return parse(knob.kind(), text);
    }
    int index = knob.choices().indexOf(text);
    if (index < 0) {
      throw new UnitException(
          "'" + abbreviate(text) + "' is not a " + knob.key() + Suggest.hint(text, knob.choices()),
          expected(knob));
    }
    return index;
  }

  /** The text that parses back to {@code value} for {@code knob}. */
  public static String format(Knob knob, double value) {
    return knob.kind() == KnobKind.CHOICE ? knob.choiceName(value) : format(knob.kind(), value);
  }

  /** What {@code knob} accepts, for messages: a choice knob lists its names. */
  public static String expected(Knob knob) {
    return knob.kind() == KnobKind.CHOICE
        ? "one of: " + String.join(", ", knob.choices())
        : expected(knob.kind());
  }

  /** The canonical value of {@code text} for a knob of {@code kind}. */
  static double parse(KnobKind kind, String text) throws UnitException {
    return switch (kind) {
      case NUMBER -> number(text, false);
      case COUNT -> number(text, true);
      case PERCENT -> Percent.parse(text).value();
      case BYTES -> ByteSize.parse(text).bytes();
      case DURATION -> TimeSpan.parse(text).nanos();
      case BYTE_RATE -> ByteRate.parse(text).value();
      case RATE -> OperationsRate.parse(text);
      case BOOLEAN -> bool(text);
      // A unit family added to KnobKind later reads as a plain number until taught here.
      default -> number(text, false);
    };
  }

  /** The text that parses back to {@code value} for a knob of {@code kind}. */
  public static String format(KnobKind kind, double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "unbounded" : "-unbounded";
    }
    return switch (kind) {
      case NUMBER -> Format.plain(value);
      case COUNT -> Format.plain(value);
      case PERCENT -> Format.percent(value);
      case BYTES ->
          value == Math.rint(value) && Math.abs(value) < 9e18
              ? Format.bytes((long) value)
              : Format.plain(value) + "B";
      case DURATION ->
          value == Math.rint(value) && Math.abs(value) < 9e18
              ? Format.duration((long) value)
              : Format.plain(value) + "ns";
      case BYTE_RATE -> Format.byteRate(value);
      case RATE -> Format.rate(value);
      case BOOLEAN -> value != 0 ? "true" : "false";
      default -> Format.plain(value);
    };
  }

  static String expected(KnobKind kind) {
    return switch (kind) {
      case NUMBER -> "a number";
      case COUNT -> "a whole number";
      case PERCENT -> Units.PERCENT_UNITS;
      case BYTES -> Units.BYTE_UNITS;
      case DURATION -> Units.TIME_UNITS;
      case BYTE_RATE -> Units.BYTE_RATE_UNITS;
      case RATE -> Units.RATE_UNITS;
      case BOOLEAN -> "true or false";
      default -> "a number";
    };
  }

  private static double number(String text, boolean whole) throws UnitException {
    String expected = whole ? "a whole number" : "a plain number";
    if (!text.matches("[+]?(\\d{1,40}(\\.\\d{0,40})?|\\.\\d{1,40})([eE][+-]?\\d{1,3})?")) {
      throw new UnitException("'" + abbreviate(text) + "' is not " + expected, expected);
    }
    BigDecimal value = new BigDecimal(text);
    if (whole && value.stripTrailingZeros().scale() > 0) {
      throw new UnitException("'" + abbreviate(text) + "' is not a whole number", expected);
    }
    return value.doubleValue();
  }

  private static double bool(String text) throws UnitException {
    return switch (text) {
      case "true", "yes", "on" -> 1;
      case "false", "no", "off" -> 0;
      default ->
          throw new UnitException(
              "'" + abbreviate(text) + "' is not a yes/no value", "true or false");
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
