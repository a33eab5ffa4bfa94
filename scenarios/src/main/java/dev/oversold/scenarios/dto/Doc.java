package dev.oversold.scenarios.dto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a key or a type means, for the JSON Schema (and so for editors' hover help). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {
  String value();

  /** The default when the key is absent, as users would write it; empty when none. */
  String byDefault() default "";
}
