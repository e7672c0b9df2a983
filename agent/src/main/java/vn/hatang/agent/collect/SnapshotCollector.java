package vn.hatang.agent.collect;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.hardware.HardwareProbe;
import vn.hatang.agent.hardware.HardwareReport;
import vn.hatang.agent.hardware.ProbeRunner;
import vn.hatang.agent.identity.MachineIdentity;
import vn.hatang.agent.identity.RandomIdStore;
import vn.hatang.agent.identity.Role;
import vn.hatang.agent.identity.RoleRules;
import vn.hatang.core.snapshot.AgentInfo;
import vn.hatang.core.snapshot.Diagnostics;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Machine;
import vn.hatang.core.snapshot.Peripherals;
import vn.hatang.core.snapshot.Snapshot;

/**
 * Takes one snapshot: reads the hardware, derives the machine's identity and role, and adds the
 * configured unit and tags. Never fails for an unreadable value; see the snapshot's diagnostics.
 */
public final class SnapshotCollector {
  /** The agent's name in snapshots. */
  public static final String AGENT_NAME = "hatang-agent";

  private final HardwareProbe probe;
  private final Clock clock;
  private final String agentVersion;

  /**
   * @param probe reads the hardware
   * @param clock gives {@code takenAt} and durations
   * @param agentVersion written into {@code agent.version}
   */
  public SnapshotCollector(HardwareProbe probe, Clock clock, String agentVersion) {
    this.probe = probe;
    this.clock = clock;
    this.agentVersion = agentVersion;
  }

  /**
   * Collects a snapshot.
   *
   * @param config the configuration, flags applied
   * @param spoolDir where a random machine id is kept when hardware gives none
   */
  public Snapshot collect(AgentConfig config, Path spoolDir) {
    return collect(config, spoolDir, List.of());
  }

  /**
   * Collects a snapshot with lines measured beforehand.
   *
   * @param config the configuration, flags applied
   * @param spoolDir where a random machine id is kept when hardware gives none
   * @param lines the line measurements to include, as they are (failed ones too)
   */
  public Snapshot collect(AgentConfig config, Path spoolDir, List<LineMeasurement> lines) {
    OffsetDateTime takenAt = OffsetDateTime.now(clock);
    long start = clock.millis();
    HardwareReport report = probe.collect();
    ProbeRunner identityProbe = new ProbeRunner();
    MachineIdentity identity = identityProbe.run("identity", () -> identity(report, spoolDir));
    String chassis = report.computerSystem() == null ? null : report.computerSystem().chassis();
    Role role = RoleRules.decide(config.role(), chassis, report.virtualMachine());
    Machine machine =
        new Machine(
            report.hostname(),
            identity == null ? null : identity.machineId(),
            identity == null ? null : identity.source(),
            role == null ? null : role.id(),
            config.tags());
    List<Diagnostics.Probe> probes = new ArrayList<>(report.probes());
    probes.addAll(identityProbe.probes());
    return new Snapshot(
        Snapshot.SCHEMA_VERSION,
        UUID.randomUUID(),
        takenAt,
        new AgentInfo(AGENT_NAME, agentVersion),
        config.unitRef(),
        machine,
        report.computerSystem(),
        report.os(),
        report.cpu(),
        report.memory(),
        report.storage(),
        report.peripherals(),
        report.antivirus(),
        lines,
        new Diagnostics(Math.max(0, clock.millis() - start), probes));
  }

  private static MachineIdentity identity(HardwareReport report, Path spoolDir) throws Exception {
    String serial = report.computerSystem() == null ? null : report.computerSystem().serial();
    List<MachineIdentity.Nic> nics = new ArrayList<>();
    Peripherals peripherals = report.peripherals();
    if (peripherals != null && peripherals.networkInterfaces() != null) {
      for (Peripherals.NetworkInterface nic : peripherals.networkInterfaces()) {
        nics.add(
            new MachineIdentity.Nic(nic.name(), nic.mac(), Boolean.TRUE.equals(nic.virtual())));
      }
    }
    Optional<MachineIdentity> derived = MachineIdentity.derive(report.hardwareUuid(), serial, nics);
    if (derived.isPresent()) {
      return derived.get();
    }
    return new MachineIdentity(new RandomIdStore(spoolDir).getOrCreate(), MachineIdentity.RANDOM);
  }
}
