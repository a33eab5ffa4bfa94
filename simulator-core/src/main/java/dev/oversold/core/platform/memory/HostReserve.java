package dev.oversold.core.platform.memory;

/**
 * RAM a Linux KVM host keeps from its tenants by default (OpenVZ and bare metal keep a flat 512 MiB
 * until reclaim has locality; see SharedKernelMemoryPolicy), sized as a real host is: the kernel's
 * page descriptors plus the host's own services.
 */
public final class HostReserve {
  /**
   * Host services (init, sshd, libvirtd or vz daemons, monitoring): 512 MiB, OpenStack Nova's
   * {@code reserved_host_memory_mb} default (documented assumption for every Linux host).
   */
  static final long SERVICES_BYTES = 512L << 20;

  /**
   * The kernel's memory map: one 64-byte {@code struct page} per 4 KiB page frame, 1/64 of RAM that
   * never reaches MemTotal (include/linux/mm_types.h; x86-64 without debug options).
   */
  static final long MEMMAP_DIVISOR = 4096 / 64;

  private HostReserve() {}

  /** Bytes a Linux host with {@code ramBytes} of RAM keeps for itself by default. */
  public static long linuxBytes(long ramBytes) {
    return SERVICES_BYTES + ramBytes / MEMMAP_DIVISOR;
  }

  /** The host option when given ({@code configured} not NaN), else the default for this RAM. */
  public static long bytes(double configured, long ramBytes) {
    return Double.isNaN(configured) ? linuxBytes(ramBytes) : (long) configured;
  }
}
