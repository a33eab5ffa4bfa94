package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.network.FqCodel;
import dev.oversold.core.network.Htb;
import dev.oversold.core.network.PacketCpu;
import dev.oversold.core.network.PacketStage;
import dev.oversold.core.network.PfifoFast;
import dev.oversold.core.network.Qdisc;
import dev.oversold.core.network.RxPath;
import dev.oversold.core.network.TxPath;
import dev.oversold.core.network.WeightedDrr;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.platform.NetworkPath;
import dev.oversold.core.sharing.Share;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host's network as its platform builds it ({@link NetworkPath}): on transmit the host stack's
 * per-packet CPU and backlog, the qdisc, the NIC's ring and the wire at line rate ({@link TxPath});
 * on receive the wire, the receive ring and the host stack ({@link RxPath}). Tenants reach it
 * through their {@link TenantNetwork}, which adds their own backend and shaper.
 */
final class HostNetwork {
  /** Ethernet MTU (IP bytes per frame). */
  static final int MTU = 1500;

  private final HostRuntime host;
  private final NetworkPath path;
  private final Qdisc qdisc;
  private final @Nullable Htb htb;
  private final @Nullable WeightedDrr uplink;
  private final TxPath transmit;
  private final RxPath receive;
  private final double lineBytesPerSecond;
  private final int tenantCount;
  private final WorkloadSpec.CongestionControl tcpCongestionControl;
  private final int tcpInitialWindow;

  HostNetwork(HostRuntime host, List<TenantSpec> placed) {
    this.host = host;
    var spec = host.spec();
    this.path = host.platform().io().networkPath(spec);
    this.tcpCongestionControl = host.platform().io().tcpCongestionControl();
    this.tcpInitialWindow = host.platform().io().tcpInitialWindow(spec);
    this.lineBytesPerSecond = spec.network().bandwidthBytesPerSecond();
    this.tenantCount = Math.max(1, placed.size());
    boolean anyShaped =
        placed.stream()
            .anyMatch(t -> Double.isFinite(host.platform().io().networkShare(spec, t).cap()));
    Htb shaper = null;
    WeightedDrr drr = null;
    if (path.shaping() == NetworkPath.Shaping.HTB_ON_NIC && anyShaped) {
      shaper = new Htb(path.queueLength());
      qdisc = shaper;
    } else if (path.qdisc() == NetworkPath.QdiscKind.WEIGHTED_UPLINK) {
      drr = new WeightedDrr(path.queueLength(), MTU);
      qdisc = drr;
    } else {
      qdisc =
          path.qdisc() == NetworkPath.QdiscKind.FQ_CODEL
              ? new FqCodel(path.queueLength(), MTU)
              : new PfifoFast(path.queueLength());
    }
    this.htb = shaper;
    this.uplink = drr;
    double bits = lineBytesPerSecond * 8;
    Simulation simulation = host.simulation();
    this.transmit =
        new TxPath(
            simulation,
            qdisc,
            stage(path.stack(), path.stack().backlog()),
            path.ringSlots(),
            bits,
            MTU);
    PacketStage rxStack = stage(path.stack(), path.ringSlots());
    this.receive =
        new RxPath(
            simulation,
            rxStack != null ? rxStack : new PacketCpu(simulation, 0, 0, 1, path.ringSlots()),
            bits,
            MTU);
  }

  /** The congestion control of a TCP sender that names none (the platform kernel's default). */
  WorkloadSpec.CongestionControl tcpCongestionControl() {
    return tcpCongestionControl;
  }

  /**
   * The initial window, in MSS, of a tenant's TCP connections ({@code IoPolicy#tcpInitialWindow}).
   */
  int tcpInitialWindow() {
    return tcpInitialWindow;
  }

  /**
   * The transmit side's load for the report: bytes the wire has carried (its busy time at line
   * rate, Ethernet overhead included), the line rate, and packets waiting in the qdisc.
   */
  DeviceLoad transmitLoad() {
    return new DeviceLoad() {
      @Override
      public double servedWork() {
        return transmit.wireBusyNanos() * 1e-9 * lineBytesPerSecond;
      }

      @Override
      public double capacityPerSecond() {
        return lineBytesPerSecond;
      }

      @Override
      public int outstanding() {
        return qdisc.backlog();
      }
    };
  }

  /** The host stack's stage with {@code backlog} packets of room, or null when there is none. */
  private @Nullable PacketStage stage(NetworkPath.Stage stage, int backlog) {
    if (!stage.present()) {
      return null;
    }
    return new SharePacketStage(
        host.simulation(),
        siteCpu(stage.site(), null),
        stage.nanosPerPacket(),
        stage.latencyNanos(),
        backlog);
  }

  /**
   * The CPU a stage at {@code site} runs on: the host kernel's softirq share (charged to no
   * tenant), dom0, or, for a tenant's own thread, {@code own}.
   */
  Share siteCpu(IoCosts.CpuSite site, @Nullable Share own) {
    return switch (site) {
      case DOM0 -> host.dom0Cpu();
      case PER_TENANT -> own != null ? own : host.kernelCpu();
      case KERNEL, NONE -> host.kernelCpu();
    };
  }

  NetworkPath path() {
    return path;
  }

  Simulation simulation() {
    return host.simulation();
  }

  TxPath transmit() {
    return transmit;
  }

  RxPath receive() {
    return receive;
  }

  /** The tenants' classes on the NIC when shaping is HTB there; null otherwise. */
  @Nullable Htb htb() {
    return htb;
  }

  /** The ESXi uplink, to weigh tenants by NIOC shares; null on other platforms. */
  @Nullable WeightedDrr uplink() {
    return uplink;
  }

  double lineBytesPerSecond() {
    return lineBytesPerSecond;
  }

  /** Tenants placed on the host (at least 1): unshaped HTB classes get the line over this. */
  int tenantCount() {
    return tenantCount;
  }

  long oneWayLatencyNanos() {
    return host.spec().network().latency().nanos();
  }
}
