package dev.oversold.core.workload;

/**
 * What runs inside a tenant. {@link #start} is called once, at time zero, before the run; the
 * workload schedules its own events (its start time, arrivals...) through the context.
 */
public interface Workload {
  void start(TenantContext context);

  /** Called when the workload's stop time is reached or its tenant is killed; stop issuing work. */
  default void stop() {}

  /** Called once when the run ends, to account for work still in flight (unfinished jobs). */
  default void runEnded() {}
}
