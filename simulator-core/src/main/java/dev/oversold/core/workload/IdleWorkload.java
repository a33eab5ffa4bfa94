package dev.oversold.core.workload;

/** Holds its reservation and does nothing. */
final class IdleWorkload implements Workload {
  @Override
  public void start(TenantContext context) {
    context.recorder().progressUnit("none");
  }
}
