package vn.hatang.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.InputError;
import vn.hatang.core.snapshot.Snapshot;

/** A folder read in parallel batches is handed on exactly as a sequential read would. */
class SnapshotStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aFolderOfManyBatchesComesOutInFileOrderWithItsErrorsAndDuplicates() throws Exception {
    ObjectNode template = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    int files = SnapshotStream.BATCH * 3 + 17;
    List<String> expected = new ArrayList<>();
    List<String> expectedErrors = new ArrayList<>();
    UUID repeated = new UUID(42, 42);
    for (int i = 0; i < files; i++) {
      Path f = dir.resolve(String.format("pc-%05d.json", i));
      if (i % 97 == 5) {
        Files.writeString(f, "{ not json", StandardCharsets.UTF_8);
        expectedErrors.add(f.toString());
        continue;
      }
      // The same snapshot in two files far apart (different batches): the first one counts.
      UUID id = i == 3 || i == files - 2 ? repeated : new UUID(7, i);
      ObjectNode s = template.deepCopy();
      s.put("snapshotId", id.toString());
      ((ObjectNode) s.get("machine")).put("hostname", "PC-" + i);
      Files.write(f, JSON.writeValueAsBytes(s));
      if (i != files - 2) {
        expected.add("PC-" + i);
      }
    }
    List<String> seen = new ArrayList<>();
    SnapshotStream<Void> stream =
        SnapshotStream.of((Snapshot s) -> seen.add(s.machine().hostname()));
    stream.path(dir.toString(), InputStream.nullInputStream());

    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(stream.read()).isEqualTo(expected.size());
    assertThat(stream.errors())
        .extracting(InputError::source)
        .containsExactlyElementsOf(expectedErrors);
    assertThat(stream.notices()).hasSize(1);
    assertThat(stream.notices().get(0).source())
        .isEqualTo(dir.resolve(String.format("pc-%05d.json", files - 2)).toString());
  }
}
