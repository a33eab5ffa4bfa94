package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.Skew;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.bind.Shapes;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.ByteSize;
import dev.oversold.scenarios.units.Format;
import dev.oversold.scenarios.units.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * service in scenario files: {@code arrivals} (see {@link ArrivalsBinding}), {@code request},
 * {@code working-set}, {@code workers}, {@code backlog}, {@code timeout} and {@code slo}.
 */
final class ServiceBinding implements WorkloadBinding<WorkloadSpec.Service, WorkloadDto.Service> {
  @Override
  public WorkloadKind<WorkloadSpec.Service> kind() {
    return Workloads.ofType(WorkloadSpec.Service.class);
  }

  @Override
  public Class<WorkloadDto.Service> dtoType() {
    return WorkloadDto.Service.class;
  }

  @Override
  public String keysDoc() {
    return "`arrivals` (required), `request` (required), `working-set` (0B), `working-set-skew`"
        + " (uniform), `dataset: { size, skew }` (none), `workers` (32),"
        + " `backlog` (128, Linux's default somaxconn), `keep-alive` (1 request per connection), `protocol` (`tcp`, or `udp`: one datagram each way, lost when dropped), `timeout` (60s, nginx's proxy_read_timeout), `slo: { latency }` (1s)";
  }

  @Override
  public WorkloadSpec.Service convert(
      WorkloadDto.Service dto,
      WorkloadSpec.Window window,
      String path,
      Context context,
      int vcpus) {
    ArrivalSpec arrivals =
        dto.arrivals() == null
            ? null
            : ArrivalsBinding.convert(dto.arrivals(), path + ".arrivals", context);
    WorkloadSpec.RequestSpec request =
        dto.request() == null ? null : request(dto.request(), path + ".request", context);
    int workers = dto.workers() == null ? Defaults.SERVICE_WORKERS : dto.workers();
    if (workers < 1) {
      context.error(path + ".workers", "workers must be at least 1", "a whole number >= 1");
      return null;
    }
    int backlog = dto.backlog() == null ? Defaults.SERVICE_BACKLOG : dto.backlog();
    if (backlog < 1) {
      context.error(
          path + ".backlog",
          "the backlog must be at least 1 (requests that may wait for a worker)",
          "a whole number >= 1, e.g. 128 (Linux's default somaxconn)");
      return null;
    }
    int keepAlive = dto.keepAlive() == null ? Defaults.SERVICE_KEEP_ALIVE : dto.keepAlive();
    if (keepAlive < 1) {
      context.error(
          path + ".keep-alive",
          "keep-alive must be at least 1 request per connection",
          "a whole number >= 1: 1 opens a connection per request; N sends N requests over one"
              + " (Apache's MaxKeepAliveRequests caps it at 100 by default)");
      return null;
    }
    WorkloadSpec.Protocol protocol =
        dto.protocol() == null ? WorkloadSpec.Protocol.TCP : dto.protocol();
    if (protocol == WorkloadSpec.Protocol.UDP && keepAlive > 1) {
      context.error(
          path + ".keep-alive",
          "a udp service has no connections to keep alive",
          "keep-alive: 1 (or leave it out) with protocol: udp, or protocol: tcp");
      return null;
    }
    if (protocol == WorkloadSpec.Protocol.UDP
        && request != null
        && request.networkBytes() > WorkloadSpec.Service.MAX_DATAGRAM_BYTES) {
      context.error(
          path + ".request.network",
          "a udp response is one datagram: at most 65,507 B (a 65,535 B IP packet less 28 B of"
              + " IP and UDP headers)",
          "a response from 0B to 65507B with protocol: udp, or protocol: tcp");
      return null;
    }
    long timeout = nanos(dto.timeout(), Defaults.SERVICE_TIMEOUT_NANOS);
    if (timeout <= 0) {
      context.error(path + ".timeout", "the timeout must be more than 0", "a duration > 0");
      return null;
    }
    long slo =
        dto.slo() == null
            ? Defaults.SERVICE_SLO_NANOS
            : nanos(dto.slo().latency(), Defaults.SERVICE_SLO_NANOS);
    if (slo <= 0) {
      context.error(path + ".slo.latency", "the SLO latency must be more than 0", "a duration > 0");
      return null;
    }
    Skew workingSetSkew =
        SkewBinding.convert(dto.workingSetSkew(), path + ".working-set-skew", context);
    WorkloadSpec.DatasetSpec dataset = null;
    boolean datasetOk = true;
    if (dto.dataset() != null) {
      dataset = dataset(dto.dataset(), path + ".dataset", context);
      datasetOk = dataset != null;
    }
    if (request != null && request.fileReads() > 0 && dto.dataset() == null) {
      context.error(
          path + ".request.file-reads",
          "file reads need a dataset to read from",
          "a service `dataset: {size: 2GiB}` (add `skew` for popular pages), or `disk-reads`"
              + " for reads that always reach the disk");
      return null;
    }
    if (arrivals == null || request == null || workingSetSkew == null || !datasetOk) {
      return null;
    }
    return new WorkloadSpec.Service(
        arrivals,
        request,
        bytes(dto.workingSet(), Defaults.SERVICE_WORKING_SET_BYTES),
        workingSetSkew,
        dataset,
        workers,
        backlog,
        SimDuration.ofNanos(timeout),
        SimDuration.ofNanos(slo),
        window,
        keepAlive,
        protocol);
  }

