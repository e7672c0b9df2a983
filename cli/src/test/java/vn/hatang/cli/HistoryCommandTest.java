package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

/** A PC whose RAM module was taken out and whose disk was replaced between two snapshots. */
class HistoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path snapshots() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a-october.json"), Fixtures.bytes("compliant-pc.json"));
    ObjectNode later = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    later.put("snapshotId", "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    later.put("takenAt", "2026-11-24T08:00:00+07:00");
    ObjectNode memory = (ObjectNode) later.get("memory");
    ((ArrayNode) memory.get("modules")).remove(1);
    memory.put("totalBytes", 8504496128L);
    ObjectNode disk = (ObjectNode) later.at("/storage/disks/0");
    disk.put("model", "Samsung SSD 870 EVO 1TB")
        .put("serial", "S6PUNX0T")
        .put("sizeBytes", 1000204886016L);
    // Other machines' snapshots are not its history.
    Files.write(in.resolve("b-november.json"), JSON.writeValueAsBytes(later));
    Files.write(in.resolve("old.json"), Fixtures.bytes("old-pc.json"));
    return in;
  }

  @Test
  void ramTakenOutAndDiskReplacedInVietnamese() throws Exception {
    Cli r = Cli.run("--lang", "vi", "history", snapshots().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Thay đổi phần cứng của 2 máy từ 3 bản kiểm kê\n")
        .contains("QN-VANTHU-01 (5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f40, 21583)")
        .contains("bớt RAM: 16 GiB → 8 GiB")
        .contains("tháo ổ đĩa: KIOXIA KBG50ZNV512G (512 GB) X2MB70AAKQ3X")
        .contains("lắp ổ đĩa: Samsung SSD 870 EVO 1TB (1000 GB) S6PUNX0T")
        .doesNotContain("NC-KETOAN");
  }

  @Test
  void csvAndOneMachine() throws Exception {
    Path in = snapshots();
    Cli csv = Cli.run("history", in.toString(), "-f", "csv");
    assertThat(csv.out().lines().filter(l -> l.startsWith("5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f40,")))
        .hasSize(3);
    assertThat(csv.out()).contains(",history.memoryRemoved,memory removed: 16 GiB → 8 GiB\r\n");
    Cli one = Cli.run("history", in.toString(), "--machine", "c0ffee00112233445566778899aabbcc");
    assertThat(one.out())
        .contains("1 machine(s) from 1 snapshot(s)")
        .contains("no hardware change");
  }
}
