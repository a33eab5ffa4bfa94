package dev.oversold.scenarios.dto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number of operations per second: written plain ({@code 200}) or with the rate unit ({@code
 * 200/s}), the same as rate knobs such as OpenVZ {@code iopslimit}, so the two spellings work
 * everywhere an operations rate is asked for.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PerSecond {}
