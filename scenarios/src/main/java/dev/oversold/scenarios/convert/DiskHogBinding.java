package dev.oversold.scenarios.convert;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.model.WorkloadSpec.DiskPattern;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.bind.Shapes;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.Format;
import java.util.ArrayList;
import java.util.List;

/** disk-hog in scenario files: {@code threads}, {@code pattern} and {@code block}. */
final class DiskHogBinding implements WorkloadBinding<WorkloadSpec.DiskHog, WorkloadDto.DiskHog> {
  @Override
  public WorkloadKind<WorkloadSpec.DiskHog> kind() {
    return Workloads.ofType(WorkloadSpec.DiskHog.class);
  }

  @Override
  public Class<WorkloadDto.DiskHog> dtoType() {
    return WorkloadDto.DiskHog.class;
  }

  @Override
  public String keysDoc() {
    return "`threads` (1), `pattern` (`sequential-write`; or `sequential-read`, `random-read`,"
        + " `random-write`), `block` (1MiB sequential, 4KiB random), `io` (`direct`; or"
        + " `buffered`: through the page cache, sequential-read only)";
  }

  @Override
  public WorkloadSpec.DiskHog convert(
      WorkloadDto.DiskHog dto,
      WorkloadSpec.Window window,
      String path,
      Context context,
      int vcpus) {
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
    long block = dto.block() == null ? fallback : dto.block().bytes();
    if (block < 512) {
      context.error(
          path + ".block", "block of " + block + " B is below one 512 B sector", "at least 512B");
      return null;
    }
    WorkloadSpec.DiskIo io = dto.io() == null ? WorkloadSpec.DiskIo.DIRECT : dto.io();
    if (io == WorkloadSpec.DiskIo.BUFFERED && pattern != DiskPattern.SEQUENTIAL_READ) {
      context.error(
          path + ".io",
          "buffered I/O reads one file through the page cache once, so it needs pattern"
              + " sequential-read (was "
              + pattern.id()
              + ")",
          "io: direct, or pattern: sequential-read");
      return null;
    }
    return new WorkloadSpec.DiskHog(threads, pattern, block, io, window);
  }

  @Override
  public List<String> write(WorkloadSpec.DiskHog spec) {
    List<String> lines = new ArrayList<>();
    lines.add("threads: " + spec.threads());
    lines.add("pattern: " + spec.pattern().id());
    lines.add("block: " + Format.bytes(spec.blockBytes()));
    if (spec.io() != WorkloadSpec.DiskIo.DIRECT) {
      lines.add("io: " + Shapes.enumId(spec.io())); // the default is left out, as files had it
    }
    return lines;
  }
}
