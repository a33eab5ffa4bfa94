package dev.oversold.core.kernel;

/**
 * Kernel objects a tenant allocates, each counted in a table with a capacity. The names are the
 * OpenVZ user beancounters that limit them per container, where one exists [R wiki UBC_parameters].
 */
public enum KernelObject {
  /** Processes and threads (pid table; UBC numproc). */
  PROCESS("numproc"),
  /** Open files (file table, fs.file-max; UBC numfile). */
  FILE("numfile"),
  /** Tracked connections (nf_conntrack table; no per-container beancounter). */
  CONNTRACK("conntrack");

  private final String beancounter;

  KernelObject(String beancounter) {
    this.beancounter = beancounter;
  }

  /** The beancounter name as in /proc/user_beancounters. */
  public String beancounter() {
    return beancounter;
  }
}
