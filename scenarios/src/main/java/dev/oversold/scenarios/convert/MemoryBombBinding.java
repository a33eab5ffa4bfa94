package dev.oversold.scenarios.convert;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.Format;
import java.util.List;

/** memory-bomb in scenario files: a required allocation {@code rate}. */
final class MemoryBombBinding
    implements WorkloadBinding<WorkloadSpec.MemoryBomb, WorkloadDto.MemoryBomb> {
  @Override
  public WorkloadKind<WorkloadSpec.MemoryBomb> kind() {
    return Workloads.ofType(WorkloadSpec.MemoryBomb.class);
  }

  @Override
  public Class<WorkloadDto.MemoryBomb> dtoType() {
    return WorkloadDto.MemoryBomb.class;
  }

  @Override
  public String keysDoc() {
    return "`rate` (byte rate, required)";
  }

  @Override
  public WorkloadSpec.MemoryBomb convert(
      WorkloadDto.MemoryBomb dto,
      WorkloadSpec.Window window,
      String path,
      Context context,
      int vcpus) {
    if (dto.rate() == null || !context.positiveRate(dto.rate().value(), path, "e.g. 200MiB/s")) {
      return null;
    }
    return new WorkloadSpec.MemoryBomb(dto.rate().value(), window);
  }

  @Override
  public List<String> write(WorkloadSpec.MemoryBomb spec) {
    return List.of("rate: " + Format.byteRate(spec.bytesPerSecond()));
  }
}
