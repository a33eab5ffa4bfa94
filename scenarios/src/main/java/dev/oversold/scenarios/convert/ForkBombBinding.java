package dev.oversold.scenarios.convert;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.Format;
import java.util.List;

/** fork-bomb in scenario files: a required fork {@code rate} and {@code process-memory}. */
final class ForkBombBinding
    implements WorkloadBinding<WorkloadSpec.ForkBomb, WorkloadDto.ForkBomb> {
  @Override
  public WorkloadKind<WorkloadSpec.ForkBomb> kind() {
    return Workloads.ofType(WorkloadSpec.ForkBomb.class);
  }

  @Override
  public Class<WorkloadDto.ForkBomb> dtoType() {
    return WorkloadDto.ForkBomb.class;
  }

  @Override
  public String keysDoc() {
    return "`rate` (`/s`, required), `process-memory` (2MiB)";
  }

  @Override
  public WorkloadSpec.ForkBomb convert(
      WorkloadDto.ForkBomb dto,
      WorkloadSpec.Window window,
      String path,
      Context context,
      int vcpus) {
    if (dto.rate() == null || !context.positiveRate(dto.rate().value(), path, "e.g. 50/s")) {
      return null;
    }
    long memory =
        dto.processMemory() == null
            ? Defaults.FORK_PROCESS_MEMORY_BYTES
            : dto.processMemory().bytes();
    return new WorkloadSpec.ForkBomb(dto.rate().value(), memory, window);
  }

  @Override
  public List<String> write(WorkloadSpec.ForkBomb spec) {
    return List.of(
        "rate: " + Format.rate(spec.forksPerSecond()),
        "process-memory: " + Format.bytes(spec.processMemoryBytes()));
  }
}
