package dev.oversold.core.kernel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A VM's private guest kernel: its own pid, file and conntrack tables. Nothing a guest allocates
 * touches the host's tables or another guest's, so a fork storm inside one VM can only exhaust that
 * VM's table.
 */
public final class GuestKernel implements KernelObjects {
  private final Map<KernelObject, KernelTable> tables = new EnumMap<>(KernelObject.class);

  public GuestKernel(String name, Map<KernelObject, Long> capacities) {
    for (KernelObject kind : KernelObject.values()) {
      Long capacity = capacities.get(kind);
      if (capacity == null) {
        throw new IllegalArgumentException(name + ": no capacity for " + kind);
      }
      tables.put(kind, new KernelTable(name + "/guest-" + kind.beancounter(), capacity));
    }
  }

  @Override
  public boolean allocate(KernelObject kind, int count) {
    return own(kind).tryAcquire(count);
  }

  @Override
  public void release(KernelObject kind, int count) {
    own(kind).release(count);
  }

  @Override
  public long held(KernelObject kind) {
    return own(kind).held();
  }

  @Override
  public KernelTable own(KernelObject kind) {
    return Objects.requireNonNull(tables.get(kind), kind::name);
  }
}
