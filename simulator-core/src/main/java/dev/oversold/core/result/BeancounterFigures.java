package dev.oversold.core.result;

import java.util.Objects;

/**
 * One OpenVZ beancounter at the end of the run, as a line of /proc/user_beancounters: {@code
 * beancounters.NAME} of a tenant in report.json. Amounts are in the counter's unit (processes,
 * files, sockets, bytes, 4 KiB pages for privvmpages); 9223372036854775807 is unlimited.
 *
 * @param name the beancounter, e.g. {@code kmemsize}
 * @param held what the container holds at the end
 * @param maxHeld the most it held during the run
 * @param barrier where ordinary allocations start to fail
 * @param limit where every allocation fails
 * @param failCount allocations refused over the whole run
 */
public record BeancounterFigures(
    String name, long held, long maxHeld, long barrier, long limit, long failCount) {
  public BeancounterFigures {
    Objects.requireNonNull(name, "name");
    if (held < 0 || maxHeld < held || barrier > limit || failCount < 0) {
      throw new IllegalArgumentException(
          name
              + ": held "
              + held
              + ", maxheld "
              + maxHeld
              + ", barrier "
              + barrier
              + ", limit "
              + limit
              + ", failcnt "
              + failCount);
    }
  }
}
