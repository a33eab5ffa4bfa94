package dev.oversold.report.model;

import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.Series;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One host in the shared run.
 *
 * @param name host name
 * @param platform platform id
 * @param cores physical cores
 * @param ramBytes physical RAM
 * @param oversellCpu vCPUs sold per core
 * @param oversellMemory RAM sold over RAM present
 * @param oversellDisk IOPS sold over IOPS the disk does
 * @param cpuUtilization mean fraction of CPU capacity allocated
 * @param memoryUsedBytes mean resident bytes
 * @param memorySwappedBytes mean swapped bytes
 * @param series time series of the first replication (for charts)
 * @param disk the disk's mean utilisation and queue
 * @param network the network interface's mean transmit utilisation and queue
 * @param options the host options it ran with, as a file writes them (every option with a value,
 *     {@code io-scheduler} last)
 * @param changedOptions those of {@code options} not at the platform's default
 */
public record HostReport(
    String name,
    String platform,
    int cores,
    long ramBytes,
    double oversellCpu,
    double oversellMemory,
    double oversellDisk,
    double cpuUtilization,
    double memoryUsedBytes,
    double memorySwappedBytes,
    Series series,
    HostResult.Load disk,
    HostResult.Load network,
    Map<String, String> options,
    Map<String, String> changedOptions) {
  public HostReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(network, "network");
    options =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(options, "options")));
    changedOptions =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(changedOptions, "changedOptions")));
  }
}
