package dev.oversold.scenarios.bind;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.dto.Discriminator;
import dev.oversold.scenarios.dto.Key;
import dev.oversold.scenarios.dto.TypeName;
import dev.oversold.scenarios.dto.Wrapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reflection over the DTOs shared by the binder, the schema generator and the writer: key names,
 * enum ids, and the subtypes of unions (sealed interfaces, or open ones naming a registry).
 */
public final class Shapes {
  private Shapes() {}

  /** The key of a record component in scenario files. */
  public static String key(RecordComponent component) {
    Key key = component.getAnnotation(Key.class);
    return key != null ? key.value() : kebab(component.getName());
  }

  /** The raw class of a DTO component's type: {@code List} for {@code List<HostDto>}. */
  static Class<?> raw(Type type) {
    return type instanceof ParameterizedType generic
        ? (Class<?>) generic.getRawType()
        : (Class<?>) type;
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
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static List<String> enumIds(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(c -> enumId((Enum<?>) c)).toList();
  }

  /**
   * Whether a value of {@code type} is written as one of a fixed set of ids: an enum, or a platform
   * name (the ids of the registered platforms).
   */
  public static boolean isIdType(Class<?> type) {
    return type.isEnum() || type == PlatformKind.class;
  }

  /** The ids a value of {@code type} may take, in declaration (or registration) order. */
  public static List<String> ids(Class<?> type) {
    if (type == PlatformKind.class) {
      return Platforms.kinds().stream().map(PlatformKind::id).toList();
    }
    return enumIds(type);
  }

  /** The value of {@code type} at {@code index} of {@link #ids}. */
  public static Object valueAt(Class<?> type, int index) {
    if (type == PlatformKind.class) {
      return Platforms.kinds().get(index);
    }
    return type.getEnumConstants()[index];
  }

  /** The discriminator key of a sealed interface, or null. */
  public static @Nullable String discriminator(Class<?> sealed) {
    Discriminator d = sealed.getAnnotation(Discriminator.class);
    return d == null ? null : d.value();
  }

  public static boolean isWrapper(Class<?> type) {
    return type.isAnnotationPresent(Wrapper.class);
  }

  /**
   * Whether {@code type} is a union: a sealed interface, or an open one whose {@link Discriminator}
   * names a registry of its subtypes.
   */
  public static boolean isUnion(Class<?> type) {
    if (type.isSealed()) {
      return true;
    }
    Discriminator d = type.getAnnotation(Discriminator.class);
    return type.isInterface() && d != null && d.subtypes() != Void.class;
  }

  /** The subtypes of a union: those a sealed one permits, or those its registry lists. */
  private static List<Class<?>> subtypes(Class<?> union) {
    if (union.isSealed()) {
      return Arrays.asList(union.getPermittedSubclasses());
    }
    Class<?> registry = union.getAnnotation(Discriminator.class).subtypes();
    Object listed;
    try {
      listed = ((Supplier<?>) registry.getConstructor().newInstance()).get();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(registry + " does not list the subtypes of " + union, e);
    }
    List<Class<?>> out = new ArrayList<>();
    for (Object sub : (List<?>) listed) {
      Class<?> type = (Class<?>) sub;
      if (!union.isAssignableFrom(type)) {
        throw new IllegalStateException(type + " is listed as a subtype of " + union);
      }
      out.add(type);
    }
    return out;
  }

  /** Mapping subtypes (not wrappers), in declaration order. */
  public static List<Class<?>> mappingSubtypes(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : subtypes(sealed)) {
      if (!isWrapper(sub)) {
        out.add(sub);
      }
    }
    return out;
  }

  /** Wrapper subtypes, in declaration order. */
  public static List<Class<?>> wrapperSubtypes(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : subtypes(sealed)) {
      if (isWrapper(sub)) {
        out.add(sub);
      }
    }
    return out;
  }

  /**
   * The discriminator value of a subtype, as the binder reads it: from its generated table (no
   * annotation parsed) when the subtype is listed there, else from {@link #typeName}.
   */
  public static @Nullable String boundTypeName(Class<?> sub) {
    String listed = TableShapes.typeName(sub);
    return listed != null ? listed : typeName(sub);
  }

  /** The discriminator value of a subtype. */
  public static @Nullable String typeName(Class<?> sub) {
    TypeName name = sub.getAnnotation(TypeName.class);
    return name == null ? null : name.value();
  }
}
