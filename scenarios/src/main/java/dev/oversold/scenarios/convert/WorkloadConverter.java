package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.scenarios.dto.WorkloadDto;

/**
 * Converts a workload DTO to the core's {@link WorkloadSpec}: the window every kind shares here,
 * the rest by the kind's {@link WorkloadBinding}.
 */
final class WorkloadConverter {
  private final Context context;

  WorkloadConverter(Context context) {
    this.context = context;
  }

  /** The workload, or null after reporting why not. {@code vcpus} is the tenant plan's. */
  WorkloadSpec convert(WorkloadDto dto, String path, int vcpus) {
    WorkloadBinding<?, ?> binding = WorkloadBindings.of(dto);
    WorkloadSpec.Window window = window(dto, path);
    if (window == null) {
      return null;
    }
    return binding.convertAny(dto, window, path, context, vcpus);
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
}
