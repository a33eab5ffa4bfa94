package dev.oversold.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts one method from the build's forbidden-apis check (the parent pom names this annotation in
 * {@code suppressAnnotations}). Only process entry points use it: they own the process's streams
 * and exit status.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {
  /** Why the forbidden call is right here. */
  String reason();
}
