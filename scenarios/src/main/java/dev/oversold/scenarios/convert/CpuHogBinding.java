package dev.oversold.scenarios.convert;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.dto.WorkloadDto;
import java.util.List;

/** cpu-hog in scenario files: {@code threads}, by default one per vCPU of the plan. */
final class CpuHogBinding implements WorkloadBinding<WorkloadSpec.CpuHog, WorkloadDto.CpuHog> {
  @Override
  public WorkloadKind<WorkloadSpec.CpuHog> kind() {
    return Workloads.ofType(WorkloadSpec.CpuHog.class);
  }

  @Override
  public Class<WorkloadDto.CpuHog> dtoType() {
    return WorkloadDto.CpuHog.class;
  }

  @Override
  public String keysDoc() {
    return "`threads` (the plan's vCPUs)";
  }

  @Override
  public WorkloadSpec.CpuHog convert(
      WorkloadDto.CpuHog dto, WorkloadSpec.Window window, String path, Context context, int vcpus) {
    int threads = dto.threads() == null ? vcpus : dto.threads();
    if (threads < 1) {
      context.error(path + ".threads", "threads must be at least 1", "a whole number >= 1");
      return null;
    }
    return new WorkloadSpec.CpuHog(threads, window);
  }

  @Override
  public List<String> write(WorkloadSpec.CpuHog spec) {
    return List.of("threads: " + spec.threads());
  }
}
