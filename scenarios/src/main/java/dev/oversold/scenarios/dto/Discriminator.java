package dev.oversold.scenarios.dto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a union interface: the key whose value picks the mapping's subtype, e.g. {@code kind} for
 * workloads. Each mapping subtype names its value with {@link TypeName}. A sealed interface's
 * subtypes are those it permits, listed with {@code permits} where their order matters (it orders
 * the schema and the "one of" lists of error messages); an open one names a registry in {@link
 * #subtypes}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Discriminator {
  String value();

  /**
   * For an interface that is not sealed: a {@code Supplier<List<Class<?>>>} with a public
   * no-argument constructor that lists the subtypes in order (the workload kinds' registry). {@code
   * Void} for a sealed interface.
   */
  Class<?> subtypes() default Void.class;
}
