package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.model.WorkloadSpec.BatchJob;
import dev.oversold.core.model.WorkloadSpec.DiskPattern;
import dev.oversold.scenarios.dto.ArrivalsDto;
import dev.oversold.scenarios.dto.JobsDto;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.ByteSize;
import dev.oversold.scenarios.units.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/** Converts a workload DTO to the core's {@link WorkloadSpec}, filling in {@link Defaults}. */
final class WorkloadConverter {
  private final Context context;

  WorkloadConverter(Context context) {
    this.context = context;
  }

  /** The workload, or null after reporting why not. {@code vcpus} is the tenant plan's. */
  WorkloadSpec convert(WorkloadDto dto, String path, int vcpus) {
    WorkloadSpec.Window window = window(dto, path);
    if (window == null) {
      return null;
    }
    if (dto instanceof WorkloadDto.Service service) {
      return service(service, path, window);
    }
    if (dto instanceof WorkloadDto.Batch batch) {
      return batch(batch, path, window);
    }
    if (dto instanceof WorkloadDto.CpuHog hog) {
      int threads = hog.threads() == null ? vcpus : hog.threads();
      if (threads < 1) {
        context.error(path + ".threads", "threads must be at least 1", "a whole number >= 1");
        return null;
      }
      return new WorkloadSpec.CpuHog(threads, window);
    }
    if (dto instanceof WorkloadDto.MemoryBomb bomb) {
      if (bomb.rate() == null) {
        return null;
      }
      if (!(bomb.rate().value() > 0)) {
        context.error(path + ".rate", "the rate must be more than 0", "e.g. 200MiB/s");
        return null;
      }
      return new WorkloadSpec.MemoryBomb(bomb.rate().value(), window);
    }
    if (dto instanceof WorkloadDto.ForkBomb bomb) {
      if (bomb.rate() == null) {
        return null;
      }
      if (!(bomb.rate().value() > 0)) {
        context.error(path + ".rate", "the rate must be more than 0", "e.g. 50/s");
        return null;
      }
      long memory = bytes(bomb.processMemory(), Defaults.FORK_PROCESS_MEMORY_BYTES);
      return new WorkloadSpec.ForkBomb(bomb.rate().value(), memory, window);
    }
    if (dto instanceof WorkloadDto.DiskHog hog) {
      return diskHog(hog, path, window);
    }
    if (dto instanceof WorkloadDto.NetFlood flood) {
      if (flood.rate() == null) {
        return null;
      }
      if (!(flood.rate().value() > 0)) {
        context.error(path + ".rate", "the rate must be more than 0", "e.g. 100Mbit/s");
        return null;
      }
      long packet = bytes(flood.packet(), Defaults.NET_FLOOD_PACKET_BYTES);
      if (packet < 64 || packet > 65536) {
        context.error(
            path + ".packet",
            "packet of " + packet + " B is outside 64 B .. 64 KiB",
            "64B to 64KiB");
        return null;
      }
      WorkloadSpec.Direction direction =
          flood.direction() == null ? WorkloadSpec.Direction.TRANSMIT : flood.direction();
      return new WorkloadSpec.NetFlood(direction, flood.rate().value(), packet, window);
    }
    if (dto instanceof WorkloadDto.Idle) {
      return new WorkloadSpec.Idle(window);
    }
    throw new IllegalStateException("unknown " + dto);
  }

  private WorkloadSpec.Window window(WorkloadDto dto, String path) {
    long start = dto.start() == null ? Defaults.START_NANOS : dto.start().nanos();
    long stop = dto.stop() == null ? SimTime.NEVER : dto.stop().nanos();
    if (stop <= start) {
      context.error(
          path + ".stop",
          "stop (" + SimTime.format(stop) + ") is not after start (" + SimTime.format(start) + ")",
          "stop > start");
      return null;
    }
    return new WorkloadSpec.Window(SimDuration.ofNanos(start), SimDuration.ofNanos(stop));
  }

