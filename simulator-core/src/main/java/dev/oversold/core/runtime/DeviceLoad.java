package dev.oversold.core.runtime;

import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.SharedCapacity;

/**
 * How busy a host's disk or network interface is, as the report samples it: three readings that any
 * device model can give, whatever it is made of (a fluid shared capacity today, a block device or a
 * transmit path tomorrow). The sampler takes differences of {@link #servedWork()} between two
 * instants, so the device needs no clock of its own.
 */
public interface DeviceLoad {
  /**
   * Work done since the run's start, in the device's own unit: device-seconds for a disk (one
   * second of the device fully busy), bytes for a network interface.
   */
  double servedWork();

  /** Work the device can do per second in that unit (1 for a disk, the line rate for a NIC). */
  double capacityPerSecond();

  /** Requests in the device now, waiting or in service (I/Os, transfers). */
  int outstanding();

  /** The load of a fluid {@link SharedCapacity}: its shares' work and jobs. */
  static DeviceLoad of(SharedCapacity capacity) {
    return new DeviceLoad() {
      @Override
      public double servedWork() {
        double sum = 0;
        for (Share share : capacity.shares()) {
          sum += share.allocatedWorkSoFar();
        }
        return sum;
      }

      @Override
      public double capacityPerSecond() {
        return capacity.capacity();
      }

      @Override
      public int outstanding() {
        int sum = 0;
        for (Share share : capacity.shares()) {
          sum += share.jobCount();
        }
        return sum;
      }
    };
  }
}
