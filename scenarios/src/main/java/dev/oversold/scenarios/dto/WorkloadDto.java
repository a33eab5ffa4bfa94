package dev.oversold.scenarios.dto;

import dev.oversold.core.model.WorkloadSpec.CongestionControl;
import dev.oversold.core.model.WorkloadSpec.Direction;
import dev.oversold.core.model.WorkloadSpec.DiskIo;
import dev.oversold.core.model.WorkloadSpec.DiskPattern;
import dev.oversold.core.model.WorkloadSpec.Protocol;
import dev.oversold.scenarios.convert.WorkloadBindings;
import dev.oversold.scenarios.units.ByteRate;
import dev.oversold.scenarios.units.ByteSize;
import dev.oversold.scenarios.units.Percent;
import dev.oversold.scenarios.units.Rate;
import dev.oversold.scenarios.units.TimeSpan;

/**
 * What runs inside a tenant; every kind takes {@code start} and {@code stop}. The kinds, and their
 * order, are those of {@link WorkloadBindings}; a new kind may declare its DTO next to its binding.
 */
@Doc("What runs inside the VPS; every kind takes start and stop.")
@Discriminator(value = "kind", subtypes = WorkloadBindings.DtoTypes.class)
public interface WorkloadDto {
  TimeSpan start();

  TimeSpan stop();

  /** A request-driven service. */
  @TypeName("service")
  @Doc("A request-driven service (web server, database).")
  record Service(
      @Required @Doc("How requests arrive.") ArrivalsDto arrivals,
      @Required @Doc("What one request does.") RequestDto request,
      @Doc(value = "Resident memory the service needs to run without faults.", byDefault = "0B")
          ByteSize workingSet,
      @Doc(
              value = "How a request's memory touches spread over the working set.",
              byDefault = "uniform")
          SkewDto workingSetSkew,
      @Doc("Files the requests read through the page cache (file-reads).") DatasetDto dataset,
      @Doc(value = "Concurrency limit; excess requests queue.", byDefault = "32") Integer workers,
      @Doc(
              value =
                  "Requests that may wait for a worker (the listen backlog); one more is"
                      + " refused and counted as rejected.",
              byDefault = "128")
          Integer backlog,
      @Doc(
              value =
                  "Requests a client sends over one connection, each as soon as it has the previous"
                      + " response (HTTP/1.1 keep-alive, no pipelining); the worker that accepted"
                      + " the connection serves them all, as an Apache prefork child does, so a"
                      + " request waits while that worker finishes the previous one's log append."
                      + " Arrivals then open connections.",
              byDefault = "1")
          Integer keepAlive,
      @Doc(
              value =
                  "tcp (a stream each way; a lost segment is sent again after the RTO) or udp (one"
                      + " datagram each way, as netperf's UDP_RR: a lost one is lost and the"
                      + " request fails at its timeout; keep-alive 1, a response of at most"
                      + " 65,507 B).",
              byDefault = "tcp")
          Protocol protocol,
      @Doc(value = "A request not finished by then fails.", byDefault = "60s") TimeSpan timeout,
      @Doc("Service level objective.") SloDto slo,
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}

  /** One request. */
  @Doc("What one request does.")
  record RequestDto(
      @Required @Doc("CPU work in time of the reference core.") TimeDistribution cpu,
      @Doc(
              value = "Mean random 4 KiB reads that miss the cache (may be fractional).",
              byDefault = "0")
          Double diskReads,
      @Doc(
              value =
                  "Mean random 4 KiB reads of the dataset through the page cache; only misses"
                      + " reach the disk (may be fractional).",
              byDefault = "0")
          Double fileReads,
      @Doc(value = "Mean 4 KiB writes.", byDefault = "0") Double diskWrites,
      @Doc(value = "Response bytes sent.", byDefault = "0B") ByteSize network,
      @Doc(value = "Working-set bytes touched.", byDefault = "0B") ByteSize memoryTouch,
      @Doc(
              value =
                  "Bytes appended to the access log after the response is sent: a buffered"
                      + " sequential write through the page cache that holds the worker until it"
                      + " returns (a combined-format log line is about 200B).",
              byDefault = "0B")
          ByteSize logAppend) {}