  private WorkloadSpec service(WorkloadDto.Service dto, String path, WorkloadSpec.Window window) {
    ArrivalSpec arrivals =
        dto.arrivals() == null ? null : arrivals(dto.arrivals(), path + ".arrivals");
    WorkloadSpec.RequestSpec request =
        dto.request() == null ? null : request(dto.request(), path + ".request");
    int workers = dto.workers() == null ? Defaults.SERVICE_WORKERS : dto.workers();
    if (workers < 1) {
      context.error(path + ".workers", "workers must be at least 1", "a whole number >= 1");
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
    if (arrivals == null || request == null) {
      return null;
    }
    return new WorkloadSpec.Service(
        arrivals,
        request,
        bytes(dto.workingSet(), Defaults.SERVICE_WORKING_SET_BYTES),
        workers,
        SimDuration.ofNanos(timeout),
        SimDuration.ofNanos(slo),
        window);
  }

  private WorkloadSpec.RequestSpec request(WorkloadDto.RequestDto dto, String path) {
    Distribution cpu = Distributions.seconds(dto.cpu(), path + ".cpu", context, false);
    double reads = dto.diskReads() == null ? Defaults.REQUEST_DISK_READS : dto.diskReads();
    double writes = dto.diskWrites() == null ? Defaults.REQUEST_DISK_WRITES : dto.diskWrites();
    boolean ok = cpu != null;
    if (reads < 0) {
      context.error(path + ".disk-reads", "must not be negative", "a number >= 0");
      ok = false;
    }
    if (writes < 0) {
      context.error(path + ".disk-writes", "must not be negative", "a number >= 0");
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return new WorkloadSpec.RequestSpec(
        cpu,
        reads,
        writes,
        bytes(dto.network(), Defaults.REQUEST_NETWORK_BYTES),
        bytes(dto.memoryTouch(), Defaults.REQUEST_MEMORY_TOUCH_BYTES));
  }

  ArrivalSpec arrivals(ArrivalsDto dto, String path) {
    if (dto instanceof ArrivalsDto.Poisson poisson) {
      if (poisson.rate() == null) {
        return null;
      }
      if (!(poisson.rate().value() > 0)) {
        context.error(path + ".rate", "the rate must be more than 0", "e.g. 20/s");
        return null;
      }
      return new ArrivalSpec.Poisson(poisson.rate().value());
    }
    if (dto instanceof ArrivalsDto.OnOff onOff) {
      if (onOff.rateOn() == null || onOff.meanOn() == null || onOff.meanOff() == null) {
        return null;
      }
      double on = onOff.rateOn().value();
      double off = onOff.rateOff() == null ? Defaults.ON_OFF_RATE_OFF : onOff.rateOff().value();
      boolean ok = true;
      if (!(on + off > 0)) {
        context.error(path + ".rate-on", "rate-on and rate-off are both 0", "a rate > 0");
        ok = false;
      }
      if (onOff.meanOn().nanos() <= 0) {
        context.error(path + ".mean-on", "mean-on must be more than 0", "a duration > 0");
        ok = false;
      }
      if (onOff.meanOff().nanos() <= 0) {
        context.error(path + ".mean-off", "mean-off must be more than 0", "a duration > 0");
        ok = false;
      }
      return ok
          ? new ArrivalSpec.OnOff(
              on,
              off,
              SimDuration.ofNanos(onOff.meanOn().nanos()),
              SimDuration.ofNanos(onOff.meanOff().nanos()))
          : null;
    }
    if (dto instanceof ArrivalsDto.Periodic periodic) {
      return periodic(periodic, path);
    }
    if (dto instanceof ArrivalsDto.Closed closed) {
      Distribution think =
          Distributions.seconds(closed.thinkTime(), path + ".think-time", context, false);
      if (closed.clients() == null || think == null) {
        return null;
      }
      if (closed.clients() < 1) {
        context.error(path + ".clients", "clients must be at least 1", "a whole number >= 1");
        return null;
      }
      return new ArrivalSpec.Closed(closed.clients(), think);
    }
    throw new IllegalStateException("unknown " + dto);
  }

  private ArrivalSpec periodic(ArrivalsDto.Periodic dto, String path) {
    if (dto.rate() == null || dto.profile() == null) {
      return null;
    }
    boolean ok = true;
    if (!(dto.rate().value() > 0)) {
      context.error(path + ".rate", "the rate must be more than 0", "e.g. 20/s");
      ok = false;
    }
    List<Double> profile = dto.profile();
    if (profile.isEmpty()) {
      context.error(path + ".profile", "the profile is empty", "multipliers such as [0.5, 1, 2]");
      ok = false;
    }
    for (int i = 0; i < profile.size(); i++) {
      Double value = profile.get(i);
      if (value == null) {
        ok = false;
      } else if (!(value >= 0 && value < 1e6)) {
        context.error(
            path + ".profile[" + i + "]",
            "multiplier " + value + " out of range",
            "0 <= value < 1000000");
        ok = false;
      }
    }
    long period = nanos(dto.period(), Defaults.PERIODIC_PERIOD_NANOS);
    if (ok && period < profile.size()) {
      context.error(
          path + ".period",
          "the period is too short for " + profile.size() + " slots",
          "a longer period");
      ok = false;
    }
    return ok
        ? new ArrivalSpec.Periodic(dto.rate().value(), profile, SimDuration.ofNanos(period))
        : null;
  }

  private WorkloadSpec batch(WorkloadDto.Batch dto, String path, WorkloadSpec.Window window) {
    if ((dto.jobsFile() == null) == (dto.jobs() == null)) {
      context.error(
          path,
          dto.jobsFile() == null
              ? "a batch workload needs jobs-file or jobs"
              : "jobs-file and jobs are both given",
          "exactly one of jobs-file and jobs");
      return null;
    }
    if (dto.jobsFile() != null) {
      List<BatchJob> jobs = JobsCsv.read(dto.jobsFile(), path + ".jobs-file", context);
      return jobs == null ? null : new WorkloadSpec.Batch(new WorkloadSpec.JobList(jobs), window);
    }
    if (dto.jobs() instanceof JobsDto.Listed listed) {
      if (listed.jobs().isEmpty()) {
        context.error(path + ".jobs", "the job list is empty", "at least one job");
        return null;
      }
      List<BatchJob> jobs = new ArrayList<>();
      for (int i = 0; i < listed.jobs().size(); i++) {
        BatchJob job = job(listed.jobs().get(i), path + ".jobs[" + i + "]");
        if (job == null) {
          return null;
        }
        jobs.add(job);
      }
      return new WorkloadSpec.Batch(new WorkloadSpec.JobList(jobs), window);
    }
    if (dto.jobs() instanceof JobsDto.Drawn drawn) {
      Distribution cpu = Distributions.seconds(drawn.cpu(), path + ".jobs.cpu", context, true);
      if (drawn.count() == null || cpu == null) {
        return null;
      }
      int parallelism =
          drawn.parallelism() == null ? Defaults.JOB_PARALLELISM : drawn.parallelism();
      if (drawn.count() < 1 || drawn.count() > Defaults.MAX_JOBS) {
        context.error(
            path + ".jobs.count",
            "count " + drawn.count() + " is out of range",
            "1 to " + Defaults.MAX_JOBS);
        return null;
      }
      if (parallelism < 1) {
        context.error(
            path + ".jobs.parallelism", "parallelism must be at least 1", "a whole number >= 1");
        return null;
      }
      return new WorkloadSpec.Batch(
          new WorkloadSpec.JobDistribution(drawn.count(), cpu, parallelism), window);
    }
    throw new IllegalStateException("unknown " + dto.jobs());
  }

  private BatchJob job(JobsDto.JobDto dto, String path) {
    if (dto == null || dto.cpu() == null) {
      return null;
    }
    double cpu = dto.cpu().secondsValue();
    int parallelism = dto.parallelism() == null ? Defaults.JOB_PARALLELISM : dto.parallelism();
    if (!(cpu > 0)) {
      context.error(path + ".cpu", "cpu must be more than 0", "CPU work such as 12.5s");
      return null;
    }
    if (parallelism < 1) {
      context.error(path + ".parallelism", "parallelism must be at least 1", "a whole number >= 1");
      return null;
    }
    return new BatchJob(
        SimDuration.ofNanos(nanos(dto.submit(), Defaults.JOB_SUBMIT_NANOS)), cpu, parallelism);
  }

  private WorkloadSpec diskHog(WorkloadDto.DiskHog dto, String path, WorkloadSpec.Window window) {
    int threads = dto.threads() == null ? Defaults.DISK_HOG_THREADS : dto.threads();
    if (threads < 1) {
      context.error(path + ".threads", "threads must be at least 1", "a whole number >= 1");
      return null;
    }
    DiskPattern pattern = dto.pattern() == null ? DiskPattern.SEQUENTIAL_WRITE : dto.pattern();
    long fallback =
        pattern.isSequential()
            ? Defaults.DISK_HOG_SEQUENTIAL_BLOCK_BYTES
            : Defaults.DISK_HOG_RANDOM_BLOCK_BYTES;
    long block = bytes(dto.block(), fallback);
    if (block < 512) {
      context.error(
          path + ".block", "block of " + block + " B is below one 512 B sector", "at least 512B");
      return null;
    }
    return new WorkloadSpec.DiskHog(threads, pattern, block, window);
  }

  private static long nanos(TimeSpan span, long fallback) {
    return span == null ? fallback : span.nanos();
  }

  private static long bytes(ByteSize size, long fallback) {
    return size == null ? fallback : size.bytes();
  }
}
