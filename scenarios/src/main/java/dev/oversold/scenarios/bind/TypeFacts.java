package dev.oversold.scenarios.bind;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the binder asks of a DTO type on every value it binds, computed once per class: whether it
 * is a quantity, a plain record or a union, and a union's discriminator and subtypes. Asked afresh,
 * {@link Class#isSealed} and {@link Class#getPermittedSubclasses} resolve the permitted classes on
 * every call and {@link Quantity#of} streams the quantity list, which added up over a 1,000-tenant
 * file (docs/performance.md). Types are final, so the answers cannot change while a class is
 * loaded.
 */
record TypeFacts(
    Optional<Quantity<?>> quantity,
    boolean plainRecord,
    boolean union,
    @Nullable String discriminator,
    List<Class<?>> mappingSubtypes,
    List<String> mappingNames,
    List<Class<?>> wrapperSubtypes) {
  private static final ClassValue<TypeFacts> FACTS =
      new ClassValue<>() {
        @Override
        protected TypeFacts computeValue(Class<?> type) {
          return reflective(type);
        }
      };

  /**
   * The facts of {@code type}: {@link DtoTable}'s for the types the binder can meet from a scenario
   * file, else computed by reflection on first use.
   */
  static TypeFacts forClass(Class<?> type) {
    TypeFacts listed = TableShapes.facts(type);
    return listed != null ? listed : FACTS.get(type);
  }

  /** The facts computed by reflection, once per class (the table's reference, for tests). */
  static TypeFacts byReflection(Class<?> type) {
    return FACTS.get(type);
  }

  /** The facts of {@code type} by reflection (the table's reference). */
  static TypeFacts reflective(Class<?> type) {
    Optional<Quantity<?>> quantity = Quantity.of(type);
    boolean union = Shapes.isUnion(type);
    List<Class<?>> mapping = union ? List.copyOf(Shapes.mappingSubtypes(type)) : List.of();
    List<String> names = mapping.stream().map(Shapes::typeName).toList();
    return new TypeFacts(
        quantity,
        type.isRecord() && !Shapes.isWrapper(type) && quantity.isEmpty(),
        union,
        union ? Shapes.discriminator(type) : null,
        mapping,
        names,
        union ? List.copyOf(Shapes.wrapperSubtypes(type)) : List.of());
  }
}
