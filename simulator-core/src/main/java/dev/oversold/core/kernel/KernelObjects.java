package dev.oversold.core.kernel;

/** A tenant's view of the kernel objects it may allocate. */
public interface KernelObjects {
  /**
   * Allocates {@code count} objects of {@code kind} all or nothing; false when a limit refused them
   * (the tenant sees EAGAIN/EMFILE/a dropped connection), counted in the refusing table's failcnt.
   */
  boolean allocate(KernelObject kind, int count);

  /** Frees {@code count} objects of {@code kind} (at most what the tenant holds). */
  void release(KernelObject kind, int count);

  /** Objects of {@code kind} the tenant holds. */
  long held(KernelObject kind);

  /**
   * The table that limits the tenant for {@code kind}: its beancounter in a container, its guest
   * kernel's table in a VM.
   */
  KernelTable own(KernelObject kind);
}
