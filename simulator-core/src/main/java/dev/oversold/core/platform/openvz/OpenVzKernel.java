package dev.oversold.core.platform.openvz;

import dev.oversold.core.kernel.BarrierLimit;
import dev.oversold.core.kernel.BeancounterKnobs;
import dev.oversold.core.kernel.Beancounters;
import dev.oversold.core.kernel.ContainerKernel;
import dev.oversold.core.kernel.HostKernel;
import dev.oversold.core.kernel.KernelObjects;
import dev.oversold.core.kernel.KernelPolicy;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import java.util.List;

/**
 * OpenVZ containers on the shared kernel with their user beancounters: numproc and numfile as on
 * every shared kernel, plus kmemsize, privvmpages, numtcpsock, tcpsndbuf and tcprcvbuf from the
 * plan's native knobs (unlimited unless given, as vSwap configs ship), all reported with their
 * failcnt.
 */
final class OpenVzKernel implements KernelPolicy {
  @Override
  public KernelObjects tenantKernel(HostKernel host, HostSpec hostSpec, TenantSpec tenant) {
    return new ContainerKernel(
        tenant.name(),
        host,
        KernelPolicy.containerLimits(tenant),
        Beancounters.of(tenant.name(), tenant.plan().nativeKnobs()));
  }

  @Override
  public List<BarrierLimit> barrierLimits() {
    return BeancounterKnobs.PAIRS;
  }
}