  /** How accesses spread over pages; absent or empty is uniform. */
  @Doc("How accesses spread over pages: zipf, or hot-fraction with hot-share; none is uniform.")
  record SkewDto(
      @Doc(
              "Zipf exponent: the page of rank r gets accesses in proportion to r^-zipf (0 < zipf <= 4).")
          Double zipf,
      @Doc("Pages that are hot, e.g. 20% (with hot-share).") Percent hotFraction,
      @Doc("Accesses that go to the hot pages, e.g. 80% (with hot-fraction).") Percent hotShare) {}

  /** A service's files. */
  @Doc("Files the requests read through the page cache.")
  record DatasetDto(
      @Required @Doc("Bytes of file data the reads draw from.") ByteSize size,
      @Doc(value = "How reads spread over the pages.", byDefault = "uniform") SkewDto skew) {}

  /** The SLO. */
  @Doc("Service level objective.")
  record SloDto(
      @Doc(value = "A good response completes within this latency.", byDefault = "1s")
          TimeSpan latency) {}

  /** Batch jobs. */
  @TypeName("batch")
  @Doc("Batch jobs from a CSV file (jobs-file) or listed or drawn (jobs).")
  record Batch(
      @Doc("CSV file relative to the scenario file; header submit,cpu[,parallelism].")
          String jobsFile,
      @Doc("Jobs: a list, or {count, cpu, parallelism}.") JobsDto jobs,
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}

  /** CPU hog. */
  @TypeName("cpu-hog")
  @Doc("Threads spinning on the CPU.")
  record CpuHog(
      @Doc(value = "Spinning threads.", byDefault = "the plan's vcpus") Integer threads,
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}

  /** Memory bomb. */
  @TypeName("memory-bomb")
  @Doc("Allocates and touches memory at a rate until refused or killed.")
  record MemoryBomb(
      @Required @Doc("Allocation rate.") ByteRate rate,
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}

  /** Fork bomb. */
  @TypeName("fork-bomb")
  @Doc("Creates processes at a rate, each holding memory, until refused.")
  record ForkBomb(
      @Required @Doc("Forks per second.") Rate rate,
      @Doc(value = "Memory each process holds.", byDefault = "2MiB") ByteSize processMemory,
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}

  /** Disk hog. */
  @TypeName("disk-hog")
  @Doc("Threads doing back-to-back disk I/O.")
  record DiskHog(
      @Doc(value = "I/O threads.", byDefault = "1") Integer threads,
      @Doc(value = "Access pattern.", byDefault = "sequential-write") DiskPattern pattern,
      @Doc(value = "Size of one I/O.", byDefault = "1MiB sequential, 4KiB random") ByteSize block,
      @Doc(
              value =
                  "direct (O_DIRECT, past the page cache) or buffered (through the page cache;"
                      + " sequential-read only).",
              byDefault = "direct")
          DiskIo io,
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}

  /** Network flood. */
  @TypeName("net-flood")
  @Doc("Sends or receives packets at a rate.")
  record NetFlood(
      @Doc(value = "transmit or receive.", byDefault = "transmit") Direction direction,
      @Required @Doc("Offered rate.") ByteRate rate,
      @Doc(
              value =
                  "IP packet size, headers included (64 B to 64 KiB); the data is 28 B less for"
                      + " udp, 52 B less for tcp.",
              byDefault = "1500B")
          ByteSize packet,
      @Doc(
              value =
                  "udp (datagrams at the rate, lost when dropped) or tcp (one connection under a"
                      + " congestion window that shrinks on drops and resends them; transmit"
                      + " only).",
              byDefault = "udp")
          Protocol protocol,
      @Doc(
              value =
                  "A tcp flood's congestion control: reno, bic (Linux 2.6.8 to 2.6.18) or cubic"
                      + " (2.6.19 and later).",
              byDefault = "the platform kernel's: cubic")
          CongestionControl congestionControl,
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}

  /** Idle. */
  @TypeName("idle")
  @Doc("Holds its plan and does nothing.")
  record Idle(
      @Doc(value = "When it starts.", byDefault = "0s") TimeSpan start,
      @Doc(value = "When it stops.", byDefault = "never") TimeSpan stop)
      implements WorkloadDto {}
}
