package dev.oversold.core.kernel;

/**
 * The OpenVZ user beancounters the model keeps beyond numproc and numfile, with the unit each is
 * accounted in [R wiki UBC_parameters]. privvmpages is kept in bytes and shown in 4 KiB pages, as
 * /proc/user_beancounters shows it.
 */
public enum UbcResource {
  /** Unswappable kernel memory of the container's processes, files and sockets, in bytes. */
  KMEMSIZE("kmemsize", 1),
  /** Memory the container's processes allocated (resident or not), shown in 4 KiB pages. */
  PRIVVMPAGES("privvmpages", 4096),
  /** TCP sockets. */
  NUMTCPSOCK("numtcpsock", 1),
  /** Bytes in TCP send buffers. */
  TCPSNDBUF("tcpsndbuf", 1),
  /** Bytes in TCP receive buffers. */
  TCPRCVBUF("tcprcvbuf", 1),
  /**
   * Bytes in the send buffers of UDP and other datagram sockets, and of local (UNIX) connections [R
   * wiki UBC_secondary_parameters: othersockbuf].
   */
  OTHERSOCKBUF("othersockbuf", 1),
  /**
   * Bytes of datagrams (UDP and other datagram protocols) waiting in receive buffers [R wiki
   * UBC_secondary_parameters: dgramrcvbuf].
   */
  DGRAMRCVBUF("dgramrcvbuf", 1),
  /**
   * Sockets other than TCP: UDP (a DNS or netperf UDP_RR server's socket) and UNIX-domain ones [R
   * wiki UBC_primary_parameters: numothersock].
   */
  NUMOTHERSOCK("numothersock", 1);

  private final String beancounter;
  private final long unitBytes;

  UbcResource(String beancounter, long unitBytes) {
    this.beancounter = beancounter;
    this.unitBytes = unitBytes;
  }

  /** The name in /proc/user_beancounters and in scenario files. */
  public String beancounter() {
    return beancounter;
  }

  /** Accounted amounts per shown unit: 4096 for privvmpages (pages), 1 for the others. */
  public long unitBytes() {
    return unitBytes;
  }
}
