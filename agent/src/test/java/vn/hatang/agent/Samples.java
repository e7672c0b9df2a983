package vn.hatang.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;

/** Valid snapshots for upload tests: core's compliant fixture with another id and time. */
public final class Samples {
  private Samples() {}

  /** The snapshot's JSON with this {@code snapshotId} and {@code takenAt} (ISO, with offset). */
  public static byte[] json(UUID id, String takenAt) {
    try {
      ObjectNode tree =
          (ObjectNode)
              SnapshotCodec.mapper()
                  .readTree(vn.hatang.core.Fixtures.bytes(vn.hatang.core.Fixtures.COMPLIANT));
      tree.put("snapshotId", id.toString());
      tree.put("takenAt", takenAt);
      return SnapshotCodec.mapper().writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed snapshot of {@link #json}. */
  public static Snapshot snapshot(UUID id, String takenAt) {
    try {
      return SnapshotCodec.read(json(id, takenAt), "sample");
    } catch (SnapshotException e) {
      throw new AssertionError(e);
    }
  }

  /** A fixed UUID numbered {@code n}, so that tests read well. */
  public static UUID id(int n) {
    return new UUID(0x1234L, n);
  }
}
