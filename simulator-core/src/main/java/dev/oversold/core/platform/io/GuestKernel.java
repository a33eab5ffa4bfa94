package dev.oversold.core.platform.io;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.platform.IoPolicy.DirtyThrottling;

/**
 * The kernel a VM's guest runs, where it matters to the host's tenants: its page cache's dirty
 * throttling. Each guest kernel has its own page cache over the guest's RAM, throttled by the same
 * {@code balance_dirty_pages} code the host kernel's option {@code dirty-throttling} selects (one
 * implementation, {@code runtime.Writeback}); this option only says which era the guests run.
 */
public final class GuestKernel {
  private GuestKernel() {}

  /**
   * {@code guest-dirty-throttling}: the era of every VM's guest kernel on a KVM, Xen or VMware
   * host. Default modern, as before the option existed.
   */
  public static final Knob GUEST_DIRTY_THROTTLING =
      Knob.choice(
          "guest-dirty-throttling",
          SharedKernelIo.DIRTY_THROTTLING_NAMES,
          "modern",
          "balance_dirty_pages of each VM's own guest kernel, over its page cache in the guest's"
              + " RAM (mm/page-writeback.c), one of the eras of dirty-throttling: 2.6.18 (one"
              + " global limit of 40% for every writer in the guest; 2007 guests such as RHEL 5's"
              + " 2.6.18, and 2.6.16, which checks the same global level: per-device limits came"
              + " in 2.6.24 and vm_dirty_ratio fell to 10% in 2.6.22), 2.6.32 or modern; default"
              + " modern: a current guest distribution");

  /** The guest kernels' dirty throttling on {@code host}. */
  public static DirtyThrottling dirtyThrottling(HostSpec host) {
    return SharedKernelIo.kernel(
        GUEST_DIRTY_THROTTLING.choiceName(host.options().get(GUEST_DIRTY_THROTTLING)));
  }
}
