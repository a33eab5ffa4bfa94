package dev.oversold.scenarios.units;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The unit tables: each unit's factor to the canonical unit of its family. */
public final class Units {
  private Units() {}

  /** Time units to seconds. */
  static final Map<String, BigDecimal> TIME = table("ns", "1e-9", "us", "1e-6", "µs", "1e-6");

  static {
    TIME.putAll(table("ms", "1e-3", "s", "1", "m", "60", "h", "3600", "d", "86400"));
  }

  /** Byte units to bytes: binary (KiB) and decimal (KB) prefixes. */
  static final Map<String, BigDecimal> BYTES =
      table("B", "1", "KiB", "1024", "MiB", "1048576", "GiB", "1073741824", "TiB", "1099511627776");

  static {
    BYTES.putAll(table("KB", "1e3", "MB", "1e6", "GB", "1e9", "TB", "1e12"));
  }

  /** Bit units to bytes (decimal prefixes, as network line rates are quoted). */
  static final Map<String, BigDecimal> BITS =
      table("bit", "0.125", "Kbit", "125", "Mbit", "125e3", "Gbit", "125e6", "Tbit", "125e9");

  public static final String TIME_UNITS = "a duration with a unit: ns us ms s m h d, e.g. 250ms";
  public static final String BYTE_UNITS =
      "a size with a unit: B KiB MiB GiB TiB or KB MB GB TB, e.g. 512MiB";
  public static final String BYTE_RATE_UNITS =
      "a rate in bytes or bits per second: B/s KiB/s MiB/s GiB/s KB/s MB/s GB/s or"
          + " bit/s Kbit/s Mbit/s Gbit/s, e.g. 100MB/s or 1Gbit/s";
  public static final String RATE_UNITS = "a rate per second, e.g. 20/s";
  public static final String PERCENT_UNITS = "a percentage, e.g. 50% or 400%";

  private static Map<String, BigDecimal> table(String... pairs) {
    Map<String, BigDecimal> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], new BigDecimal(pairs[i + 1]));
    }
    return map;
  }
}
