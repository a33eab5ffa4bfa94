package dev.oversold.core.workload;

import dev.oversold.core.model.WorkloadSpec;

/** Holds its reservation and does nothing. */
final class IdleWorkload implements Workload {
  /** The idle kind's declaration. */
  static final WorkloadKind<WorkloadSpec.Idle> KIND =
      WorkloadKind.suspect("idle", WorkloadSpec.Idle.class, "none", spec -> new IdleWorkload());

  @Override
  public void start(TenantContext context) {
    KIND.announce(context.recorder());
  }
}
