package dev.oversold.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.WorkloadSpec;
import org.junit.jupiter.api.Test;

/** The disk's pressure counts a service's access-log bytes. Figures worked out by hand. */
final class ResourcePressureTest {
  /** 100 random 4 KiB IOPS, 100 MB/s: a slow disk, so every term shows. */
  private static final HostSpec.Disk DISK = new HostSpec.Disk(100, 100e6, SimDuration.ofMillis(10));

  private static WorkloadSpec.Service web(double reads, double writes, long logAppendBytes) {
    return new WorkloadSpec.Service(
        new ArrivalSpec.Poisson(50),
        new WorkloadSpec.RequestSpec(
            new Distribution.Constant(0.001), reads, 0, writes, 0, 0, logAppendBytes),
        0,
        32,
        SimDuration.ofSeconds(5),
        SimDuration.ofMillis(200),
        WorkloadSpec.Window.ALWAYS);
  }

  @Test
  void diskBusy_addsTheLogBytesAtTheDevicesBandwidth_toTheOperationsAtItsIops() {
    // 50 requests/s of 0.2 reads and 0.1 writes: 15 operations/s of 1/100 s each = 0.15 of the
    // device. A 64 KiB log append each adds 50 x 65,536 = 3,276,800 B/s at 100 MB/s = 0.032768.
    assertEquals(0.15, ResourcePressure.diskBusy(DISK, web(0.2, 0.1, 0), 50), 1e-12);
    assertEquals(0.182768, ResourcePressure.diskBusy(DISK, web(0.2, 0.1, 65_536), 50), 1e-12);
    // A service that only logs: 200 B x 50/s = 10,000 B/s = 0.0001 of the device, not 0.
    assertEquals(1e-4, ResourcePressure.diskBusy(DISK, web(0, 0, 200), 50), 1e-15);
  }
}
