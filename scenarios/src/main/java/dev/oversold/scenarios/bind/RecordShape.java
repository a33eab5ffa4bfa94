package dev.oversold.scenarios.bind;

import dev.oversold.scenarios.dto.Required;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * What the binder needs to know about one DTO record, looked up by reflection once per class: every
 * {@link Class#getRecordComponents} call returns fresh components whose annotations are parsed
 * again, which made binding a 1,000-tenant file spend most of its time re-reading annotations.
 */
record RecordShape(
    RecordComponent[] components,
    List<String> keys,
    boolean[] required,
    Constructor<?> constructor) {
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return of(type);
        }
      };

  /** The shape of a record class, computed on first use. */
  static RecordShape forClass(Class<?> type) {
    return SHAPES.get(type);
  }

  private static RecordShape of(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    boolean[] required = new boolean[components.length];
    String[] keys = new String[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      required[i] = components[i].isAnnotationPresent(Required.class);
      keys[i] = Shapes.key(components[i]);
    }
    try {
      return new RecordShape(
          components, List.of(keys), required, type.getDeclaredConstructor(types));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("DTO " + type.getName() + " has no canonical constructor", e);
    }
  }
}
