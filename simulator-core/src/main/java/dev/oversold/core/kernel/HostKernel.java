package dev.oversold.core.kernel;

import dev.oversold.core.model.HostSpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The host kernel's tables: pid, file and conntrack, sized by the host options. Containers (and
 * bare-metal process groups) allocate from them; VM guests never do (their objects live in the
 * guest kernel; the host holds only each VM's QEMU process, which the model does not count).
 */
public final class HostKernel {
  private final Map<KernelObject, KernelTable> tables = new EnumMap<>(KernelObject.class);

  public HostKernel(HostSpec host) {
    var options = host.options();
    tables.put(
        KernelObject.PROCESS,
        new KernelTable(host.name() + "/pid", (long) options.get(KernelKnobs.PID_MAX)));
    tables.put(
        KernelObject.FILE,
        new KernelTable(host.name() + "/file", (long) options.get(KernelKnobs.FILE_MAX)));
    tables.put(
        KernelObject.CONNTRACK,
        new KernelTable(host.name() + "/conntrack", (long) options.get(KernelKnobs.CONNTRACK_MAX)));
  }

  public KernelTable table(KernelObject kind) {
    return Objects.requireNonNull(tables.get(kind), kind::name);
  }

  public void checkInvariants() {
    tables.values().forEach(KernelTable::checkInvariants);
  }
}
