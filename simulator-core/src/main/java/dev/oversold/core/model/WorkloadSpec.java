package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What runs inside a tenant. Every kind has a start and a stop time. A kind is declared by its
 * {@code WorkloadKind} (core/workload), which names it and says how to run it; the records below
 * are the specs of the kinds registered in {@code Workloads}. The interface is open so that a new
 * kind can declare its spec next to its implementation.
 */
public interface WorkloadSpec {
  /** When it starts and stops. */
  Window window();

  /** When it starts, from the beginning of the run. */
  default SimDuration start() {
    return window().start();
  }

  /** When it stops; {@link SimTime#NEVER} nanoseconds for "runs to the end". */
  default SimDuration stop() {
    return window().stop();
  }

  /** The time window shared by every workload. */
  record Window(SimDuration start, SimDuration stop) {
    public static final Window ALWAYS =
        new Window(SimDuration.ZERO, SimDuration.ofNanos(SimTime.NEVER));

    public Window {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(stop, "stop");
      checkArgument(stop.nanos() > start.nanos(), "stop must be after start");
    }
  }

  /**
   * A request-driven service (web server, database).
   *
   * @param arrivals how requests come
   * @param request what one request does
   * @param workingSetBytes resident memory the service needs to run without faults
   * @param workingSetSkew how a request's memory touches spread over the working set
   * @param dataset the files its requests read through the page cache, or null for none
   * @param workers concurrency limit; excess requests wait in a FIFO queue
   * @param backlog requests that may wait for a worker (the listen backlog); one arriving when
   *     every worker is busy and this many wait is refused ({@code rejected})
   * @param timeout a request not finished by then fails
   * @param slo a good response completes within this latency
   * @param keepAlive requests a client sends over one connection, one after another (HTTP/1.1
   *     persistent connections, no pipelining), each as soon as it has the previous response; the
   *     worker that accepted the connection serves all of them and takes no other connection until
   *     it closes (Apache's prefork MPM: a child process serves one connection at a time). Arrivals
   *     then open connections. 1: a connection per request
   * @param protocol how a request and its response travel: {@link Protocol#TCP}, a stream each way
   *     whose lost segments are sent again after the RTO; {@link Protocol#UDP}, one datagram each
   *     way (netperf's UDP_RR), lost for good when dropped, so the request fails at its timeout.
   *     UDP needs keep-alive 1 and a response of at most one datagram (65,507 B)
   */
  record Service(
      ArrivalSpec arrivals,
      RequestSpec request,
      long workingSetBytes,
      Skew workingSetSkew,
      @Nullable DatasetSpec dataset,
      int workers,
      int backlog,
      SimDuration timeout,
      SimDuration slo,
      Window window,
      int keepAlive,
      Protocol protocol)
      implements WorkloadSpec {
    /** The largest UDP datagram's data: a 65,535 B IP packet less 20 B of IP and 8 B of UDP. */
    public static final long MAX_DATAGRAM_BYTES = 65_507;

    /**
     * Default backlog: 128 waiting connections, Linux's default {@code net.core.somaxconn}
     * (SOMAXCONN in include/linux/socket.h, 128 until 5.4), which caps every listen() backlog.
     */
    public static final int DEFAULT_BACKLOG = 128;

    public Service {
      Objects.requireNonNull(arrivals, "arrivals");
      Objects.requireNonNull(request, "request");
      checkArgument(workingSetBytes >= 0, "working set must be >= 0");
      Objects.requireNonNull(workingSetSkew, "workingSetSkew");
      checkArgument(
          request.fileReads() == 0 || dataset != null, "file reads need a dataset to read from");
      checkArgument(workers >= 1, "workers must be >= 1");
      checkArgument(backlog >= 1, "backlog must be >= 1");
      checkArgument(timeout.nanos() > 0, "timeout must be > 0");
      checkArgument(slo.nanos() > 0, "slo must be > 0");
      Objects.requireNonNull(window, "window");
      checkArgument(keepAlive >= 1, "keep-alive must be >= 1 request per connection");
      Objects.requireNonNull(protocol, "protocol");
      checkArgument(
          protocol == Protocol.TCP || keepAlive == 1, "a UDP service has no connections to keep");
      checkArgument(
          protocol == Protocol.TCP || request.networkBytes() <= MAX_DATAGRAM_BYTES,
          "a UDP response is one datagram of at most 65,507 B");
    }

    /** A TCP service. */
    public Service(
        ArrivalSpec arrivals,
        RequestSpec request,
        long workingSetBytes,
        Skew workingSetSkew,
        @Nullable DatasetSpec dataset,
        int workers,
        int backlog,
        SimDuration timeout,
        SimDuration slo,
        Window window,
        int keepAlive) {
      this(
          arrivals,
          request,
          workingSetBytes,
          workingSetSkew,
          dataset,
          workers,
          backlog,
          timeout,
          slo,
          window,
          keepAlive,
          Protocol.TCP);
    }

    /** A service whose clients open a connection per request. */
    public Service(
        ArrivalSpec arrivals,
        RequestSpec request,
        long workingSetBytes,
        Skew workingSetSkew,
        @Nullable DatasetSpec dataset,
        int workers,
        int backlog,
        SimDuration timeout,
        SimDuration slo,
        Window window) {
      this(
          arrivals,
          request,
          workingSetBytes,
          workingSetSkew,
          dataset,
          workers,
          backlog,
          timeout,
          slo,
          window,
          1);
    }

    /** A service touching its working set uniformly, with no dataset. */
    public Service(
        ArrivalSpec arrivals,
        RequestSpec request,
        long workingSetBytes,
        int workers,
        int backlog,
        SimDuration timeout,
        SimDuration slo,
        Window window) {
      this(
          arrivals,
          request,
          workingSetBytes,
          Skew.UNIFORM,
          null,
          workers,
          backlog,
          timeout,
          slo,
          window);
    }

    /** A service with the default backlog ({@link #DEFAULT_BACKLOG}). */
    public Service(
        ArrivalSpec arrivals,
        RequestSpec request,
        long workingSetBytes,
        int workers,
        SimDuration timeout,
        SimDuration slo,
        Window window) {
      this(arrivals, request, workingSetBytes, workers, DEFAULT_BACKLOG, timeout, slo, window);
    }
  }

