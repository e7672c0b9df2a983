package vn.hatang.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void aFileIsReplacedWholeOrNotAtAll() throws Exception {
    Path target = dir.resolve("sub/report.html");
    AtomicFile.write(target, out -> out.write("đầu tiên".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("đầu tiên");
    // A writer that fails half-way leaves the old content and no temporary file.
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("đầu tiên");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
  }
}
