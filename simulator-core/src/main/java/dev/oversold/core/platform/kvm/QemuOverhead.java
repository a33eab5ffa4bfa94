package dev.oversold.core.platform.kvm;

/**
 * Host RAM a KVM guest costs besides its own pages: a fixed part resident from start (the QEMU
 * process: binary, heap, device emulation, one thread stack and state per vCPU, VGA memory) and a
 * part that grows with the guest RAM the host backs (the host's page tables and EPT for it). The
 * figures are oVirt's per-VM estimate (ovirt-engine VmUtils.getTotalRequiredMemoryInMb: 64 MiB
 * fixed, 8 MiB per vCPU, guest RAM / 512 for page tables, plus video RAM), here with QEMU's default
 * 16 MiB VGA memory (vgamem_mb).
 */
public final class QemuOverhead {
  static final long FIXED_BYTES = 64L << 20;
  static final long PER_VCPU_BYTES = 8L << 20;
  static final long VIDEO_BYTES = 16L << 20;

  /** Host page-table bytes per byte of backed guest RAM: one 8-byte entry per 4 KiB page. */
  public static final double PAGE_TABLE_FRACTION = 1 / 512.0;

  private QemuOverhead() {}

  /** What a VM with {@code vcpus} keeps resident from the instant it starts. */
  public static long fixedBytes(int vcpus) {
    return FIXED_BYTES + PER_VCPU_BYTES * vcpus + VIDEO_BYTES;
  }
}
