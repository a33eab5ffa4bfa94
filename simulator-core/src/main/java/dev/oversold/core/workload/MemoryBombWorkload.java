package dev.oversold.core.workload;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;

/**
 * memory-bomb: allocates and touches anonymous memory at {@code rate} bytes per second, in steps of
 * whole 4 KiB pages about {@link #STEP_SECONDS} apart, until the platform refuses an allocation or
 * the tenant is killed. After the first refusal it holds what it got and allocates no more (one
 * refusal is counted): what it achieved is its progress in bytes. Stopping (or a kill) frees
 * everything it allocated.
 */
final class MemoryBombWorkload implements Workload {
  /** The memory-bomb kind's declaration. */
  static final WorkloadKind<WorkloadSpec.MemoryBomb> KIND =
      WorkloadKind.suspect(
              "memory-bomb", WorkloadSpec.MemoryBomb.class, "bytes", MemoryBombWorkload::new)
          .costing(
              CostModel.<WorkloadSpec.MemoryBomb>paced(
                      // a step every 10 ms; past the tenant's RAM each step can push its allocation
                      // out
                      // as one swap write on the block device
                      (bomb, host) ->
                          (1
                                  + CostModel.swapWriteEvents(
                                      bomb.bytesPerSecond() * MemoryBombWorkload.STEP_SECONDS))
                              / MemoryBombWorkload.STEP_SECONDS)
                  // what it has allocated after running that long (its limits cap it later): a
                  // bomb starting at 20 s of a 30 s run wants 10 s of its rate, not its whole RAM
                  .wanting((bomb, seconds) -> bomb.bytesPerSecond() * seconds));

  static final long PAGE_BYTES = 4096;

  /**
   * Time between allocation steps: fine enough that the bomb reaches a limit within 10 ms of when
   * the steady rate would, coarse enough to cost at most 100 events per simulated second.
   */
  static final double STEP_SECONDS = 0.01;

  private final WorkloadSpec.MemoryBomb spec;
  private final long stepBytes;
  private final long stepNanos;
  private TenantContext context;
  private EventHandle next;
  private long allocated;
  private boolean stopped;

  MemoryBombWorkload(WorkloadSpec.MemoryBomb spec) {
    this.spec = spec;
    long pages = Math.max(1, Math.round(spec.bytesPerSecond() * STEP_SECONDS / PAGE_BYTES));
    this.stepBytes = pages * PAGE_BYTES;
    this.stepNanos = Math.max(1, SimTime.roundNanosOrNever(stepBytes / spec.bytesPerSecond()));
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
    long stepStarted = context.simulation().now();
    next = null;
    // The asynchronous form lets the platform make the bomb wait (OpenVZ vSwap slowdown, faults
    // while the host reclaims); the next step is due a step after this one, or when it is done.
    context.memory().allocate(stepBytes, granted -> afterAllocation(granted, stepStarted));
  }

  private void afterAllocation(boolean granted, long stepStarted) {
    if (stopped) {
      // This allocation got the tenant killed (OOM) and stop() already freed the rest.
      if (granted) {
        context.memory().free(stepBytes);
      }
      return;
    }
    if (!granted) {
      context.recorder().refused();
      return;
    }
    allocated += stepBytes;
    context.recorder().progressed(stepBytes);
    context.recorder().operationsCompleted(1);
    long due = Math.max(context.simulation().now(), SimTime.plus(stepStarted, stepNanos));
    next = context.simulation().schedule(due, this::step);
  }

  /** Bytes the bomb holds now. */
  long allocatedBytes() {
    return allocated;
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
    if (allocated > 0) {
      context.memory().free(allocated);
      allocated = 0;
    }
  }
}
