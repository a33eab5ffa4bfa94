package dev.oversold.scenarios.bind;

import dev.oversold.scenarios.dto.PerSecond;
import dev.oversold.scenarios.dto.Required;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the binder needs to know about one DTO record: its keys, which are required and which are
 * operations rates ({@link PerSecond}), its components' generic types, and how to build one. The
 * records the binder can meet come from {@link DtoTable} (a constructor call, no reflection); any
 * other is looked up by reflection once per class: every {@link Class#getRecordComponents} call
 * returns fresh components whose annotations are parsed again.
 *
 * @param type the record class
 * @param index the record's case in {@link DtoTable#construct}, or -1 for a reflective one
 * @param constructor the canonical constructor of a reflective one, null for a table one
 */
record RecordShape(
    Class<?> type,
    int index,
    List<String> keys,
    boolean[] required,
    boolean[] perSecond,
    Type[] types,
    @Nullable Constructor<?> constructor) {
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return reflective(type);
        }
      };

  /** The shape of a record class: the table's, or else one computed by reflection on first use. */
  static RecordShape forClass(Class<?> type) {
    RecordShape listed = TableShapes.shape(type);
    return listed != null ? listed : SHAPES.get(type);
  }

  /** The shape computed by reflection, once per class (the table's reference, for tests). */
  static RecordShape byReflection(Class<?> type) {
    return SHAPES.get(type);
  }

  /** The shape of a record class by reflection on its components (the table's reference). */
  static RecordShape reflective(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] raw = new Class<?>[components.length];
    Type[] types = new Type[components.length];
    boolean[] required = new boolean[components.length];
    boolean[] perSecond = new boolean[components.length];
    String[] keys = new String[components.length];
    for (int i = 0; i < components.length; i++) {
      raw[i] = components[i].getType();
      types[i] = components[i].getGenericType();
      required[i] = components[i].isAnnotationPresent(Required.class);
      perSecond[i] = components[i].isAnnotationPresent(PerSecond.class);
      keys[i] = Shapes.key(components[i]);
    }
    try {
      return new RecordShape(
          type, -1, List.of(keys), required, perSecond, types, type.getDeclaredConstructor(raw));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("DTO " + type.getName() + " has no canonical constructor", e);
    }
  }

  /** The raw class of component {@code i}: {@code List} for {@code List<HostDto>}. */
  Class<?> rawType(int i) {
    return Shapes.raw(types[i]);
  }

  /** A new record of this shape from its components' values, in declaration order. */
  Object construct(@Nullable Object[] arguments) {
    Constructor<?> reflective = constructor;
    if (reflective == null) {
      try {
        return DtoTable.construct(index, arguments);
      } catch (RuntimeException e) {
        throw tableFailure(type, index, e);
      }
    }
    try {
      return reflective.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "DTO " + type.getSimpleName() + " rejected its values", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build DTO " + type.getName(), e);
    }
  }

  /**
   * What a table constructor call's exception means. A record's own check throws {@link
   * IllegalArgumentException} or {@link NullPointerException}: the DTO rejected its values, as
   * {@link Constructor#newInstance} reports it through {@link InvocationTargetException}. Anything
   * else (a {@link ClassCastException}, an index out of bounds) comes from the generated call
   * itself, which does not fit the record: the table is stale or wrong, not the input.
   */
  static IllegalStateException tableFailure(Class<?> type, int index, RuntimeException e) {
    if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
      return new IllegalStateException("DTO " + type.getSimpleName() + " rejected its values", e);
    }
    return new IllegalStateException(
        "cannot build DTO "
            + type.getName()
            + ": DtoTable's case "
            + index
            + " does not fit its values (regenerate the table, see DtoTableSource)",
        e);
  }
}
