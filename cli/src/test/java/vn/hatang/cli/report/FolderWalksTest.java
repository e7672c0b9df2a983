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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.check.CheckService;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.InputError;
import vn.hatang.core.snapshot.Snapshot;

/** Folders walked ahead give the stream what walking them in place gives. */
@Timeout(60) // a walk that never completes its listing would hang the read: fail instead
class FolderWalksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void eachFolderIsWalkedOnceAheadAndFilesAndStandardInputAreLeftAlone() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("unit-1"));
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("b.json"), "{}");
    Files.writeString(folder.resolve("a.JSON"), "{}");
    Files.writeString(folder.resolve("sub/c.json"), "{}");
    Files.writeString(folder.resolve("notes.txt"), "not a snapshot");
    Path file = Files.writeString(dir.resolve("one.json"), "{}");
    String missing = dir.resolve("no-such-folder").toString();

    FolderWalks walks =
        FolderWalks.start(
            List.of(folder.toString(), file.toString(), "-", folder.toString(), missing));

    List<InputError> errors = new ArrayList<>();
    List<Path> inPlace = CheckService.jsonFiles(folder, errors, folder.toString());
    FolderWalks.Listing ahead = walks.take(folder.toString());
    assertThat(ahead).isNotNull();
    assertThat(ahead.files())
        .containsExactlyElementsOf(inPlace)
        .containsExactly(
            folder.resolve("a.JSON"), folder.resolve("b.json"), folder.resolve("sub/c.json"));
    assertThat(ahead.errors()).isEmpty();
    // Taken once: the same folder named again is walked when it is read.
    assertThat(walks.take(folder.toString())).isNull();
    assertThat(walks.take(file.toString())).isNull();
    assertThat(walks.take("-")).isNull();
    assertThat(walks.take(missing)).isNull();
    assertThat(FolderWalks.start(List.of(file.toString(), "-"))).isSameAs(FolderWalks.NONE);
    // A glob of many files: no stat of each one before the command's start-up.
    List<String> many = new ArrayList<>();
    many.add(folder.toString());
    for (int i = 0; i < FolderWalks.MAX_PATHS; i++) {
      many.add(file.toString());
    }
    assertThat(FolderWalks.start(many)).isSameAs(FolderWalks.NONE);
    assertThat(FolderWalks.NONE.take(folder.toString())).isNull();
  }

  /**
   * A folder's walk shared between threads by its entries lists what walking it alone lists: names
   * that sort across levels ({@code a/}, {@code a.json}, {@code a-1.json}), links (not followed),
   * an empty sub-folder, a folder with no entries, a link as the folder itself.
   */
  @Test
  void aWalkSharedBetweenThreadsListsWhatOneThreadLists() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    for (String f :
        List.of(
            "a.json",
            "a-1.json",
            "a/z.json",
            "a/b/c.json",
            "a/b/d.txt",
            "b.JSON",
            "c/x.json",
            "c/y.json",
            "d/e/f/g.json")) {
      Path p = root.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "{}");
    }
    for (int i = 0; i < 40; i++) {
      Files.createDirectories(root.resolve("u" + i));
      Files.writeString(root.resolve("u" + i + "/pc-" + (i * 7 % 13) + ".json"), "{}");
    }
    Files.createDirectories(root.resolve("empty"));
    Files.createSymbolicLink(root.resolve("link-dir"), root.resolve("c"));
    Files.createSymbolicLink(root.resolve("link.json"), root.resolve("a.json"));
    Path none = Files.createDirectories(dir.resolve("none"));
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), root);

    for (Path folder : List.of(root, none, linked)) {
      List<InputError> errors = new ArrayList<>();
      List<Path> alone = CheckService.jsonFiles(folder, errors, folder.toString());
      for (int round = 0; round < 20; round++) {
        SharedWalk walk = new SharedWalk(folder, folder.toString());
        Thread other = new Thread(walk::work);
        other.start();
        walk.work();
        FolderWalks.Listing shared = SnapshotStream.joinHere(walk.listing());
        other.join();
        assertThat(shared.files()).as("%s, round %d", folder, round).isEqualTo(alone);
        assertThat(shared.errors()).isEqualTo(errors);
      }
    }
    assertThat(CheckService.jsonFiles(root, new ArrayList<>(), "root"))
        .hasSize(48)
        .startsWith(root.resolve("a-1.json"), root.resolve("a.json"), root.resolve("a/b/c.json"));
  }

  @Test
  void aStreamReadsTheWalkedListingAsItWouldHaveReadTheFolder() throws Exception {
    ObjectNode template = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    int files = SnapshotStream.BATCH + 40;
    for (int i = 0; i < files; i++) {
      Path f = dir.resolve(String.format("u%02d/pc-%04d.json", i % 7, i));
      Files.createDirectories(f.getParent());
      if (i % 50 == 9) {
        Files.writeString(f, "{ not json", StandardCharsets.UTF_8);
        continue;
      }
      ObjectNode s = template.deepCopy();
      s.put("snapshotId", new UUID(9, i).toString());
      ((ObjectNode) s.get("machine")).put("hostname", "PC-" + i);
      Files.write(f, JSON.writeValueAsBytes(s));
    }
    List<String> inPlace = new ArrayList<>();
    SnapshotStream<Void> plain = SnapshotStream.of((Snapshot s) -> inPlace.add(hostname(s)));
    plain.path(dir.toString(), InputStream.nullInputStream());

    FolderWalks walks = FolderWalks.start(List.of(dir.toString()));
    List<String> ahead = new ArrayList<>();
    SnapshotStream<Void> walked =
        SnapshotStream.of((Snapshot s) -> ahead.add(hostname(s))).walks(walks);
    walked.path(dir.toString(), InputStream.nullInputStream());

    assertThat(walks.take(dir.toString())).as("the stream took the walked listing").isNull();
    assertThat(inPlace).hasSize(files - 6);
    assertThat(ahead).containsExactlyElementsOf(inPlace);
    assertThat(walked.errors())
        .extracting(InputError::source)
        .hasSize(6)
        .containsExactlyElementsOf(plain.errors().stream().map(InputError::source).toList());
  }

  private static String hostname(Snapshot s) {
    return s.machine().hostname();
  }
}
