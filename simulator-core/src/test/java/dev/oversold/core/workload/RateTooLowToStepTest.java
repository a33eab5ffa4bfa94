package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;
import org.junit.jupiter.api.Test;

/**
 * Shrunk from the hostile-input sweep through {@code oversold run}: files with a bomb or flood rate
 * of 1e-300 (fork-bomb {@code rate: 1e-300/s} or {@code 0.0000000001/s}, memory-bomb {@code rate:
 * 1e-300MiB/s}, net-flood {@code rate: 1e-300MB/s}) validated (rates only need to be > 0) and then
 * exited 1 with "internal error: duration out of range", because the step between two events (1 /
 * rate, one page / rate, one burst / rate) is past 2^63 ns and SimTime.roundNanos refuses it. Such
 * a step now saturates at NEVER: the first step runs at the start as for any rate, and the next
 * never comes. Expected values by hand for a 10 s run on a tenant without limits:
 */
final class RateTooLowToStepTest {
  private static final long S = SimTime.SECOND;

  @Test
  void forkBomb_atOneForkPerTenBillionSeconds_runsAndForksNothing() {
    // 1e-10 forks/s: the step is 1e10 s > 9.22e9 s (2^63 ns), so NEVER. The step at 0 owes
    // 1e-10 x 9.22e9 = 0.92 forks, less than one: no fork; no further step within 10 s.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0);
    new ForkBombWorkload(new WorkloadSpec.ForkBomb(1e-10, 2L << 20, WorkloadSpec.Window.ALWAYS))
        .start(tenant);
    tenant.simulation.runUntil(10 * S);
    assertEquals(0, tenant.processes);
    assertEquals(2, tenant.simulation.eventsRun() + tenant.simulation.pendingEvents());
  }

  @Test
  void memoryBomb_atOnePagePerEternity_allocatesOnePageOnce() {
    // 1.048576e-294 B/s (1e-300 MiB/s): a step is at least one 4 KiB page, which takes 3.9e297 s
    // at that rate, so NEVER. The step at 0 allocates that one page, and no other comes.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0);
    new MemoryBombWorkload(
            new WorkloadSpec.MemoryBomb(1e-300 * 1048576, WorkloadSpec.Window.ALWAYS))
        .start(tenant);
    tenant.simulation.runUntil(10 * S);
    assertEquals(4096, tenant.memoryBytes);
    assertEquals(1, tenant.simulation.pendingEvents()); // the next step, at NEVER
  }

  @Test
  void netFlood_atOneBurstPerEternity_sendsOneBurstOnce() {
    // 1e-294 B/s (1e-300 MB/s): a burst is at least one 1500 B packet, 1.5e297 s at that rate, so
    // NEVER. The tick at 0 sends that one packet; no other tick comes.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0);
    new NetFloodWorkload(
            new WorkloadSpec.NetFlood(
                WorkloadSpec.Direction.TRANSMIT, 1e-300 * 1e6, 1500, WorkloadSpec.Window.ALWAYS))
        .start(tenant);
    tenant.simulation.runUntil(10 * S);
    assertEquals(1500, tenant.networkBytes);
    assertEquals(1, tenant.simulation.pendingEvents()); // the next tick, at NEVER
  }
}
