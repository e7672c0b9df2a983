package vn.hatang.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.hatang.core.Fixtures;

/** Folders of the core fixtures' snapshots for the command tests. */
final class TestSnapshots {
  private TestSnapshots() {}

  /** {@code dir/in} with the compliant, old and disk-unknown PCs of November 2026. */
  static Path three(Path dir) throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (String name : List.of("compliant-pc.json", "old-pc.json", "disk-unknown-pc.json")) {
      Files.write(in.resolve(name), Fixtures.bytes(name));
    }
    return in;
  }

  /**
   * {@link #three} and a fourth PC, a copy of the compliant one under its own ids, whose hostname
   * (and, with {@code unitName}, unit code 99001 and unit name) is hostile text.
   */
  static Path withHostile(Path dir, String hostname, String unitName) throws Exception {
    Path in = three(dir);
    ObjectMapper json = new ObjectMapper();
    ObjectNode evil = (ObjectNode) json.readTree(Fixtures.bytes("compliant-pc.json"));
    evil.put("snapshotId", "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    if (unitName != null) {
      ((ObjectNode) evil.get("unit")).put("code", "99001").put("name", unitName);
    }
    ((ObjectNode) evil.get("machine"))
        .put("machineId", "ffff0000ffff0000ffff0000ffff0000")
        .put("hostname", hostname);
    Files.write(in.resolve("evil.json"), json.writeValueAsBytes(evil));
    return in;
  }
}
