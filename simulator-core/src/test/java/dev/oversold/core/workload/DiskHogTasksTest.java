package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A disk hog's threads are tasks of their own to the kernel (2.6.32 counts dirtying per task in
 * {@code task_dirty_limit}: {@code task_dirty_inc(current)}, mm/page-writeback.c), so each thread
 * issues its I/O as one task, the same task for all its runs.
 */
final class DiskHogTasksTest {
  @Test
  void tenThreads_writeAsTenTasks_eachKeepingItsOwn() {
    // 10 threads of sequential 1 MiB writes on a fake disk of 1 ms per operation: one block per
    // run (RUN_BYTES 256 KiB < 1 MiB), so each thread completes a run every 1 ms. Thread 0 starts
    // at 0 and the others within the 1 ms stagger, so by 1 s - 1 ms every thread has issued at
    // least 999 runs. Expected: exactly 10 distinct tasks (one per thread, none per run: a task
    // per run would give about 10,000), each with at least 999 runs.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0, SimTime.MILLISECOND, 0, Long.MAX_VALUE, 10);
    var hog =
        new DiskHogWorkload(
            new WorkloadSpec.DiskHog(
                10,
                WorkloadSpec.DiskPattern.SEQUENTIAL_WRITE,
                1 << 20,
                WorkloadSpec.Window.ALWAYS));
    hog.start(tenant);
    tenant.simulation.runUntil(SimTime.SECOND);
    hog.stop();
    assertEquals(10, tenant.diskRunsByTask.size());
    List<Integer> runs = new ArrayList<>(tenant.diskRunsByTask.values());
    for (int r : runs) {
      assertEquals(true, r >= 999, "runs of one thread: " + runs);
    }
  }

  @Test
  void oneThread_isOneTask() {
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0, SimTime.MILLISECOND, 0, Long.MAX_VALUE, 10);
    var hog =
        new DiskHogWorkload(
            new WorkloadSpec.DiskHog(
                1, WorkloadSpec.DiskPattern.SEQUENTIAL_WRITE, 1 << 20, WorkloadSpec.Window.ALWAYS));
    hog.start(tenant);
    tenant.simulation.runUntil(SimTime.SECOND);
    hog.stop();
    // 1 thread, 1 ms a run: runs at 0, 1, ..., 1,000 ms (the one at 1 s is issued at that instant).
    assertEquals(1, tenant.diskRunsByTask.size());
    assertEquals(1001, tenant.diskRunsByTask.values().iterator().next());
  }
}
