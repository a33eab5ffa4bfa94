package dev.oversold.core.kernel;

/**
 * What each kernel object charges to a container's beancounters, with sources. The UBC kernel
 * charges the real slab and buffer sizes; the model charges one documented size per object.
 */
public final class KernelObjectSizes {
  private KernelObjectSizes() {}

  /**
   * kmemsize per process, bytes: 40 KiB, the per-process figure of the UBC consistency rule
   * kmemsize.barrier >= 40 KiB x avnumproc + dcachesize.limit [R wiki UBC_consistency_check]; the
   * wiki gives 24 KiB at minimum and 30-60 KiB typically [R wiki UBC_secondary_parameters].
   */
  public static final long PROCESS_KMEM_BYTES = 40L * 1024;

  /**
   * kmemsize per open file, bytes: 256, the size of a {@code struct file} slab object (filp cache)
   * on x86_64 kernels of the OpenVZ era [M /proc/slabinfo]; dentries and inodes are dcachesize, not
   * modelled.
   */
  public static final long FILE_KMEM_BYTES = 256;

  /**
   * kmemsize per TCP socket, bytes: 2 KiB, a {@code tcp_sock} (about 1.7 KiB in the TCP slab) and
   * its socket inode [M /proc/slabinfo]; an assumption named here.
   */
  public static final long TCP_SOCKET_KMEM_BYTES = 2L * 1024;

  /**
   * kmemsize per UDP socket, bytes: 1 KiB, a {@code udp_sock} (under 1 KiB in the UDP slab on
   * x86_64) and its socket inode [M /proc/slabinfo]; an assumption named here, as for TCP.
   */
  public static final long UDP_SOCKET_KMEM_BYTES = 1024;

  /**
   * The smallest buffer a TCP socket needs to make progress, bytes: 2.5 KiB, from the UBC rule
   * tcpsndbuf.limit - tcpsndbuf.barrier >= 2.5 KiB x numtcpsock (same for tcprcvbuf) [R wiki
   * UBC_consistency_check]. A connection's first packet in each direction is charged up to the
   * limit (the gap is reserved for it); the rest of its buffers only up to the barrier.
   */
  public static final long MIN_SOCKET_BUFFER_BYTES = 2560;

  /**
   * Send buffer a socket starts with, bytes: 16 KiB, the default of net.ipv4.tcp_wmem [R kernel
   * ip-sysctl]. A response larger than this waits in the application, not in the socket.
   */
  public static final long SOCKET_SEND_BUFFER_BYTES = 16L * 1024;

  /** tcpsndbuf a connection holds while it answers with {@code responseBytes}. */
  public static long sendBufferBytes(long responseBytes) {
    return Math.max(MIN_SOCKET_BUFFER_BYTES, Math.min(responseBytes, SOCKET_SEND_BUFFER_BYTES));
  }

  /**
   * othersockbuf a UDP response holds while its request is served: the response datagram's data
   * (one datagram per response, as the model sends it), at least the 2.5 KiB minimum buffer (the
   * same UBC rule for othersockbuf: limit - barrier >= 2.5 KiB x numothersock [R wiki
   * UBC_consistency_check]).
   */
  public static long datagramSendBytes(long responseBytes) {
    return Math.max(MIN_SOCKET_BUFFER_BYTES, responseBytes);
  }

  /**
   * tcprcvbuf a connection holds: one packet with the request (request sizes are not modelled,
   * assumption: a request fits one packet buffer).
   */
  public static long receiveBufferBytes() {
    return MIN_SOCKET_BUFFER_BYTES;
  }
}
