package dev.oversold.scenarios.dto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a one-component record that is a subtype of a sealed interface: the short form, written as its
 * single value (a scalar or a list) instead of a mapping, e.g. {@code plan: small} or {@code
 * think-time: 1s}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Wrapper {}
