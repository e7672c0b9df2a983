package vn.hatang.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.Samples;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

class SpoolTest {
  private final List<String> notices = new ArrayList<>();
  private final Notices record = (key, args) -> notices.add(key + " " + List.of(args));

  @Test
  void namesSortOldestFirstWhateverTheOffset() {
    Snapshot hanoi = Samples.snapshot(Samples.id(1), "2026-11-20T08:15:30.5+07:00");
    Snapshot utc = Samples.snapshot(Samples.id(2), "2026-11-20T01:15:31Z");
    assertThat(Spool.fileName(hanoi))
        .isEqualTo("20261120T011530.500Z-00000000-0000-1234-0000-000000000001.json");
    assertThat(Spool.fileName(hanoi)).isLessThan(Spool.fileName(utc));
  }

  @Test
  void addWritesTheSnapshotAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    Spool spool = new Spool(dir, 10, 1_000_000, record);
    Snapshot s = Samples.snapshot(Samples.id(1), "2026-11-20T08:15:30+07:00");
    byte[] json = SnapshotCodec.write(s);
    Path file = spool.add(s, json);
    assertThat(file.getParent()).isEqualTo(dir.resolve("spool"));
    assertThat(Files.readAllBytes(file)).isEqualTo(json);
    try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
      assertThat(files).containsExactly(file);
    }
    assertThat(notices).isEmpty();
  }

  @Test
  void evictsTheOldestBeyondMaxFilesWithANoticeEach(@TempDir Path dir) throws Exception {
    Spool spool = new Spool(dir, 2, 1_000_000_000, record);
    List<Path> added = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Snapshot s = Samples.snapshot(Samples.id(i), "2026-11-2" + i + "T08:00:00+07:00");
      added.add(spool.add(s, SnapshotCodec.write(s)));
    }
    assertThat(spool.files()).containsExactly(added.get(2), added.get(3));
    assertThat(notices)
        .containsExactly(
            "spool.evicted.files [" + added.get(0).getFileName() + ", 2]",
            "spool.evicted.files [" + added.get(1).getFileName() + ", 2]");
  }

  @Test
  void evictsTheOldestBeyondMaxBytesButNeverTheNewest(@TempDir Path dir) throws Exception {
    Snapshot first = Samples.snapshot(Samples.id(1), "2026-11-21T08:00:00+07:00");
    long size = SnapshotCodec.write(first).length;
    Spool spool = new Spool(dir, 1000, size * 2 + 10, record);
    Path a = spool.add(first, SnapshotCodec.write(first));
    Snapshot second = Samples.snapshot(Samples.id(2), "2026-11-22T08:00:00+07:00");
    Path b = spool.add(second, SnapshotCodec.write(second));
    assertThat(notices).isEmpty();
    Snapshot third = Samples.snapshot(Samples.id(3), "2026-11-23T08:00:00+07:00");
    Path c = spool.add(third, SnapshotCodec.write(third));
    assertThat(spool.files()).containsExactly(b, c);
    assertThat(notices)
        .containsExactly("spool.evicted.bytes [" + a.getFileName() + ", " + (size * 2 + 10) + "]");

    Spool tiny = new Spool(dir, 1000, 1, record);
    notices.clear();
    Snapshot fourth = Samples.snapshot(Samples.id(4), "2026-11-24T08:00:00+07:00");
    Path d = tiny.add(fourth, SnapshotCodec.write(fourth));
    assertThat(tiny.files()).containsExactly(d);
    assertThat(notices).hasSize(2);
  }

  @Test
  void listsOnlyVisibleJsonFiles(@TempDir Path dir) throws Exception {
    Spool spool = new Spool(dir, 10, 1_000_000, record);
    Files.createDirectories(spool.queueDir());
    Files.writeString(spool.queueDir().resolve(".b.json.123.tmp"), "half");
    Files.writeString(spool.queueDir().resolve(".hidden.json"), "{}");
    Files.writeString(spool.queueDir().resolve("notes.txt"), "x");
    Files.writeString(spool.queueDir().resolve("b.json"), "{}");
    Files.writeString(spool.queueDir().resolve("a.json"), "{}");
    assertThat(spool.files())
        .containsExactly(spool.queueDir().resolve("a.json"), spool.queueDir().resolve("b.json"));
    assertThat(new Spool(dir.resolve("none"), 1, 1, record).files()).isEmpty();
  }
}
