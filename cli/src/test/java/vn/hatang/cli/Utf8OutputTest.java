package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs written as UTF-8 bytes (check's parts, the frozen report): characters beyond the BMP as
 * their four bytes on every way out, and a standard output that fails is an error, not a result.
 */
class Utf8OutputTest {
  private static final String HOST = "pc-😀-ß";
  private static final String UNIT = "Xã 𠀀 Ia Chư";

  @TempDir Path dir;

  @Test
  void charactersBeyondTheBmpAreWrittenAsTheyAreOnEveryWayOut() throws Exception {
    String in = TestSnapshots.withHostile(dir, HOST, UNIT).toString();
    String[][] runs = {
      {"check", in, "--date", "2026-11-25", "-f", "json"},
      {"check", in, "--date", "2026-11-25", "-f", "table"},
      {"check", in, "--date", "2026-11-25", "-f", "csv"},
      {"report", "--period", "2026-11", in, "-f", "json"}
    };
    for (String[] args : runs) {
      String label = String.join(" ", args);
      // Standard output as bytes (as main runs), through its writer (in-process), to a file.
      String bytes = Cli.runBinary(false, args).out();
      String text = Cli.run(args).out();
      Path file = dir.resolve("out-" + args[args.length - 1] + "-" + args[0]);
      String[] withFile = java.util.Arrays.copyOf(args, args.length + 2);
      withFile[args.length] = "-o";
      withFile[args.length + 1] = file.toString();
      Cli.run(withFile);
      String written = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(bytes).as(label).contains(HOST).doesNotContain("\\uD83D");
      assertThat(text).as(label).isEqualTo(bytes);
      assertThat(written).as(label).isEqualTo(bytes);
      if (!args[args.length - 1].equals("table")) {
        assertThat(bytes).as(label).contains(UNIT);
      }
    }
  }

  @Test
  void aStandardOutputThatFailsIsExit4() {
    String in;
    try {
      in = TestSnapshots.three(dir).toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    for (String format : new String[] {"json", "table"}) {
      PrintStream full =
          new PrintStream(
              new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                  throw new IOException("No space left on device");
                }
              },
              true,
              StandardCharsets.UTF_8);
      java.io.StringWriter err = new java.io.StringWriter();
      int code =
          HatangMain.run(
              new String[] {"check", in, "--date", "2026-11-25", "-f", format},
              java.io.InputStream.nullInputStream(),
              new java.io.PrintWriter(new java.io.OutputStreamWriter(full, StandardCharsets.UTF_8)),
              new java.io.PrintWriter(err, true),
              Map.of(),
              new HatangMain.Stdout(full, false));
      assertThat(code).as(format).isEqualTo(4);
      assertThat(err.toString()).as(format).contains("standard output");
    }
  }
}
