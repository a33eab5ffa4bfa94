package dev.oversold.core.workload;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;

/**
 * fork-bomb: creates processes at {@code rate} per second, each holding {@code process-memory} (its
 * kernel and user memory), through the tenant's process table. A refused fork is counted and the
 * bomb keeps trying at the same rate, as a shell fork bomb does, so refusals measure how hard it
 * pushed against its limit. Progress counts successful forks. Stopping (or a kill) ends every
 * process it created.
 */
final class ForkBombWorkload implements Workload {
  /** The fork-bomb kind's declaration. */
  static final WorkloadKind<WorkloadSpec.ForkBomb> KIND =
      WorkloadKind.suspect("fork-bomb", WorkloadSpec.ForkBomb.class, "forks", ForkBombWorkload::new)
          .costing(
              CostModel.<WorkloadSpec.ForkBomb>paced(
                      // every attempt is work, created or refused, in at most one event a
                      // millisecond; past the tenant's RAM each fork can push its process memory
                      // out as one swap write on the block device
                      (bomb, host) ->
                          Math.max(bomb.forksPerSecond(), 1e9 / ForkBombWorkload.MIN_STEP_NANOS)
                              + bomb.forksPerSecond()
                                  * CostModel.swapWriteEvents(bomb.processMemoryBytes()))
                  .holding(
                      (bomb, tenant) ->
                          (double) tenant.plan().processLimit() * CostModel.BYTES_PER_PROCESS)
                  // its processes' memory after running that long, as for a memory bomb
                  .wanting(
                      (bomb, seconds) ->
                          bomb.forksPerSecond() * bomb.processMemoryBytes() * seconds));

  /**
   * Shortest time between batches of forks: at high rates the forks of one millisecond are made in
   * one event, so a bomb costs at most 1,000 events per simulated second.
   */
  static final long MIN_STEP_NANOS = SimTime.MILLISECOND;

  private final WorkloadSpec.ForkBomb spec;
  private final long stepNanos;
  private final double forksPerStep;
  private TenantContext context;
  private EventHandle next;
  private double owed;
  private int forked;
  private boolean stopped;

  ForkBombWorkload(WorkloadSpec.ForkBomb spec) {
    this.spec = spec;
    this.stepNanos = Math.max(MIN_STEP_NANOS, SimTime.roundNanosOrNever(1 / spec.forksPerSecond()));
    this.forksPerStep = spec.forksPerSecond() * SimTime.toSeconds(stepNanos);
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    KIND.announce(tenant.recorder());
    next = tenant.simulation().schedule(spec.start().nanos(), this::step);
  }

  private void step() {
    if (stopped) {
      return;
    }
    owed += forksPerStep;
    int attempts = (int) Math.floor(owed + 1e-9);
    owed -= attempts;
    for (int i = 0; i < attempts; i++) {
      boolean created = context.processes().fork(spec.processMemoryBytes());
      if (stopped) {
        // This fork got the tenant killed (OOM) and stop() already ended the others.
        if (created) {
          context.processes().exit(1, spec.processMemoryBytes());
        }
        return;
      }
      if (created) {
        forked++;
        context.recorder().progressed(1);
        context.recorder().operationsCompleted(1);
      } else {
        context.recorder().refused();
      }
    }
    next = context.simulation().scheduleAfter(stepNanos, this::step);
  }

  /** Processes the bomb holds now. */
  int processes() {
    return forked;
  }

  @Override
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (next != null) {
      next.cancel();
      next = null;
    }
    if (forked > 0) {
      context.processes().exit(forked, spec.processMemoryBytes());
      forked = 0;
    }
  }
}
