package dev.oversold.core.platform.vmware;

/**
 * ESXi per-VM overhead memory (6.5/6.7 table, MB): 1 vCPU: 20.29 at 256 MB, 25.90 at 1 GB, 48.64 at
 * 4 GB, 139.62 at 16 GB; 8 vCPU at 16 GB: 168.60. Linear between the 1-vCPU points (and along the
 * last segment beyond), plus (168.60 - 139.62) / 7 = 4.14 MB per vCPU after the first.
 */
public final class EsxiOverhead {
  private static final double[] RAM_MB = {256, 1024, 4096, 16384};
  private static final double[] OVERHEAD_MB = {20.29, 25.90, 48.64, 139.62};
  static final double PER_EXTRA_VCPU_MB = (168.60 - 139.62) / 7;

  private EsxiOverhead() {}

  /** Overhead in MB (MiB) of a VM with {@code ramMb} configured and {@code vcpus}. */
  public static double megabytes(double ramMb, int vcpus) {
    int segment = 0;
    while (segment < RAM_MB.length - 2 && ramMb > RAM_MB[segment + 1]) {
      segment++;
    }
    double x0 = RAM_MB[segment];
    double x1 = RAM_MB[segment + 1];
    double y0 = OVERHEAD_MB[segment];
    double y1 = OVERHEAD_MB[segment + 1];
    double base = y0 + (y1 - y0) * (ramMb - x0) / (x1 - x0);
    return Math.max(OVERHEAD_MB[0] * 0.5, base) + PER_EXTRA_VCPU_MB * (vcpus - 1);
  }

  public static long bytes(long ramBytes, int vcpus) {
    return (long) Math.ceil(megabytes(ramBytes / 1048576.0, vcpus) * 1048576.0);
  }
}
