package vn.hatang.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.State;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;
import vn.hatang.core.standard.Standard;

class CheckServiceTest {
  @TempDir Path dir;

  /**
   * More files than one parallel batch, with bad files and copies spread through them: the outcome
   * is the one a file-by-file run gives (errors in input order, the first copy judged and the later
   * ones noted).
   */
  @Test
  void aFolderLargerThanABatchIsJudgedAsInOrder() throws Exception {
    String template = new String(Fixtures.bytes("old-pc.json"), StandardCharsets.UTF_8);
    String oldId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    assertThat(template).contains(oldId);
    int files = vn.hatang.cli.report.SnapshotStream.BATCH * 2 + 37;
    List<String> expectedErrors = new ArrayList<>();
    List<String> expectedNotes = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String name = String.format("pc-%04d.json", i);
      Path f = dir.resolve(name);
      if (i % 97 == 5) {
        Files.writeString(f, "{ \"schemaVersion\": 1,");
        expectedErrors.add(f.toString());
      } else if (i % 101 == 50) {
        // A copy of the snapshot two files earlier: the earlier one is judged.
        Files.writeString(f, template.replace(oldId, id(i - 2)));
        expectedNotes.add(f + " after " + dir.resolve(String.format("pc-%04d.json", i - 2)));
      } else {
        Files.writeString(f, template.replace(oldId, id(i)));
      }
    }
    Standard standard = Fixtures.defaultStandard();
    CheckService.Result run =
        CheckService.check(
            List.of(dir.toString()),
            new ByteArrayInputStream(new byte[0]),
            standard,
            LocalDate.of(2026, 11, 25));
    List<MachineResult> machines = run.report().machines();
    assertThat(machines).hasSize(files - expectedErrors.size() - expectedNotes.size());
    assertThat(machines).allMatch(m -> m.snapshot().machine().hostname().equals("NC-KETOAN"));
    assertThat(machines.stream().map(m -> m.snapshot().snapshotId()).distinct().count())
        .isEqualTo(machines.size());
    assertThat(run.report().errors())
        .extracting(InputError::source)
        .containsExactlyElementsOf(expectedErrors);
    assertThat(run.notices())
        .extracting(n -> n.source() + " after " + n.message().args().get(1))
        .containsExactlyElementsOf(expectedNotes);
  }

  /**
   * A judged result keeps only its snapshot's identity, and what was judged is what judging the
   * whole snapshot gives.
   */
  @Test
  void aResultKeepsTheSnapshotsIdentityAndTheFullVerdict() throws Exception {
    Fixtures.copySnapshots(dir, Fixtures.COMPLIANT, Fixtures.OLD, Fixtures.DISK_UNKNOWN);
    Standard standard = Fixtures.defaultStandard();
    LocalDate date = LocalDate.of(2026, 11, 25);
    CheckService.Result run =
        CheckService.check(
            List.of(dir.toString()), new ByteArrayInputStream(new byte[0]), standard, date);
    List<MachineResult> machines = run.report().machines();
    assertThat(machines).hasSize(3);
    // The fixtures between them fail, pass and leave checks unknown: the findings compared matter.
    assertThat(machines).extracting(MachineResult::verdict).contains(State.FAIL, State.PASS);
    for (MachineResult kept : machines) {
      Snapshot full = SnapshotCodec.read(Files.readAllBytes(Path.of(kept.source())), "full");
      assertThat(full.cpu()).isNotNull();
      assertThat(kept.snapshot()).isEqualTo(full.identity());
      assertThat(kept.snapshot().cpu()).isNull();
      assertThat(kept.snapshot().memory()).isNull();
      assertThat(kept.snapshot().lines()).isEmpty();
      MachineResult judged = Evaluator.evaluate(kept.source(), full, standard, date);
      assertThat(kept.verdict()).isEqualTo(judged.verdict());
      assertThat(kept.findings()).isNotEmpty().isEqualTo(judged.findings());
      assertThat(kept.ageDays()).isEqualTo(judged.ageDays());
      assertThat(kept.stale()).isEqualTo(judged.stale());
    }
  }

  /** A file read in one open: its bytes exactly, an empty one empty. */
  @Test
  void aFileIsReadWhole() throws Exception {
    byte[] snapshot = Fixtures.bytes("old-pc.json");
    Path f = Files.write(dir.resolve("a.json"), snapshot);
    assertThat(CheckService.readFile(f)).isEqualTo(snapshot);
    Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
    assertThat(CheckService.readFile(empty)).isEmpty();
  }

  /**
   * One buffer read into again and again: each read gives its file's bytes as its first {@code
   * length()}, a short file after a long one included, and the buffer grows for a long one.
   */
  @Test
  void aBufferReadIntoAgainHoldsEachFileInTurn() throws Exception {
    byte[] snapshot = Fixtures.bytes("old-pc.json");
    byte[] big = new byte[200_000];
    Arrays.fill(big, (byte) 'x');
    Path small = Files.write(dir.resolve("small.json"), snapshot);
    Path large = Files.write(dir.resolve("large.json"), big);
    Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
    CheckService.ReadBuffer buffer = new CheckService.ReadBuffer();
    for (Path f : List.of(small, large, small, empty, large)) {
      CheckService.readFile(f, buffer);
      assertThat(Arrays.copyOf(buffer.bytes(), buffer.length()))
          .as(f.toString())
          .isEqualTo(Files.readAllBytes(f));
    }
    assertThat(buffer.bytes().length).isGreaterThan(big.length);
  }

  /** A file one byte over the limit is refused by its size, without reading it. */
  @Test
  void aFileOverTheLimitIsRefusedWithItsSize() throws Exception {
    Path f = dir.resolve("big.json");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(SnapshotCodec.MAX_BYTES + 1L); // sparse: nothing written
    }
    assertThatThrownBy(() -> CheckService.readFile(f))
        .isInstanceOfSatisfying(
            SnapshotException.class,
            e -> {
              assertThat(e.key()).isEqualTo("snapshot.error.tooLarge");
              assertThat(e.args())
                  .containsExactly(SnapshotCodec.MAX_BYTES + 1L, SnapshotCodec.MAX_BYTES);
            });
    Path fits = dir.resolve("fits.json");
    try (RandomAccessFile raf = new RandomAccessFile(fits.toFile(), "rw")) {
      raf.setLength(SnapshotCodec.MAX_BYTES);
    }
    assertThat(CheckService.readFile(fits)).hasSize(SnapshotCodec.MAX_BYTES);
  }

  /**
   * A path whose size says nothing (a named pipe: size 0) is read to its end, and past the limit
   * only to one byte more, which the codec refuses as too large.
   */
  @Test
  void aPipeIsReadToItsEndOrOneBytePastTheLimit() throws Exception {
    byte[] snapshot = Fixtures.bytes("old-pc.json");
    assertThat(readThroughPipe(snapshot)).isEqualTo(snapshot);
    byte[] tooMuch = new byte[SnapshotCodec.MAX_BYTES + 100];
    Arrays.fill(tooMuch, (byte) ' ');
    byte[] read = readThroughPipe(tooMuch);
    assertThat(read).hasSize(SnapshotCodec.MAX_BYTES + 1);
    assertThatThrownBy(() -> SnapshotCodec.read(read, "pipe"))
        .isInstanceOfSatisfying(
            SnapshotException.class,
            e -> assertThat(e.key()).isEqualTo("snapshot.error.overLimit")); // its size is unknown
  }

  private byte[] readThroughPipe(byte[] content) throws Exception {
    Path fifo = dir.resolve("pipe-" + content.length);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content);
              } catch (IOException e) {
                // the reader stopped reading at the limit: the rest is not wanted
              }
            });
    writer.start();
    try {
      return CheckService.readFile(fifo);
    } finally {
      writer.join(10_000);
    }
  }

  private static String id(int i) {
    return new UUID(0x0a1b2c3d4e5f4a6bL, 0x8c7d000000000000L | i).toString();
  }
}