  private static WorkloadSpec.@Nullable DatasetSpec dataset(
      WorkloadDto.DatasetDto dto, String path, Context context) {
    Skew skew = SkewBinding.convert(dto.skew(), path + ".skew", context);
    if (dto.size() == null) {
      return null; // required: the binder has reported it
    }
    if (dto.size().bytes() < Defaults.PAGE_BYTES) {
      context.error(
          path + ".size",
          "a dataset holds at least one 4 KiB page",
          "a size of at least 4KiB, e.g. 2GiB");
      return null;
    }
    return skew == null ? null : new WorkloadSpec.DatasetSpec(dto.size().bytes(), skew);
  }

  private static WorkloadSpec.RequestSpec request(
      WorkloadDto.RequestDto dto, String path, Context context) {
    Distribution cpu = Distributions.seconds(dto.cpu(), path + ".cpu", context, false);
    double reads = dto.diskReads() == null ? Defaults.REQUEST_DISK_READS : dto.diskReads();
    double fileReads = dto.fileReads() == null ? Defaults.REQUEST_FILE_READS : dto.fileReads();
    double writes = dto.diskWrites() == null ? Defaults.REQUEST_DISK_WRITES : dto.diskWrites();
    boolean ok = cpu != null;
    if (reads < 0) {
      context.error(path + ".disk-reads", "must not be negative", "a number >= 0");
      ok = false;
    }
    if (fileReads < 0) {
      context.error(path + ".file-reads", "must not be negative", "a number >= 0");
      ok = false;
    }
    if (writes < 0) {
      context.error(path + ".disk-writes", "must not be negative", "a number >= 0");
      ok = false;
    }
    long log = bytes(dto.logAppend(), Defaults.REQUEST_LOG_APPEND_BYTES);
    if (log > Defaults.MAX_LOG_APPEND_BYTES) {
      context.error(
          path + ".log-append",
          "a log record is at most 64KiB",
          "a size from 0B to 64KiB, e.g. 200B (larger writes are disk-writes)");
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return new WorkloadSpec.RequestSpec(
        cpu,
        reads,
        fileReads,
        writes,
        bytes(dto.network(), Defaults.REQUEST_NETWORK_BYTES),
        bytes(dto.memoryTouch(), Defaults.REQUEST_MEMORY_TOUCH_BYTES),
        log);
  }

  @Override
  public List<String> write(WorkloadSpec.Service spec) {
    WorkloadSpec.RequestSpec request = spec.request();
    List<String> lines = new ArrayList<>();
    lines.add("arrivals: " + ArrivalsBinding.written(spec.arrivals()));
    lines.add(
        "request: {cpu: "
            + Distributions.written(request.cpuSeconds())
            + ", disk-reads: "
            + Format.plain(request.diskReads())
            + (request.fileReads() > 0 ? ", file-reads: " + Format.plain(request.fileReads()) : "")
            + ", disk-writes: "
            + Format.plain(request.diskWrites())
            + ", network: "
            + Format.bytes(request.networkBytes())
            + ", memory-touch: "
            + Format.bytes(request.memoryTouchBytes())
            + (request.logAppendBytes() > 0
                ? ", log-append: " + Format.bytes(request.logAppendBytes())
                : "")
            + "}");
    lines.add("working-set: " + Format.bytes(spec.workingSetBytes()));
    if (!spec.workingSetSkew().equals(Skew.UNIFORM)) {
      lines.add("working-set-skew: " + SkewBinding.written(spec.workingSetSkew()));
    }
    WorkloadSpec.DatasetSpec dataset = spec.dataset();
    if (dataset != null) {
      lines.add(
          "dataset: {size: "
              + Format.bytes(dataset.sizeBytes())
              + ", skew: "
              + SkewBinding.written(dataset.skew())
              + "}");
    }
    lines.add("workers: " + spec.workers());
    lines.add("backlog: " + spec.backlog());
    if (spec.keepAlive() > 1) {
      lines.add("keep-alive: " + spec.keepAlive());
    }
    if (spec.protocol() != WorkloadSpec.Protocol.TCP) {
      lines.add("protocol: " + Shapes.enumId(spec.protocol())); // the default is left out
    }
    lines.add("timeout: " + Format.duration(spec.timeout().nanos()));
    lines.add("slo: {latency: " + Format.duration(spec.slo().nanos()) + "}");
    return lines;
  }

  private static long nanos(TimeSpan span, long fallback) {
    return span == null ? fallback : span.nanos();
  }

  private static long bytes(ByteSize size, long fallback) {
    return size == null ? fallback : size.bytes();
  }
}
