package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;

/**
 * Every value a scenario file may leave out, in one place, with why it is what it is. The engine
 * never sees an absent value: the converter fills these in.
 */
public final class Defaults {
  private Defaults() {}

  // ---- scenario ----

  /** The contract's default seed. */
  public static final long SEED = 1;

  /** Metrics from the first instant unless a warm-up is asked for (contract). */
  public static final long WARMUP_NANOS = 0;

  /** Time-series points per run: the contract's duration/200 gives smooth charts, small reports. */
  public static final long SAMPLES_PER_RUN = 200;

  // ---- host ----

  /** A core as fast as the reference core that workload CPU demands are written in. */
  public static final double HOST_CPU_SPEED = 1.0;

  /** No host swap unless given: many VPS nodes run without; swapping must be a visible choice. */
  public static final long HOST_SWAP_BYTES = 0;

  /**
   * Disk: a datacenter SATA SSD class device, the values of the contract's example: 20,000 random 4
   * KiB IOPS, 500 MB/s sequential, 100 us idle service time.
   */
  public static final double DISK_IOPS = 20_000;

  public static final double DISK_BANDWIDTH_BYTES_PER_SECOND = 500e6;
  public static final long DISK_LATENCY_NANOS = 100 * SimTime.MICROSECOND;

  /** Network: a 1 Gbit/s port (125 MB/s), the common VPS node uplink; 50 us one way in a rack. */
  public static final double NETWORK_BANDWIDTH_BYTES_PER_SECOND = 125e6;

  public static final long NETWORK_LATENCY_NANOS = 50 * SimTime.MICROSECOND;

  // ---- plan ----

  /** The smallest VPS plan sells one vCPU. */
  public static final int PLAN_VCPUS = 1;

  /**
   * Neutral weight: the platform default (cpuunits 1000, Xen 256, cpu.weight 100, normal shares).
   */
  public static final double PLAN_CPU_WEIGHT = 1.0;

  /** No CPU ceiling: OpenVZ cpulimit, Xen cap and cpu.max are all unset by default. */
  public static final double PLAN_CPU_LIMIT_CORES = Double.POSITIVE_INFINITY;

  /** No CPU floor: reservations are opt-in on every platform. */
  public static final double PLAN_CPU_RESERVATION_CORES = 0;

  /** No swap in the plan unless sold (OpenVZ vSwap, guest swap). */
  public static final long PLAN_SWAP_BYTES = 0;

  /** Disk size is not modelled by any current resource; 0 means "not stated". */
  public static final long PLAN_DISK_BYTES = 0;

  /** No IOPS ceiling: OpenVZ iopslimit and cgroup io.max are off by default. */
  public static final double PLAN_IOPS_LIMIT = Double.POSITIVE_INFINITY;

  /** No disk throughput ceiling: OpenVZ iolimit and io.max are off by default. */
  public static final double PLAN_DISK_BANDWIDTH_LIMIT = Double.POSITIVE_INFINITY;

  /** Neutral disk weight: OpenVZ ioprio 4, io.weight 100, SIOC normal. */
  public static final double PLAN_DISK_WEIGHT = 1.0;

  /** No network ceiling unless sold. */
  public static final double PLAN_NETWORK_LIMIT = Double.POSITIVE_INFINITY;

  /** Processes: Linux's default pid_max (32768), the size of a guest kernel's own table. */
  public static final int PLAN_PROCESS_LIMIT = 32_768;

  // ---- workloads ----

  /** A service with no stated working set needs no memory beyond its plan's baseline. */
  public static final long SERVICE_WORKING_SET_BYTES = 0;

  /** Worker pool: 32, the contract's example, a typical PHP-FPM / thread-pool size on a VPS. */
  public static final int SERVICE_WORKERS = 32;

  /**
   * Accept backlog: 128 waiting requests, Linux's default net.core.somaxconn (SOMAXCONN in
   * include/linux/socket.h before 5.4), which caps every listen() backlog.
   */
  public static final int SERVICE_BACKLOG = WorkloadSpec.Service.DEFAULT_BACKLOG;

