package dev.oversold.core.kernel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A container's kernel objects on a shared kernel: each allocation must pass the container's own
 * beancounter (numproc, numfile) and then the host-wide table. A refusal by the beancounter counts
 * in the container's failcnt; a refusal by the full host table counts in the host table's failcnt
 * and is just as visible to the container, which is how one container's fork bomb can refuse
 * another's fork when beancounters are set too high.
 */
public final class ContainerKernel implements KernelObjects {
  private final HostKernel host;
  private final Map<KernelObject, KernelTable> beancounters = new EnumMap<>(KernelObject.class);

  /** {@code limits}: the beancounter limit per kind (Long.MAX_VALUE for unlimited). */
  public ContainerKernel(String name, HostKernel host, Map<KernelObject, Long> limits) {
    this.host = host;
    for (KernelObject kind : KernelObject.values()) {
      beancounters.put(
          kind,
          new KernelTable(
              name + "/" + kind.beancounter(), limits.getOrDefault(kind, Long.MAX_VALUE)));
    }
  }

  @Override
  public boolean allocate(KernelObject kind, int count) {
    KernelTable own = own(kind);
    if (!own.tryAcquire(count)) {
      return false;
    }
    if (!host.table(kind).tryAcquire(count)) {
      own.release(count);
      return false;
    }
    return true;
  }

  @Override
  public void release(KernelObject kind, int count) {
    KernelTable own = own(kind);
    long freed = Math.min(count, own.held());
    own.release(freed);
    host.table(kind).release(freed);
  }

  @Override
  public long held(KernelObject kind) {
    return own(kind).held();
  }

  @Override
  public KernelTable own(KernelObject kind) {
    return Objects.requireNonNull(beancounters.get(kind), kind::name);
  }
}
