package vn.hatang.core.snapshot;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What a collector needs to file a snapshot without binding all of it: read by {@link
 * SnapshotCodec#readHeader} from a snapshot the schema accepts.
 *
 * @param snapshotId the snapshot's id
 * @param takenAt when it was taken
 * @param unitCode {@code unit.code}, or {@code null} when the agent has no unit
 * @param machineId {@code machine.machineId}, or {@code null}
 */
public record SnapshotHeader(
    UUID snapshotId, OffsetDateTime takenAt, String unitCode, String machineId) {
  public SnapshotHeader {
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(takenAt, "takenAt");
  }

  /** The header of a bound snapshot. */
  public static SnapshotHeader of(Snapshot snapshot) {
    return new SnapshotHeader(
        snapshot.snapshotId(),
        snapshot.takenAt(),
        snapshot.unit() == null ? null : snapshot.unit().code(),
        snapshot.machine().machineId());
  }
}