  /**
   * Files a service reads through the page cache (its database, its site's static files).
   *
   * @param sizeBytes bytes of file data the reads draw from, > 0
   * @param skew how reads spread over those pages
   */
  record DatasetSpec(long sizeBytes, Skew skew) {
    public DatasetSpec {
      checkArgument(sizeBytes > 0, "a dataset holds at least one byte: %s", sizeBytes);
      Objects.requireNonNull(skew, "skew");
    }
  }

  /**
   * One request of a service.
   *
   * @param cpuSeconds work in seconds of the reference core
   * @param diskReads mean random 4 KiB reads that miss the cache (may be fractional)
   * @param fileReads mean random 4 KiB reads of the service's dataset through the page cache: a hit
   *     costs no I/O, a miss is a device read (may be fractional)
   * @param diskWrites mean 4 KiB writes
   * @param networkBytes response bytes sent
   * @param memoryTouchBytes working-set bytes touched
   * @param logAppendBytes bytes the worker appends to its access log after sending the response, a
   *     buffered sequential write through the page cache (0: no log)
   */
  record RequestSpec(
      Distribution cpuSeconds,
      double diskReads,
      double fileReads,
      double diskWrites,
      long networkBytes,
      long memoryTouchBytes,
      long logAppendBytes) {
    public RequestSpec {
      Objects.requireNonNull(cpuSeconds, "cpuSeconds");
      checkArgument(
          diskReads >= 0 && fileReads >= 0 && diskWrites >= 0, "disk operations must be >= 0");
      checkArgument(
          networkBytes >= 0 && memoryTouchBytes >= 0 && logAppendBytes >= 0, "bytes must be >= 0");
    }

    /** A request that writes no access log. */
    public RequestSpec(
        Distribution cpuSeconds,
        double diskReads,
        double fileReads,
        double diskWrites,
        long networkBytes,
        long memoryTouchBytes) {
      this(cpuSeconds, diskReads, fileReads, diskWrites, networkBytes, memoryTouchBytes, 0);
    }

    /** A request that reads nothing through the page cache. */
    public RequestSpec(
        Distribution cpuSeconds,
        double diskReads,
        double diskWrites,
        long networkBytes,
        long memoryTouchBytes) {
      this(cpuSeconds, diskReads, 0, diskWrites, networkBytes, memoryTouchBytes, 0);
    }
  }

