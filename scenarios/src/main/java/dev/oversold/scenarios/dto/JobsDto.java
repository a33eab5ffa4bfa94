package dev.oversold.scenarios.dto;

import dev.oversold.scenarios.units.TimeSpan;
import java.util.List;

/** Batch jobs: a list, or a count with a distribution of work. */
@Doc("Batch jobs: a list of jobs, or a count with a distribution of CPU work.")
// permits fixes the order of the schema and of error messages; inferred, it follows javac's
// order of meeting the classes.
public sealed interface JobsDto permits JobsDto.Listed, JobsDto.Drawn {
  /** {@code jobs: [{submit: 0s, cpu: 10s}, ...]}. */
  @Wrapper
  @Doc("Explicit jobs.")
  record Listed(List<JobDto> jobs) implements JobsDto {}

  /** {@code jobs: {count: 100, cpu: {...}}}: all submitted at the start. */
  @Doc("count jobs submitted at the start, CPU work drawn from a distribution.")
  record Drawn(
      @Required @Doc("Number of jobs.") Integer count,
      @Required @Doc("CPU work of one job, in time of the reference core.") TimeDistribution cpu,
      @Doc(value = "Threads of each job.", byDefault = "1") Integer parallelism)
      implements JobsDto {}

  /** One listed job. */
  @Doc("One batch job.")
  record JobDto(
      @Doc(value = "Submit time, from the workload's start.", byDefault = "0s") TimeSpan submit,
      @Required @Doc("CPU work in time of the reference core.") TimeSpan cpu,
      @Doc(value = "Threads.", byDefault = "1") Integer parallelism) {}
}