  /**
   * Requests per connection: 1, a connection per request, as every file written before the key
   * meant (HTTP/1.0 without keep-alive; Apache's MaxKeepAliveRequests, 100 by default, caps what a
   * client may send on one).
   */
  public static final int SERVICE_KEEP_ALIVE = 1;

  /** Request timeout: 60 s, nginx's default proxy_read_timeout. */
  public static final long SERVICE_TIMEOUT_NANOS = 60 * SimTime.SECOND;

  /** SLO: 1 s, the response-time limit at which users' flow of thought is kept (Nielsen). */
  public static final long SERVICE_SLO_NANOS = SimTime.SECOND;

  /** A request does no disk, network or memory work unless stated. */
  public static final double REQUEST_DISK_READS = 0;

  public static final double REQUEST_DISK_WRITES = 0;

  /** No access log unless a request says so. */
  public static final long REQUEST_LOG_APPEND_BYTES = 0;

  /**
   * Largest log-append: 64 KiB, far above a log line (a combined-format line is about 200 B) and
   * Apache's 4 KiB BufferedLogs buffer; a request that writes more writes data, which is what
   * disk-writes are for (assumption).
   */
  public static final long MAX_LOG_APPEND_BYTES = 64 * 1024;

  /** No reads through the page cache unless a request says so. */
  public static final double REQUEST_FILE_READS = 0;

  /** A page: the unit a dataset is cached and read in (x86 PAGE_SIZE). */
  public static final long PAGE_BYTES = 4096;

  public static final long REQUEST_NETWORK_BYTES = 0;
  public static final long REQUEST_MEMORY_TOUCH_BYTES = 0;

  /** On-off arrivals: silence while off unless a background rate is given. */
  public static final double ON_OFF_RATE_OFF = 0;

  /** Periodic arrivals: a day, so that 24 profile values are the hours. */
  public static final long PERIODIC_PERIOD_NANOS = SimTime.DAY;

  /** Batch jobs are single-threaded unless stated. */
  public static final int JOB_PARALLELISM = 1;

  /** A job submitted without a time is submitted when the workload starts. */
  public static final long JOB_SUBMIT_NANOS = 0;

  // cpu-hog threads default to the plan's vCPUs (a hog spins every CPU it is given): no constant.

  /**
   * Memory of one fork-bomb process: 2 MiB, about the resident size of a minimal forked shell
   * (assumption; the Isolation Benchmark Suite's fork bomb holds little memory per process).
   */
  public static final long FORK_PROCESS_MEMORY_BYTES = 2L * 1024 * 1024;

  /** Disk hog: one thread writing sequentially, the IBS disk-intensive test's pattern. */
  public static final int DISK_HOG_THREADS = 1;

  /** Sequential I/O in 1 MiB blocks (what dd-style streaming uses). */
  public static final long DISK_HOG_SEQUENTIAL_BLOCK_BYTES = 1024 * 1024;

  /** Random I/O in 4 KiB pages (the unit disk IOPS are quoted in). */
  public static final long DISK_HOG_RANDOM_BLOCK_BYTES = 4096;

  /** Network flood packets of 1500 B, the Ethernet MTU. */
  public static final long NET_FLOOD_PACKET_BYTES = 1500;

  /** Workloads start with the run. */
  public static final long START_NANOS = 0;

  // ---- limits on input ----

  /** Most tenants in one scenario: a large node has hundreds; 10,000 bounds the report's size. */
  public static final int MAX_TENANTS = 10_000;

  /** Most rows of a jobs CSV file. */
  public static final int MAX_JOBS = 1_000_000;

  /** Largest jobs CSV file. */
  public static final long MAX_JOBS_FILE_BYTES = 64L * 1024 * 1024;

  /** Sample interval: duration / 200, at least 1 ns. */
  public static long sampleIntervalNanos(long durationNanos) {
    return Math.max(1, durationNanos / SAMPLES_PER_RUN);
  }
}
