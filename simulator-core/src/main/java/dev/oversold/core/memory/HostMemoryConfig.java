package dev.oversold.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A host's memory as its platform sets it up.
 *
 * @param ramBytes physical RAM
 * @param swapBytes the host's swap (for ESXi: the per-VM swap files together)
 * @param reservedBytes RAM the host keeps for itself (host kernel, dom0, hypervisor)
 * @param vswapFaultNanos OpenVZ vSwap slowdown per page moved in or out of virtual swap
 * @param decompressNanos ESXi: time to decompress one page on access
 * @param compressedFraction ESXi: host RAM a compressed page still takes, as a fraction of a page
 * @param reclaimer what the host does when short
 */
public record HostMemoryConfig(
    long ramBytes,
    long swapBytes,
    long reservedBytes,
    long vswapFaultNanos,
    long decompressNanos,
    double compressedFraction,
    HostReclaimer reclaimer) {

  public HostMemoryConfig {
    checkArgument(ramBytes > 0, "ram must be > 0");
    checkArgument(swapBytes >= 0 && reservedBytes >= 0, "bytes must be >= 0");
    checkArgument(vswapFaultNanos >= 0 && decompressNanos >= 0, "delays must be >= 0");
    checkArgument(compressedFraction > 0 && compressedFraction <= 1, "compressed fraction (0,1]");
    checkArgument(reclaimer != null, "reclaimer");
  }

  /** A Linux-like host with no special costs: for tests. */
  public static HostMemoryConfig simple(long ramBytes, long swapBytes, HostReclaimer reclaimer) {
    return new HostMemoryConfig(ramBytes, swapBytes, 0, 0, 0, 0.5, reclaimer);
  }

  public long ramPages() {
    return Pages.floor(ramBytes);
  }

  public long swapPages() {
    return Pages.floor(swapBytes);
  }

  public long reservedPages() {
    return Pages.of(reservedBytes);
  }
}
