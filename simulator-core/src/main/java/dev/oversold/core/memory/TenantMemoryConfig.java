package dev.oversold.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How one tenant's memory is held on its host, as its platform maps the plan.
 *
 * @param ramBytes RAM the tenant may keep resident (OpenVZ physpages, guest RAM, or the balloon
 *     target a Xen guest starts at)
 * @param swapBytes the tenant's own swap (OpenVZ swappages/vSwap, the guest's swap device)
 * @param overheadBytes host RAM the tenant costs besides its pages (ESXi per-VM overhead, QEMU)
 * @param reservationBytes host RAM never reclaimed from it (ESXi reservation); 0 for none
 * @param shares relative claim on host memory under reclaim (ESXi shares); 1 elsewhere
 * @param kind where its pages live
 * @param oomGuardBytes the global OOM killer spares the tenant while it holds no more than this
 *     (OpenVZ oomguarpages); 0 for no guarantee
 * @param overheadFraction host RAM the tenant's overhead grows by per page of it the host backs
 *     (KVM: the host's page tables, 1/512); 0 for a fixed overhead
 */
public record TenantMemoryConfig(
    long ramBytes,
    long swapBytes,
    long overheadBytes,
    long reservationBytes,
    double shares,
    Kind kind,
    long oomGuardBytes,
    double overheadFraction) {

  /** A tenant whose overhead does not grow. */
  public TenantMemoryConfig(
      long ramBytes,
      long swapBytes,
      long overheadBytes,
      long reservationBytes,
      double shares,
      Kind kind,
      long oomGuardBytes) {
    this(ramBytes, swapBytes, overheadBytes, reservationBytes, shares, kind, oomGuardBytes, 0);
  }

  /** A tenant without an OOM guarantee. */
  public TenantMemoryConfig(
      long ramBytes,
      long swapBytes,
      long overheadBytes,
      long reservationBytes,
      double shares,
      Kind kind) {
    this(ramBytes, swapBytes, overheadBytes, reservationBytes, shares, kind, 0);
  }

  public TenantMemoryConfig {
    checkArgument(oomGuardBytes >= 0, "oom guarantee must be >= 0");
    checkArgument(ramBytes > 0, "ram must be > 0");
    checkArgument(swapBytes >= 0 && overheadBytes >= 0 && reservationBytes >= 0, "bytes >= 0");
    checkArgument(shares > 0 && Double.isFinite(shares), "shares must be > 0");
    checkArgument(kind != null, "kind");
    checkArgument(overheadFraction >= 0 && overheadFraction < 1, "overhead fraction in [0, 1)");
  }

  /** Where a tenant's pages live. */
  public enum Kind {
    /**
     * A container of a shared kernel with virtual swap (OpenVZ vSwap): pages past RAM stay in host
     * RAM and the container is slowed down instead; they reach the host's real swap only when the
     * host itself is short.
     */
    CONTAINER_VIRTUAL_SWAP(false, true, false),
    /**
     * A process group of a shared kernel (bare metal, cgroup limits): its swap is the host swap.
     */
    PROCESS_GROUP(false, false, true),
    /**
     * A VM whose RAM the host backs on first touch (KVM, ESXi): guest swap is on its virtual disk;
     * pages the guest freed stay backed by the host until a balloon returns them.
     */
    VM_ON_DEMAND(true, false, false),
    /**
     * A VM whose RAM is fully allocated at creation (Xen): partitioned, never reclaimed by host.
     */
    VM_PARTITIONED(true, false, false);

    private final boolean guestKernel;
    private final boolean virtualSwap;
    private final boolean swapOnHost;

    Kind(boolean guestKernel, boolean virtualSwap, boolean swapOnHost) {
      this.guestKernel = guestKernel;
      this.virtualSwap = virtualSwap;
      this.swapOnHost = swapOnHost;
    }

    /** Its own kernel (a VM) rather than a share of the host's. */
    public boolean guestKernel() {
      return guestKernel;
    }

    /** Swap past RAM is virtual (host RAM) rather than I/O. */
    public boolean virtualSwap() {
      return virtualSwap;
    }

    /** Its swap pages occupy the host's swap device. */
    public boolean swapOnHost() {
      return swapOnHost;
    }
  }
}
