package dev.oversold.scenarios.bind;

import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import dev.oversold.scenarios.tree.Node.ScalarType;
import dev.oversold.scenarios.units.OperationsRate;
import dev.oversold.scenarios.units.UnitException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds a located {@link Node} tree to the DTO records, reporting every problem (unknown keys with
 * a did-you-mean, wrong shapes, bad units, missing required keys) with its location and key path,
 * instead of stopping at the first as a plain object mapper would. A value that does not bind is
 * left null, so that the rest of the file is still checked.
 */
public final class Binder {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d{1,40}(\\.\\d{0,40})?|\\.\\d{1,40})([eE][+-]?\\d{1,3})?");

  /** Keys starting with this are ignored: a place for YAML anchors ({@code x-web: &web}). */
  public static final String EXTENSION_PREFIX = "x-";

  private final Problems problems;
  private final boolean reflective;

  public Binder(Problems problems) {
    this(problems, false);
  }

  /**
   * A binder that looks every DTO type up by reflection instead of in {@link DtoTable}: the
   * reference the table is tested against (same values, same problems).
   */
  Binder(Problems problems, boolean reflective) {
    this.problems = problems;
    this.reflective = reflective;
  }

  private TypeFacts facts(Class<?> type) {
    return reflective ? TypeFacts.byReflection(type) : TypeFacts.forClass(type);
  }

  private RecordShape shape(Class<?> type) {
    return reflective ? RecordShape.byReflection(type) : RecordShape.forClass(type);
  }

  /** Binds {@code node} as {@code type}; null when it could not be bound at all. */
  public <T> @Nullable T bind(Node node, Class<T> type, String path) {
    return type.cast(bindValue(node, type, path));
  }

  private @Nullable Object bindValue(Node node, Type type, String path) {
    if (node instanceof ScalarNode scalar && scalar.isNull()) {
      return null;
    }
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      Type[] arguments = generic.getActualTypeArguments();
      if (raw == List.class) {
        return bindList(node, arguments[0], path);
      }
      if (raw == Map.class) {
        return bindMap(node, arguments[1], path);
      }
      throw new IllegalStateException("unsupported DTO type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == Node.class) {
      return node;
    }
    TypeFacts facts = facts(c);
    if (facts.plainRecord()) {
      return bindRecord(node, c, path, null);
    }
    if (facts.union()) {
      return bindSealed(node, c, path);
    }
    if (!(node instanceof ScalarNode scalar)) {
      problems.add(
          node.location(), path, "expected " + describe(c) + ", found " + node.shape(), "");
      return null;
    }
    return bindScalar(scalar, c, path);
  }

  private @Nullable List<@Nullable Object> bindList(Node node, Type itemType, String path) {
    if (!(node instanceof ListNode list)) {
      problems.add(node.location(), path, "expected a list, found " + node.shape(), "a list");
      return null;
    }
    List<@Nullable Object> items = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      items.add(bindValue(list.items().get(i), itemType, path + "[" + i + "]"));
    }
    return items;
  }

  private @Nullable Map<String, @Nullable Object> bindMap(Node node, Type valueType, String path) {
    if (!(node instanceof MapNode map)) {
      problems.add(node.location(), path, "expected a mapping, found " + node.shape(), "");
      return null;
    }
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    for (MapNode.Entry entry : map.entries().values()) {
      values.put(entry.key(), bindValue(entry.value(), valueType, join(path, entry.key())));
    }
    return values;
  }

  private @Nullable Object bindRecord(
      Node node, Class<?> type, String path, @Nullable String discriminator) {
    if (!(node instanceof MapNode map)) {
      problems.add(node.location(), path, "expected a mapping, found " + node.shape(), "");
      return null;
    }
    RecordShape shape = shape(type);
    List<String> keys = shape.keys();
    for (MapNode.Entry entry : map.entries().values()) {
      boolean extension = entry.key().startsWith(EXTENSION_PREFIX);
      if (!keys.contains(entry.key()) && !entry.key().equals(discriminator) && !extension) {
        problems.add(
            entry.keyLocation(),
            join(path, entry.key()),
            "unknown key '" + entry.key() + "'" + Suggest.hint(entry.key(), keys),
            "one of: " + Suggest.list(keys));
      }
    }
    @Nullable Object[] arguments = new Object[keys.size()];
    for (int i = 0; i < arguments.length; i++) {
      String key = keys.get(i);
      Node value = map.get(key);
      if (value == null || (value instanceof ScalarNode s && s.isNull())) {
        if (shape.required()[i]) {
          problems.add(
              value == null ? map.location() : value.location(),
              join(path, key),
              "missing required key '" + key + "'",
              describe(shape.rawType(i)));
        }
        continue;
      }
      if (shape.perSecond()[i] && value instanceof ScalarNode scalar) {
        arguments[i] = perSecond(scalar, join(path, key));
        continue;
      }
      arguments[i] = bindValue(value, shape.types()[i], join(path, key));
    }
    return shape.construct(arguments);
  }

  private @Nullable Object bindSealed(Node node, Class<?> type, String path) {
    TypeFacts facts = facts(type);
    if (!(node instanceof MapNode map)) {
      for (Class<?> wrapper : facts.wrapperSubtypes()) {
        RecordShape shape = shape(wrapper);
        boolean wantsList = shape.rawType(0) == List.class;
        if (wantsList == (node instanceof ListNode)) {
          Object value = bindValue(node, shape.types()[0], path);
          return value == null ? null : shape.construct(new Object[] {value});
        }
      }
      problems.add(
          node.location(), path, "expected " + describe(type) + ", found " + node.shape(), "");
      return null;
    }
    String discriminator = facts.discriminator();
    List<Class<?>> subtypes = facts.mappingSubtypes();
    if (discriminator == null) {
      return bindRecord(node, subtypes.get(0), path, null);
    }
    List<String> names = facts.mappingNames();
    Node chosen = map.get(discriminator);
    if (!(chosen instanceof ScalarNode scalar) || scalar.isNull()) {
      problems.add(
          chosen == null ? map.location() : chosen.location(),
          join(path, discriminator),
          chosen == null ? "missing required key '" + discriminator + "'" : "expected a name",
          "one of: " + Suggest.list(names));
      return null;
    }
    int index = names.indexOf(scalar.text());
    if (index < 0) {
      problems.add(
          scalar.location(),
          join(path, discriminator),
          "unknown "
              + discriminator
              + " '"
              + scalar.text()
              + "'"
              + Suggest.hint(scalar.text(), names),
          "one of: " + Suggest.list(names));
      return null;
    }
    return bindRecord(node, subtypes.get(index), path, discriminator);
  }

  /** An operations rate: {@code 200} or {@code 200/s} ({@link PerSecond}). */
  private @Nullable Double perSecond(ScalarNode scalar, String path) {
    try {
      return OperationsRate.parse(scalar.text());
    } catch (UnitException e) {
      problems.add(scalar.location(), path, e.getMessage(), "operations per second, e.g. 200/s");
      return null;
    }
  }

  private @Nullable Object bindScalar(ScalarNode scalar, Class<?> type, String path) {
    String text = scalar.text();
    Optional<Quantity<?>> quantity = facts(type).quantity();
    if (quantity.isPresent()) {
      try {
        return quantity.get().parser().parse(text);
      } catch (UnitException e) {
        problems.add(scalar.location(), path, e.getMessage(), e.expected());
        return null;
      }
    }
    if (type == String.class) {
      return text;
    }
    if (type == Integer.class || type == Long.class) {
      return bindInteger(scalar, type == Integer.class, path);
    }
    if (type == Double.class) {
      String trimmed = text.strip();
      if (!DECIMAL.matcher(trimmed).matches()) {
        problems.add(
            scalar.location(),
            path,
            "expected a plain number, found " + scalar.shape(),
            "a number such as 1.5, without a unit");
        return null;
      }
      double value = new BigDecimal(trimmed).doubleValue();
      if (!Double.isFinite(value) || Math.abs(value) > 1e15) {
        problems.add(scalar.location(), path, "number out of range", "at most 1e15");
        return null;
      }
      return value;
    }
    if (type == Boolean.class) {
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
      problems.add(scalar.location(), path, "expected true or false, found " + scalar.shape(), "");
      return null;
    }
    if (Shapes.isIdType(type)) {
      List<String> ids = Shapes.ids(type);
      int index = ids.indexOf(text);
      if (index < 0) {
        problems.add(
            scalar.location(),
            path,
            "unknown value '" + text + "'" + Suggest.hint(text, ids),
            "one of: " + Suggest.list(ids));
        return null;
      }
      return Shapes.valueAt(type, index);
    }
    throw new IllegalStateException("unsupported DTO type " + type);
  }

  private @Nullable Object bindInteger(ScalarNode scalar, boolean isInt, String path) {
    String trimmed = scalar.text().strip();
    if (scalar.type() == ScalarType.BOOLEAN || !INTEGER.matcher(trimmed).matches()) {
      boolean tooLong = trimmed.matches("[+-]?\\d{20,}");
      problems.add(
          scalar.location(),
          path,
          tooLong ? "number out of range" : "expected a whole number, found " + scalar.shape(),
          isInt ? "a whole number up to 2147483647" : "a whole number");
      return null;
    }
    try {
      long value = Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
      if (isInt) {
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
          problems.add(
              scalar.location(), path, "number out of range", "a whole number up to 2147483647");
          return null;
        }
        return (int) value;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(scalar.location(), path, "number out of range", "a whole number");
      return null;
    }
  }

  /** What a value of {@code type} looks like, for messages. */
  private String describe(Class<?> type) {
    Optional<Quantity<?>> quantity = facts(type).quantity();
    if (quantity.isPresent()) {
      return quantity.get().expected();
    }
    if (type == String.class) {
      return "text";
    }
    if (type == Integer.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Double.class) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (Shapes.isIdType(type)) {
      return "one of: " + Suggest.list(Shapes.ids(type));
    }
    if (type == List.class) {
      return "a list";
    }
    TypeFacts facts = facts(type);
    if (facts.union()) {
      List<String> forms = new ArrayList<>();
      for (Class<?> wrapper : facts.wrapperSubtypes()) {
        forms.add(describe(shape(wrapper).rawType(0)));
      }
      forms.add("a mapping");
      return String.join(" or ", forms);
    }
    return "a mapping";
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
