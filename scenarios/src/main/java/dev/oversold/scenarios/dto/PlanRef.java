package dev.oversold.scenarios.dto;

/** A tenant's plan: the name of a plan under {@code plans:}, or a plan written inline. */
@Doc("The name of a plan under `plans:`, or a plan written inline.")
public sealed interface PlanRef permits PlanRef.Named, PlanDto {
  /** {@code plan: small}. */
  @Wrapper
  @Doc("The name of a plan under `plans:`.")
  record Named(String name) implements PlanRef {}
}