  /** Batch jobs, given as a list or drawn from a distribution. */
  record Batch(JobSource jobs, Window window) implements WorkloadSpec {
    public Batch {
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(window, "window");
    }
  }

  /** Where batch jobs come from. */
  sealed interface JobSource {}

  /** An explicit list (inline or from a CSV file); submit times are relative to the start. */
  record JobList(List<BatchJob> jobs) implements JobSource {
    public JobList {
      jobs = List.copyOf(jobs);
    }
  }

  /** {@code count} jobs submitted at the start, CPU work drawn from {@code cpuSeconds}. */
  record JobDistribution(int count, Distribution cpuSeconds, int parallelism) implements JobSource {
    public JobDistribution {
      checkArgument(count >= 1, "count must be >= 1");
      Objects.requireNonNull(cpuSeconds, "cpuSeconds");
      checkArgument(parallelism >= 1, "parallelism must be >= 1");
    }
  }

  /**
   * One batch job: submitted at {@code submit}, needing {@code cpuSeconds} over {@code parallelism}
   * threads.
   */
  record BatchJob(SimDuration submit, double cpuSeconds, int parallelism) {
    public BatchJob {
      Objects.requireNonNull(submit, "submit");
      checkArgument(cpuSeconds > 0 && Double.isFinite(cpuSeconds), "cpu must be > 0");
      checkArgument(parallelism >= 1, "parallelism must be >= 1");
    }
  }

  /** {@code threads} threads spinning on the CPU. */
  record CpuHog(int threads, Window window) implements WorkloadSpec {
    public CpuHog {
      checkArgument(threads >= 1, "threads must be >= 1");
      Objects.requireNonNull(window, "window");
    }
  }

  /** Allocates and touches memory at a rate until refused or killed. */
  record MemoryBomb(double bytesPerSecond, Window window) implements WorkloadSpec {
    public MemoryBomb {
      checkArgument(bytesPerSecond > 0, "rate must be > 0");
      Objects.requireNonNull(window, "window");
    }
  }

  /** Creates processes at a rate, each holding memory, until refused. */
  record ForkBomb(double forksPerSecond, long processMemoryBytes, Window window)
      implements WorkloadSpec {
    public ForkBomb {
      checkArgument(forksPerSecond > 0, "rate must be > 0");
      checkArgument(processMemoryBytes >= 0, "process memory must be >= 0");
      Objects.requireNonNull(window, "window");
    }
  }

  /** Access pattern of a disk hog. */
  enum DiskPattern {
    SEQUENTIAL_WRITE("sequential-write"),
    SEQUENTIAL_READ("sequential-read"),
    RANDOM_READ("random-read"),
    RANDOM_WRITE("random-write");

    private final String id;

    DiskPattern(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public boolean isWrite() {
      return this == SEQUENTIAL_WRITE || this == RANDOM_WRITE;
    }

    public boolean isSequential() {
      return this == SEQUENTIAL_WRITE || this == SEQUENTIAL_READ;
    }
  }

  /**
   * How a disk hog's reads reach the device: {@code DIRECT} (O_DIRECT, as fio's {@code direct=1}:
   * straight to the device, as every disk hog read before the page cache existed) or {@code
   * BUFFERED} (through the page cache, as {@code dd}, {@code cp} or a backup read a file: each page
   * read once enters the cache's inactive list).
   */
  enum DiskIo {
    DIRECT,
    BUFFERED
  }

