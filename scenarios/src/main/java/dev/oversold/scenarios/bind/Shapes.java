package dev.oversold.scenarios.bind;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.scenarios.dto.Discriminator;
import dev.oversold.scenarios.dto.Key;
import dev.oversold.scenarios.dto.TypeName;
import dev.oversold.scenarios.dto.Wrapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reflection over the DTOs shared by the binder, the schema generator and the writer: key names,
 * enum ids, and the subtypes of sealed interfaces.
 */
public final class Shapes {
  private Shapes() {}

  /** The key of a record component in scenario files. */
  public static String key(RecordComponent component) {
    Key key = component.getAnnotation(Key.class);
    return key != null ? key.value() : kebab(component.getName());
  }

  /** {@code sampleInterval} to {@code sample-interval}. */
  public static String kebab(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The id of an enum constant in scenario files: {@code SEQUENTIAL_WRITE} is sequential-write. */
  public static String enumId(Enum<?> constant) {
    if (constant instanceof PlatformKind kind) {
      return kind.id();
    }
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static List<String> enumIds(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(c -> enumId((Enum<?>) c)).toList();
  }

  /** The discriminator key of a sealed interface, or null. */
  public static @Nullable String discriminator(Class<?> sealed) {
    Discriminator d = sealed.getAnnotation(Discriminator.class);
    return d == null ? null : d.value();
  }

  public static boolean isWrapper(Class<?> type) {
    return type.isAnnotationPresent(Wrapper.class);
  }

  /** Mapping subtypes (not wrappers), in declaration order. */
  public static List<Class<?>> mappingSubtypes(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (!isWrapper(sub)) {
        out.add(sub);
      }
    }
    return out;
  }

  /** Wrapper subtypes, in declaration order. */
  public static List<Class<?>> wrapperSubtypes(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (isWrapper(sub)) {
        out.add(sub);
      }
    }
    return out;
  }

  /** The discriminator value of a subtype. */
  public static @Nullable String typeName(Class<?> sub) {
    TypeName name = sub.getAnnotation(TypeName.class);
    return name == null ? null : name.value();
  }
}
