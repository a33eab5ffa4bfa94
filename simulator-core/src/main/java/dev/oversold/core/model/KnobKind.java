package dev.oversold.core.model;

/**
 * The unit family of a platform knob. Scenario files give knobs with units; the scenarios module
 * parses them into the canonical unit named here, which is the unit of the double the core sees.
 */
public enum KnobKind {
  /** A plain number (weights, counts, shares). */
  NUMBER,
  /** An integer count. */
  COUNT,
  /** A fraction written as a percentage ({@code 50%} is 0.5). */
  PERCENT,
  /** Bytes, written with a byte unit. */
  BYTES,
  /** Nanoseconds, written with a time unit. */
  DURATION,
  /** A yes/no switch, 1 or 0. */
  BOOLEAN,
  /** Bytes per second, written as a byte rate ({@code 50MB/s}) or bit rate ({@code 100Mbit/s}). */
  BYTE_RATE,
  /** Events per second, written as {@code 20/s}. */
  RATE,
  /** One name out of the knob's {@link Knob#choices()}; the value is the name's index. */
  CHOICE
}
