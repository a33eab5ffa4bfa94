package dev.oversold.benchmarks.peer;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The time-shared workload both simulators run: {@code vms} single-core VMs, 100 to a 100-core
 * host, each running {@code cloudlets} CPU-bound jobs submitted at time 0 and processor-shared on
 * its one core. Job lengths are whole milliseconds of one reference core, 1 s + U[0, 100 s), so
 * that CloudSim Plus (lengths in million instructions on 1,000-MIPS cores) and Oversold (CPU time
 * in a scenario file) are given exactly the same work.
 */
public record PeerWorkload(int vms, int cloudlets, long[][] lengthsMs) {
  /** VMs per host: 100 cores per host, one VM per core. */
  public static final int VMS_PER_HOST = 100;

  public PeerWorkload {
    if (vms % VMS_PER_HOST != 0 || cloudlets < 1 || lengthsMs.length != vms) {
      throw new IllegalArgumentException("vms must be a multiple of 100, cloudlets >= 1");
    }
  }

  /** Lengths drawn from a fixed seed, so every run and both simulators see the same jobs. */
  public static PeerWorkload generate(int vms, int cloudlets, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[][] lengths = new long[vms][cloudlets];
    for (long[] vm : lengths) {
      for (int j = 0; j < cloudlets; j++) {
        vm[j] = 1_000 + random.nextLong(100_000);
      }
    }
    return new PeerWorkload(vms, cloudlets, lengths);
  }

  public int hosts() {
    return vms / VMS_PER_HOST;
  }

  /**
   * Exact processor-sharing finish times of one VM's jobs on one core, in seconds, in ascending
   * order: with lengths sorted, job k finishes when every shorter job has, and in between the n - k
   * unfinished jobs each get 1/(n - k) of the core: f_k = f_{k-1} + (l_k - l_{k-1}) (n - k).
   */
  public double[] exactFinishSeconds(int vm) {
    long[] sorted = lengthsMs[vm].clone();
    Arrays.sort(sorted);
    double[] finish = new double[sorted.length];
    double previousLength = 0;
    double previousFinish = 0;
    for (int k = 0; k < sorted.length; k++) {
      previousFinish += (sorted[k] / 1000.0 - previousLength) * (sorted.length - k);
      previousLength = sorted[k] / 1000.0;
      finish[k] = previousFinish;
    }
    return finish;
  }

  /** The same workload as an Oversold scenario file: bare-metal hosts, one batch tenant per VM. */
  public String scenarioYaml() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("scenario: peer-time-shared\n")
        .append("description: CloudSim Plus peer workload, ")
        .append(vms)
        .append(" single-core VMs x ")
        .append(cloudlets)
        .append(" jobs, processor-shared.\n")
        .append("duration: ")
        .append(cloudlets * 101 + 10)
        .append("s\n")
        .append("hosts:\n");
    for (int h = 1; h <= hosts(); h++) {
      yaml.append("  - { name: host-")
          .append(h)
          .append(", platform: bare-metal, cpu: { cores: ")
          .append(VMS_PER_HOST)
          .append(" }, memory: { ram: 512GiB } }\n");
    }
    yaml.append("plans:\n  vm: { vcpus: 1, memory: { ram: 1GiB } }\ntenants:\n");
    for (int v = 0; v < vms; v++) {
      yaml.append("  - { name: vm-")
          .append(v + 1)
          .append(", host: host-")
          .append(v / VMS_PER_HOST + 1)
          .append(", plan: vm, workload: { kind: batch, jobs: [");
      for (int j = 0; j < cloudlets; j++) {
        yaml.append(j == 0 ? " " : ", ")
            .append(String.format(Locale.ROOT, "{ submit: 0s, cpu: %dms }", lengthsMs[v][j]));
      }
      yaml.append(" ] } }\n");
    }
    yaml.append("report: { baseline: none, interference: none }\n");
    return yaml.toString();
  }
}
