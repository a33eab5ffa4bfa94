package dev.oversold.core.kernel;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import java.util.List;

/** Host options and OpenVZ beancounter overrides for kernel tables, with their sources. */
public final class KernelKnobs {
  private KernelKnobs() {}

  /**
   * kernel.pid_max: the host's process table. 32768 is the Linux default [M kernel/pid.c]; the
   * OpenVZ wiki warns that past ~16000 processes a host responds poorly and past ~32000 is likely
   * to hang [R wiki UBC primary parameters].
   */
  public static final Knob PID_MAX =
      new Knob(
          "pid-max",
          KnobKind.COUNT,
          32_768,
          301,
          4_194_304,
          "host process table size, kernel.pid_max (Linux default 32768)");

  public static final Knob FILE_MAX =
      new Knob(
          "file-max",
          KnobKind.COUNT,
          262_144,
          8_192,
          1e9,
          "host file table size, fs.file-max (262144 as OpenVZ ships) [R]");

  public static final Knob CONNTRACK_MAX =
      new Knob(
          "nf-conntrack-max",
          KnobKind.COUNT,
          500_000,
          1_024,
          1e9,
          "host connection tracking table, net.nf_conntrack_max (500000 as OpenVZ ships) [R]");

  /** Host options of platforms whose tenants share the host kernel. */
  public static final List<Knob> HOST_TABLES = List.of(PID_MAX, FILE_MAX, CONNTRACK_MAX);

  public static final Knob NUMPROC =
      new Knob(
          "numproc",
          KnobKind.COUNT,
          Double.NaN,
          1,
          1e9,
          "UBC numproc limit: processes and threads of the container (overrides plan"
              + " processes.limit) [R wiki UBC_parameters]");

  public static final Knob NUMFILE =
      new Knob(
          "numfile",
          KnobKind.COUNT,
          Double.NaN,
          1,
          1e9,
          "UBC numfile limit: open files of the container (default unlimited, as vSwap configs"
              + " ship) [R wiki UBC_parameters]");

  /** OpenVZ native plan knobs for beancounters. */
  public static final List<Knob> BEANCOUNTERS = List.of(NUMPROC, NUMFILE);
}
