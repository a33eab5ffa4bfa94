package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.model.WorkloadSpec.BatchJob;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.dto.JobsDto;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * batch in scenario files: exactly one of {@code jobs-file} (CSV, see {@link JobsCsv}) or {@code
 * jobs} (a list, or {@code {count, cpu, parallelism}}). Written back, a file's jobs are listed
 * inline, which loads back equal.
 */
final class BatchBinding implements WorkloadBinding<WorkloadSpec.Batch, WorkloadDto.Batch> {
  @Override
  public WorkloadKind<WorkloadSpec.Batch> kind() {
    return Workloads.ofType(WorkloadSpec.Batch.class);
  }

  @Override
  public Class<WorkloadDto.Batch> dtoType() {
    return WorkloadDto.Batch.class;
  }

  @Override
  public String keysDoc() {
    return "exactly one of `jobs-file` (CSV) or `jobs`";
  }

  @Override
  public WorkloadSpec.Batch convert(
      WorkloadDto.Batch dto, WorkloadSpec.Window window, String path, Context context, int vcpus) {
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
        BatchJob job = job(listed.jobs().get(i), path + ".jobs[" + i + "]", context);
        if (job == null) {
          return null;
        }
        jobs.add(job);
      }
      return new WorkloadSpec.Batch(new WorkloadSpec.JobList(jobs), window);
    }
    if (dto.jobs() instanceof JobsDto.Drawn drawn) {
      return drawn(drawn, path, context, window);
    }
    throw new IllegalStateException("unknown " + dto.jobs());
  }

  private static WorkloadSpec.Batch drawn(
      JobsDto.Drawn drawn, String path, Context context, WorkloadSpec.Window window) {
    Distribution cpu = Distributions.seconds(drawn.cpu(), path + ".jobs.cpu", context, true);
    if (drawn.count() == null || cpu == null) {
      return null;
    }
    int parallelism = drawn.parallelism() == null ? Defaults.JOB_PARALLELISM : drawn.parallelism();
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

  private static BatchJob job(JobsDto.JobDto dto, String path, Context context) {
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
    long submit = dto.submit() == null ? Defaults.JOB_SUBMIT_NANOS : dto.submit().nanos();
    return new BatchJob(SimDuration.ofNanos(submit), cpu, parallelism);
  }

  @Override
  public List<String> write(WorkloadSpec.Batch spec) {
    return List.of("jobs: " + jobs(spec.jobs()));
  }

  private static String jobs(WorkloadSpec.JobSource source) {
    if (source instanceof WorkloadSpec.JobDistribution drawn) {
      return "{count: "
          + drawn.count()
          + ", cpu: "
          + Distributions.written(drawn.cpuSeconds())
          + ", parallelism: "
          + drawn.parallelism()
          + "}";
    }
    StringJoiner list = new StringJoiner(", ", "[", "]");
    for (BatchJob job : ((WorkloadSpec.JobList) source).jobs()) {
      list.add(
          "{submit: "
              + Format.duration(job.submit().nanos())
              + ", cpu: "
              + Format.seconds(job.cpuSeconds())
              + ", parallelism: "
              + job.parallelism()
              + "}");
    }
    return list.toString();
  }
}
