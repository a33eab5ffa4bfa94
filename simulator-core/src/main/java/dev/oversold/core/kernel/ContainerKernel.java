package dev.oversold.core.kernel;

import dev.oversold.core.result.BeancounterFigures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's kernel objects on a shared kernel: each allocation must pass the container's own
 * beancounters (numproc, numfile, and the kernel memory each object charges to kmemsize) and then
 * the host-wide table. A refusal by a beancounter counts in its failcnt; a refusal by the full host
 * table counts in the host table's failcnt and is just as visible to the container, which is how
 * one container's fork bomb can refuse another's fork when beancounters are set too high.
 */
public final class ContainerKernel implements KernelObjects {
  private final HostKernel host;
  private final Map<KernelObject, KernelTable> beancounters = new EnumMap<>(KernelObject.class);
  private final Beancounters ubc;
  private final boolean reported;

  /**
   * {@code limits}: the beancounter limit per kind (Long.MAX_VALUE for unlimited); the other
   * beancounters unlimited and not reported (bare-metal process groups).
   */
  public ContainerKernel(String name, HostKernel host, Map<KernelObject, Long> limits) {
    this(name, host, limits, Beancounters.unlimited(name), false);
  }

  /** An OpenVZ container: {@code ubc} are its other beancounters; all of them are reported. */
  public ContainerKernel(
      String name, HostKernel host, Map<KernelObject, Long> limits, Beancounters ubc) {
    this(name, host, limits, ubc, true);
  }

  private ContainerKernel(
      String name,
      HostKernel host,
      Map<KernelObject, Long> limits,
      Beancounters ubc,
      boolean reported) {
    this.host = host;
    this.ubc = ubc;
    this.reported = reported;
    for (KernelObject kind : KernelObject.values()) {
      beancounters.put(
          kind,
          new KernelTable(
              name + "/" + kind.beancounter(), limits.getOrDefault(kind, Long.MAX_VALUE)));
    }
  }

  @Override
  public boolean allocate(KernelObject kind, int count) {
    // Kernel memory first, as fork allocates the task before it charges numproc
    // (dup_task_struct, then the numproc check in copy_process) [M kernel/fork.c].
    if (!chargeKernelMemory(kind, count)) {
      return false;
    }
    KernelTable own = own(kind);
    if (!own.tryAcquire(count)) {
      unchargeKernelMemory(kind, count);
      return false;
    }
    if (!host.table(kind).tryAcquire(count)) {
      unchargeKernelMemory(kind, count);
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
    unchargeKernelMemory(kind, freed);
    host.table(kind).release(freed);
  }

  private boolean chargeKernelMemory(KernelObject kind, long count) {
    return switch (kind) {
      case PROCESS -> ubc.chargeProcesses(count);
      case FILE -> ubc.chargeFiles(count);
      case CONNTRACK -> true;
    };
  }

  private void unchargeKernelMemory(KernelObject kind, long count) {
    switch (kind) {
      case PROCESS -> ubc.unchargeProcesses(count);
      case FILE -> ubc.unchargeFiles(count);
      case CONNTRACK -> {}
    }
  }

  @Override
  public long held(KernelObject kind) {
    return own(kind).held();
  }

  @Override
  public KernelTable own(KernelObject kind) {
    return Objects.requireNonNull(beancounters.get(kind), kind::name);
  }

  /** The container's beancounters beyond numproc and numfile. */
  public Beancounters ubc() {
    return ubc;
  }

  @Override
  public boolean openSocket(long responseBytes) {
    return ubc.openSocket(responseBytes);
  }

  @Override
  public void closeSocket(long responseBytes) {
    ubc.closeSocket(responseBytes);
  }

  @Override
  public boolean openDatagramSocket() {
    return ubc.openDatagramSocket();
  }

  @Override
  public void closeDatagramSocket() {
    ubc.closeDatagramSocket();
  }

  @Override
  public boolean queueDatagrams(long responseBytes) {
    return ubc.queueDatagrams(responseBytes);
  }

  @Override
  public void dequeueDatagrams(long responseBytes) {
    ubc.dequeueDatagrams(responseBytes);
  }

  @Override
  public boolean chargeAllocation(long bytes) {
    return ubc.chargePrivate(bytes);
  }

  @Override
  public void unchargeAllocation(long bytes) {
    ubc.unchargePrivate(bytes);
  }

  @Override
  public List<BeancounterFigures> beancounters() {
    if (!reported) {
      return List.of();
    }
    List<BeancounterFigures> figures = new ArrayList<>();
    figures.add(countFigures(KernelObject.PROCESS));
    figures.add(countFigures(KernelObject.FILE));
    figures.addAll(ubc.figures());
    return figures;
  }

  /** numproc or numfile: barrier = limit, as the wiki advises for them. */
  private BeancounterFigures countFigures(KernelObject kind) {
    KernelTable table = own(kind);
    return new BeancounterFigures(
        kind.beancounter(),
        table.held(),
        table.maxHeld(),
        table.limit(),
        table.limit(),
        table.failCount());
  }
}
