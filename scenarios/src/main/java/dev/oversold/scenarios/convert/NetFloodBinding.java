package dev.oversold.scenarios.convert;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.bind.Shapes;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.Format;
import java.util.ArrayList;
import java.util.List;

/** net-flood in scenario files: {@code direction}, a required {@code rate} and {@code packet}. */
final class NetFloodBinding
    implements WorkloadBinding<WorkloadSpec.NetFlood, WorkloadDto.NetFlood> {
  @Override
  public WorkloadKind<WorkloadSpec.NetFlood> kind() {
    return Workloads.ofType(WorkloadSpec.NetFlood.class);
  }

  @Override
  public Class<WorkloadDto.NetFlood> dtoType() {
    return WorkloadDto.NetFlood.class;
  }

  @Override
  public String keysDoc() {
    return "`direction` (`transmit` or `receive`), `rate` (byte or bit rate, required), `packet`"
        + " (1500B, 64B..64KiB: the IP packet's size, headers included; its data is 28 B less for"
        + " UDP, 52 B less for TCP; a larger one is cut into IP fragments or MSS frames, each with"
        + " its headers), `protocol` (`udp`, the default, or `tcp`: one connection;"
        + " transmit only), `congestion-control` (tcp only: `reno`, `bic` or `cubic`; by default"
        + " the platform kernel's, `cubic`)";
  }

  @Override
  public WorkloadSpec.NetFlood convert(
      WorkloadDto.NetFlood dto,
      WorkloadSpec.Window window,
      String path,
      Context context,
      int vcpus) {
    if (dto.rate() == null || !context.positiveRate(dto.rate().value(), path, "e.g. 100Mbit/s")) {
      return null;
    }
    long packet = dto.packet() == null ? Defaults.NET_FLOOD_PACKET_BYTES : dto.packet().bytes();
    if (packet < 64 || packet > 65536) {
      context.error(
          path + ".packet", "packet of " + packet + " B is outside 64 B .. 64 KiB", "64B to 64KiB");
      return null;
    }
    WorkloadSpec.Direction direction =
        dto.direction() == null ? WorkloadSpec.Direction.TRANSMIT : dto.direction();
    WorkloadSpec.Protocol protocol =
        dto.protocol() == null ? WorkloadSpec.Protocol.UDP : dto.protocol();
    if (protocol == WorkloadSpec.Protocol.TCP && direction != WorkloadSpec.Direction.TRANSMIT) {
      context.error(
          path + ".protocol",
          "a tcp flood transmits; a received flood is datagrams",
          "udp with direction: receive, or tcp with direction: transmit");
      return null;
    }
    if (dto.congestionControl() != null && protocol != WorkloadSpec.Protocol.TCP) {
      context.error(
          path + ".congestion-control",
          "congestion control is for a tcp flood; datagrams have none",
          "protocol: tcp, or no congestion-control");
      return null;
    }
    return new WorkloadSpec.NetFlood(
        direction, dto.rate().value(), packet, protocol, dto.congestionControl(), window);
  }

  @Override
  public List<String> write(WorkloadSpec.NetFlood spec) {
    List<String> lines = new ArrayList<>();
    lines.add("direction: " + Shapes.enumId(spec.direction()));
    lines.add("rate: " + Format.byteRate(spec.bytesPerSecond()));
    lines.add("packet: " + Format.bytes(spec.packetBytes()));
    if (spec.protocol() != WorkloadSpec.Protocol.UDP) {
      lines.add("protocol: " + Shapes.enumId(spec.protocol())); // the default is left out
    }
    if (spec.congestion() != null) {
      lines.add("congestion-control: " + Shapes.enumId(spec.congestion()));
    }
    return lines;
  }
}
