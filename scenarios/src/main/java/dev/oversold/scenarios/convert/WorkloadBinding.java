package dev.oversold.scenarios.convert;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.scenarios.dto.WorkloadDto;
import java.util.List;

/**
 * The scenario-file half of one workload kind, keyed by the core's {@link WorkloadKind}: the DTO
 * the binder fills and the schema describes (its {@code @TypeName} must be the kind's name), how it
 * becomes the core spec, how the spec is written back, and its row of the docs table. The core
 * keeps no Jackson or tree types, so this half lives here; {@link WorkloadBindings} registers it
 * with one line and checks it against the core's registry.
 */
interface WorkloadBinding<S extends WorkloadSpec, D extends WorkloadDto> {
  /** The core's declaration of the kind. */
  WorkloadKind<S> kind();

  /** The DTO record of the kind in scenario files. */
  Class<D> dtoType();

  /** The "keys (defaults)" cell of the kind's row in docs/scenario-format.md. */
  String keysDoc();

  /**
   * The spec, or null after reporting why not in {@code context}.
   *
   * @param window the start and stop every kind takes, already checked
   * @param path the workload's key path, for error messages
   * @param vcpus the tenant plan's vCPUs (the cpu-hog's default thread count)
   */
  S convert(D dto, WorkloadSpec.Window window, String path, Context context, int vcpus);

  /** The kind's own keys as {@code key: value} YAML flow entries, every default explicit. */
  List<String> write(S spec);

  /** Converts after checking the DTO's type; the registry's only way in. */
  default WorkloadSpec convertAny(
      WorkloadDto dto, WorkloadSpec.Window window, String path, Context context, int vcpus) {
    return convert(dtoType().cast(dto), window, path, context, vcpus);
  }

  /** Writes after checking the spec's type. */
  default List<String> writeAny(WorkloadSpec spec) {
    return write(kind().specType().cast(spec));
  }
}