  /** {@code threads} threads doing back-to-back I/O of {@code blockBytes}. */
  record DiskHog(int threads, DiskPattern pattern, long blockBytes, DiskIo io, Window window)
      implements WorkloadSpec {
    public DiskHog {
      checkArgument(threads >= 1, "threads must be >= 1");
      Objects.requireNonNull(pattern, "pattern");
      checkArgument(blockBytes >= 512, "block must be >= 512 B");
      Objects.requireNonNull(io, "io");
      checkArgument(
          io == DiskIo.DIRECT || pattern == DiskPattern.SEQUENTIAL_READ,
          "buffered I/O is for sequential-read (a file read once): %s",
          pattern);
      Objects.requireNonNull(window, "window");
    }

    /** Direct I/O, as every disk hog before the {@code io} key. */
    public DiskHog(int threads, DiskPattern pattern, long blockBytes, Window window) {
      this(threads, pattern, blockBytes, DiskIo.DIRECT, window);
    }
  }

  /** Direction of a network flood. */
  enum Direction {
    TRANSMIT,
    RECEIVE
  }

  /** How a network flood's packets, or a service's requests and responses, travel. */
  enum Protocol {
    /** Datagrams (UDP, or ttcp -u): sent at the rate whatever happens; what is dropped is lost. */
    UDP,
    /**
     * One TCP connection (ttcp's default): the offered rate goes through a congestion window that
     * shrinks on drops and grows with ACKs ({@link CongestionControl}); dropped segments are sent
     * again.
     */
    TCP
  }

  /**
   * A TCP sender's congestion-control algorithm (net.ipv4.tcp_congestion_control, or the {@code
   * TCP_CONGESTION} socket option).
   */
  enum CongestionControl {
    /** RFC 5681: one segment a round trip, half the window on a loss. */
    RENO,
    /** net/ipv4/tcp_bic.c: Linux's default from 2.6.8 to 2.6.18 (RHEL 5, Xen 3.0-era guests). */
    BIC,
    /** net/ipv4/tcp_cubic.c: Linux's default since 2.6.19 (RHEL 6's 2.6.32, every modern host). */
    CUBIC
  }

  /**
   * Sends or receives packets of {@code packetBytes} at {@code bytesPerSecond}.
   *
   * @param congestion a TCP flood's algorithm; null for the platform kernel's default
   */
  record NetFlood(
      Direction direction,
      double bytesPerSecond,
      long packetBytes,
      Protocol protocol,
      @Nullable CongestionControl congestion,
      Window window)
      implements WorkloadSpec {
    public NetFlood {
      Objects.requireNonNull(direction, "direction");
      checkArgument(bytesPerSecond > 0, "rate must be > 0");
      checkArgument(packetBytes >= 64 && packetBytes <= 65536, "packet must be 64 B .. 64 KiB");
      Objects.requireNonNull(protocol, "protocol");
      checkArgument(
          protocol == Protocol.UDP || direction == Direction.TRANSMIT,
          "a TCP flood transmits (a received flood is datagrams)");
      checkArgument(
          congestion == null || protocol == Protocol.TCP,
          "a congestion-control algorithm is for a TCP flood");
      Objects.requireNonNull(window, "window");
    }

    /** A flood whose TCP, if any, runs the platform kernel's default congestion control. */
    public NetFlood(
        Direction direction,
        double bytesPerSecond,
        long packetBytes,
        Protocol protocol,
        Window window) {
      this(direction, bytesPerSecond, packetBytes, protocol, null, window);
    }

    /** Datagrams, as every flood before the {@code protocol} key. */
    public NetFlood(Direction direction, double bytesPerSecond, long packetBytes, Window window) {
      this(direction, bytesPerSecond, packetBytes, Protocol.UDP, null, window);
    }
  }

  /** Holds its reservation and does nothing. */
  record Idle(Window window) implements WorkloadSpec {
    public Idle {
      Objects.requireNonNull(window, "window");
    }
  }
}
