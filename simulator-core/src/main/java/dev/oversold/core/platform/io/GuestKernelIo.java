package dev.oversold.core.platform.io;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.platform.IoPolicy;

/**
 * The I/O policy of a platform whose VMs run guest kernels of their own (KVM, Xen, VMware): the
 * guests' dirty throttling is the host option {@code guest-dirty-throttling} ({@link GuestKernel}),
 * decided here once for the three.
 */
public interface GuestKernelIo extends IoPolicy {
  /** The guests' own kernel era ({@code guest-dirty-throttling}). */
  @Override
  default DirtyThrottling guestDirtyThrottling(HostSpec host) {
    return GuestKernel.dirtyThrottling(host);
  }

  /** A VM's sockets are its guest kernel's: the initial window of the guests' era. */
  @Override
  default int tcpInitialWindow(HostSpec host) {
    return IoPolicy.initialWindow(guestDirtyThrottling(host));
  }
}
