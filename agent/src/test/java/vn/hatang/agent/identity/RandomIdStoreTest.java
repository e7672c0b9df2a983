package vn.hatang.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomIdStoreTest {
  @Test
  void createsOnceThenKeeps(@TempDir Path dir) throws IOException {
    Path spool = dir.resolve("spool/agent");
    String first = new RandomIdStore(spool).getOrCreate();
    String second = new RandomIdStore(spool).getOrCreate();
    assertThat(first).matches("[0-9a-f]{32}").isEqualTo(second);
    assertThat(Files.readString(spool.resolve("machine-id")).strip()).isEqualTo(first);
  }

  @Test
  void refusesAForeignFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("machine-id"), "hello");
    assertThatThrownBy(() -> new RandomIdStore(dir).getOrCreate())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a machine id");
  }
}
