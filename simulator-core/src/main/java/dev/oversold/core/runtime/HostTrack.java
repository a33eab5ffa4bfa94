package dev.oversold.core.runtime;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.metrics.TimeSeriesRecorder;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.Series;
import dev.oversold.core.sharing.Share;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One host's samples: CPU utilisation, memory, and the disk's and network interface's utilisation
 * and queue per sample interval, with their means over the measured window.
 */
final class HostTrack {
  private final HostRuntime host;
  private final long intervalNanos;
  private final TimeSeriesRecorder utilization;
  private final TimeSeriesRecorder used;
  private final TimeSeriesRecorder swappedSeries;
  private final DeviceTrack disk;
  private final DeviceTrack network;
  private double allocatedAtWarmup;
  private double previousAllocated;
  private double usedSum;
  private double swappedSum;
  private double measuredSampleSeconds;

  HostTrack(HostRuntime host, int samples, long intervalNanos) {
    this.host = host;
    this.intervalNanos = intervalNanos;
    utilization = new TimeSeriesRecorder(samples);
    used = new TimeSeriesRecorder(samples);
    swappedSeries = new TimeSeriesRecorder(samples);
    disk = new DeviceTrack(host.diskLoad(), samples);
    network = new DeviceTrack(host.networkLoad(), samples);
  }

  private double allocatedTotal() {
    double sum = 0;
    for (Share share : host.cpu().shares()) {
      sum += share.allocatedWork();
    }
    return sum;
  }

  void markWarmup() {
    allocatedAtWarmup = allocatedTotal();
    disk.markWarmup();
    network.markWarmup();
  }

  void sample(double seconds, boolean measured) {
    double total = allocatedTotal();
    utilization.append((total - previousAllocated) / seconds / host.cpu().capacity());
    previousAllocated = total;
    // Host RAM held by tenants (their pages, vSwap kept in RAM, VM overhead) and host swap.
    long resident = Pages.bytes(host.memory().ramUsedPages());
    long swapped = Pages.bytes(host.memory().swapUsedPages());
    used.append(resident);
    swappedSeries.append(swapped);
    disk.sample(seconds, measured);
    network.sample(seconds, measured);
    if (measured) {
      usedSum += resident * seconds;
      swappedSum += swapped * seconds;
      measuredSampleSeconds += seconds;
    }
  }

  HostResult result(double windowSeconds) {
    var spec = host.spec();
    double vcpus = 0;
    double ram = 0;
    double iops = 0;
    for (Guest guest : host.guests()) {
      var plan = guest.spec().plan();
      vcpus += plan.vcpus();
      ram += plan.memory().ramBytes();
      iops += Math.min(plan.disk().iopsLimit(), spec.disk().iops());
    }
    var oversell =
        new HostResult.Oversell(
            vcpus / spec.cpu().cores(), ram / spec.memory().ramBytes(), iops / spec.disk().iops());
    double cpuUtilization =
        (allocatedTotal() - allocatedAtWarmup) / windowSeconds / host.cpu().capacity();
    double sampleSeconds = Math.max(measuredSampleSeconds, 1e-12);
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("cpu_utilization", utilization.toArray());
    series.put("memory_used_bytes", used.toArray());
    series.put("memory_swapped_bytes", swappedSeries.toArray());
    series.put("disk_utilization", disk.utilization.toArray());
    series.put("disk_queue", disk.queue.toArray());
    series.put("network_utilization", network.utilization.toArray());
    series.put("network_queue", network.queue.toArray());
    return new HostResult(
        spec.name(),
        spec.platform().id(),
        oversell,
        cpuUtilization,
        usedSum / sampleSeconds,
        swappedSum / sampleSeconds,
        new Series(SimTime.toSeconds(intervalNanos), series),
        disk.result(windowSeconds),
        network.result(windowSeconds));
  }

  /** A device's utilisation and queue per interval, from its {@link DeviceLoad} readings. */
  private static final class DeviceTrack {
    final DeviceLoad load;
    final TimeSeriesRecorder utilization;
    final TimeSeriesRecorder queue;
    double previous;
    double atWarmup;
    double queueSum;
    double measuredSampleSeconds;

    DeviceTrack(DeviceLoad load, int samples) {
      this.load = load;
      utilization = new TimeSeriesRecorder(samples);
      queue = new TimeSeriesRecorder(samples);
    }

    void markWarmup() {
      atWarmup = load.servedWork();
    }

    void sample(double seconds, boolean measured) {
      double served = load.servedWork();
      utilization.append(TenantFigures.fraction(served - previous, seconds * capacity()));
      previous = served;
      int outstanding = load.outstanding();
      queue.append(outstanding);
      if (measured) {
        queueSum += outstanding * seconds;
        measuredSampleSeconds += seconds;
      }
    }

    double capacity() {
      return load.capacityPerSecond();
    }

    HostResult.Load result(double windowSeconds) {
      double served = load.servedWork() - atWarmup;
      return new HostResult.Load(
          TenantFigures.fraction(served, windowSeconds * capacity()),
          queueSum / Math.max(measuredSampleSeconds, 1e-12));
    }
  }
}
