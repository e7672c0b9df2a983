package vn.hatang.core.snapshot;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One machine's snapshot, contract v1: what the agent read at {@code takenAt}. Immutable.
 *
 * <p>Every section other than the header may be {@code null} when its probe could not run; inside a
 * section, a {@code null} field means "could not be read" — never a guess and never a 0 standing
 * for unknown. {@code antivirus} is {@code null} where the OS offers no registry of antivirus
 * products (so "none registered" is an empty list and "could not tell" is {@code null}).
 *
 * @param schemaVersion the contract version, {@link #SCHEMA_VERSION} for this class
 * @param snapshotId random id, the key for de-duplication
 * @param takenAt when collection started, with the machine's offset
 * @param agent the program that wrote the snapshot
 * @param unit the administrative unit the machine belongs to, from the agent's configuration
 * @param machine identity: hostname, stable machine id, role, tags
 * @param computerSystem manufacturer, model, firmware, boot mode, Secure Boot, TPM
 * @param os operating system
 * @param cpu processor
 * @param memory physical memory
 * @param storage physical disks and the system volume
 * @param peripherals equipment the OS can see
 * @param antivirus antivirus products registered with the OS, or {@code null} where unreadable
 * @param lines line measurements (empty until lines are measured)
 * @param diagnostics each probe's outcome and duration
 */
public record Snapshot(
    int schemaVersion,
    UUID snapshotId,
    OffsetDateTime takenAt,
    AgentInfo agent,
    UnitRef unit,
    Machine machine,
    ComputerSystem computerSystem,
    OperatingSystem os,
    Processor cpu,
    Memory memory,
    Storage storage,
    Peripherals peripherals,
    List<AntivirusProduct> antivirus,
    List<LineMeasurement> lines,
    Diagnostics diagnostics) {

  /** The snapshot contract version this build writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  public Snapshot {
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(machine, "machine");
    antivirus = antivirus == null ? null : List.copyOf(antivirus);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /**
   * This snapshot's identity alone: the same {@code schemaVersion}, {@code snapshotId}, {@code
   * takenAt}, {@code agent}, {@code unit} and {@code machine}, every other section {@code null}
   * ({@code lines} empty). A result names its machine by these; the rest is what the evaluator read
   * and is no longer needed once the snapshot is judged, so a run over many snapshots keeps this
   * instead of the whole snapshot.
   *
   * @return a snapshot holding only the header and the machine's identity
   */
  public Snapshot identity() {
    return new Snapshot(
        schemaVersion,
        snapshotId,
        takenAt,
        agent,
        unit,
        machine,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
