package dev.oversold.scenarios.convert;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.dto.WorkloadDto;
import java.util.List;

/** idle in scenario files: no keys of its own. */
final class IdleBinding implements WorkloadBinding<WorkloadSpec.Idle, WorkloadDto.Idle> {
  @Override
  public WorkloadKind<WorkloadSpec.Idle> kind() {
    return Workloads.ofType(WorkloadSpec.Idle.class);
  }

  @Override
  public Class<WorkloadDto.Idle> dtoType() {
    return WorkloadDto.Idle.class;
  }

  @Override
  public String keysDoc() {
    return "nothing";
  }

  @Override
  public WorkloadSpec.Idle convert(
      WorkloadDto.Idle dto, WorkloadSpec.Window window, String path, Context context, int vcpus) {
    return new WorkloadSpec.Idle(window);
  }

  @Override
  public List<String> write(WorkloadSpec.Idle spec) {
    return List.of();
  }
}
