package dev.oversold.runner;

/** What one simulation of an experiment is for. */
public enum RunKind {
  /** Every tenant together: what the report judges. */
  SHARED,
  /** One tenant alone on its host, same platform and random streams. */
  BASELINE,
  /** Every tenant but one member (tenant or group): fills one column of the interference matrix. */
  WITHOUT
}
