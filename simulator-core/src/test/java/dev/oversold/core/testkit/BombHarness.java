package dev.oversold.core.testkit;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.workload.TenantContext;
import dev.oversold.core.workload.Workload;

/**
 * Stands in for the memory-bomb workload until it is merged: from its start, allocates a chunk
 * every 10 ms (through the asynchronous allocate, so the platform's slowdown throttles it) until an
 * allocation is refused or the tenant is killed. Progress counts bytes allocated.
 */
public final class BombHarness implements Workload {
  static final long PERIOD = 10 * SimTime.MILLISECOND;

  private final long chunkBytes;
  private final long startNanos;
  private TenantContext context;
  private boolean running;

  public BombHarness(double bytesPerSecond, long startNanos) {
    this.chunkBytes = (long) (bytesPerSecond * SimTime.toSeconds(PERIOD));
    this.startNanos = startNanos;
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    tenant.recorder().progressUnit("bytes");
    tenant.simulation().schedule(startNanos, this::begin);
  }

  private void begin() {
    running = true;
    next();
  }

  private void next() {
    if (!running) {
      return;
    }
    context
        .memory()
        .allocate(
            chunkBytes,
            accepted -> {
              if (!running) {
                return;
              }
              if (!accepted) {
                context.recorder().refused();
                running = false;
                return;
              }
              context.recorder().progressed(chunkBytes);
              context.simulation().scheduleAfter(PERIOD, this::next);
            });
  }

  @Override
  public void stop() {
    running = false;
  }
}
