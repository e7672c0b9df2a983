package vn.hatang.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  private final List<String> notices = new ArrayList<>();
  private final Notices record = (key, args) -> notices.add(key);

  @Test
  void missingFileIsAFreshStartAndAWrittenStateReadsBack(@TempDir Path dir) throws Exception {
    StateStore store = new StateStore(dir.resolve("state.json"), record);
    assertThat(store.read()).isEqualTo(SpoolState.initial());
    SpoolState state =
        new SpoolState(
            Instant.parse("2026-11-25T01:00:00Z"), 3, Instant.parse("2026-11-25T02:00:00.5Z"));
    store.write(state);
    assertThat(store.read()).isEqualTo(state);
    assertThat(Files.readString(dir.resolve("state.json")))
        .contains("\"uploadFailures\" : 3", "\"nextUploadAt\" : \"2026-11-25T02:00:00.500Z\"");
    assertThat(notices).isEmpty();
  }

  @Test
  void corruptFileIsReportedAndReplaced(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    StateStore store = new StateStore(file, record);
    for (String bad :
        List.of("{\"uploadFailures\": ", "[1,2]", "{\"uploadFailures\": -1}", "\u0000\u0001")) {
      Files.writeString(file, bad);
      assertThat(store.read()).as(bad).isEqualTo(SpoolState.initial());
    }
    assertThat(notices).containsOnly("spool.state.corrupt").hasSize(4);
    store.write(SpoolState.initial().afterFailure(Instant.parse("2026-11-25T02:00:00Z")));
    assertThat(store.read().uploadFailures()).isEqualTo(1);
  }

  @Test
  void aFolderInThePlaceOfTheFileIsNotFatal(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    Files.createDirectories(file);
    assertThat(new StateStore(file, record).read()).isEqualTo(SpoolState.initial());
    assertThat(notices).containsExactly("spool.state.corrupt");
  }
}
