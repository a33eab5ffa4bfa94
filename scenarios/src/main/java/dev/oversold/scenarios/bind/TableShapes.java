package dev.oversold.scenarios.bind;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The DTO types' facts and record shapes as {@link DtoTable} writes them out, so that binding needs
 * no reflection: reading the records' components and annotations (each annotation type a dynamic
 * proxy class, none of them in the AppCDS archive) and a generated accessor class per constructor
 * called reflectively were about a tenth of {@code validate}'s start-up (docs/performance.md,
 * bind2). A type the table does not list is looked up by reflection, as before.
 */
final class TableShapes {
  private TableShapes() {}

  /** Filled once, when the binder first needs a type. */
  private static final class Holder {
    static final Map<Class<?>, TypeFacts> FACTS = new HashMap<>();
    static final Map<Class<?>, RecordShape> SHAPES = new HashMap<>();
    static final Map<Class<?>, String> TYPE_NAMES = new HashMap<>();

    static {
      DtoTable.fill(FACTS, SHAPES);
      for (TypeFacts union : FACTS.values()) {
        for (int i = 0; i < union.mappingSubtypes().size(); i++) {
          String name = union.mappingNames().get(i);
          if (name != null) {
            TYPE_NAMES.put(union.mappingSubtypes().get(i), name);
          }
        }
      }
    }
  }

  static @Nullable String typeName(Class<?> type) {
    return Holder.TYPE_NAMES.get(type);
  }

  static @Nullable TypeFacts facts(Class<?> type) {
    return Holder.FACTS.get(type);
  }

  static @Nullable RecordShape shape(Class<?> type) {
    return Holder.SHAPES.get(type);
  }

  /** Every type the table lists, for tests. */
  static Map<Class<?>, TypeFacts> allFacts() {
    return Map.copyOf(Holder.FACTS);
  }

  /** Every record shape the table lists, for tests. */
  static Map<Class<?>, RecordShape> allShapes() {
    return Map.copyOf(Holder.SHAPES);
  }

  /**
   * A record: {@code required} and {@code perSecond} hold one character per component, {@code R} or
   * {@code P} where the component is {@code @Required} or {@code @PerSecond}.
   */
  static void record(
      Map<Class<?>, TypeFacts> facts,
      Map<Class<?>, RecordShape> shapes,
      int index,
      Class<?> type,
      boolean wrapper,
      String[] keys,
      String required,
      String perSecond,
      Type... types) {
    boolean[] isRequired = new boolean[keys.length];
    boolean[] isPerSecond = new boolean[keys.length];
    for (int i = 0; i < keys.length; i++) {
      isRequired[i] = required.charAt(i) == 'R';
      isPerSecond[i] = perSecond.charAt(i) == 'P';
    }
    shapes.put(
        type, new RecordShape(type, index, List.of(keys), isRequired, isPerSecond, types, null));
    facts.put(
        type,
        new TypeFacts(Optional.empty(), !wrapper, false, null, List.of(), List.of(), List.of()));
  }

  /** A union with its discriminator (null: none), mapping subtypes with their names, wrappers. */
  static void union(
      Map<Class<?>, TypeFacts> facts,
      Class<?> type,
      @Nullable String discriminator,
      Class<?>[] mapping,
      @Nullable String[] names,
      Class<?>[] wrappers) {
    facts.put(
        type,
        new TypeFacts(
            Optional.empty(),
            false,
            true,
            discriminator,
            List.of(mapping),
            Arrays.asList(names),
            List.of(wrappers)));
  }

  /** A scalar type: a quantity, text, a number, a flag or an id. */
  static void leaf(Map<Class<?>, TypeFacts> facts, Class<?> type) {
    facts.put(
        type,
        new TypeFacts(Quantity.of(type), false, false, null, List.of(), List.of(), List.of()));
  }

  static Type list(Class<?> item) {
    return new Generic(List.class, new Type[] {item});
  }

  static Type map(Class<?> value) {
    return new Generic(Map.class, new Type[] {String.class, value});
  }

  /** {@code List<X>} or {@code Map<String, X>}, as the binder reads a component's generic type. */
  private record Generic(Class<?> raw, Type[] arguments) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public @Nullable Type getOwnerType() {
      return null;
    }

    @Override
    public String toString() {
      return raw.getName() + Arrays.toString(arguments);
    }
  }
}
