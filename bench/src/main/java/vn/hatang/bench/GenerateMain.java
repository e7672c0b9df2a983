package vn.hatang.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Stream;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.i18n.Messages;

/**
 * {@code scripts/bench/generate --seed N --units U --snapshots S --out DIR [--days D] [--from
 * DATE]}: writes {@link SnapshotGenerator}'s snapshots into an empty (or new) folder. Exit codes as
 * hatang's: 0 done, 2 usage, 4 an I/O error.
 */
public final class GenerateMain {
  private GenerateMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs the generator with messages in the language {@code env} asks for; returns the exit code.
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Messages messages = Messages.of(Lang.resolve(null, env), "vn.hatang.bench.messages");
    Long seed = null;
    Integer units = null;
    Integer snapshots = null;
    int days = 30;
    LocalDate from = LocalDate.of(2026, 11, 1);
    Path dir = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("-h") || a.equals("--help")) {
          out.println(messages.get("generate.usage"));
          return 0;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(messages.get("generate.missingValue", a));
        }
        String v = args[++i];
        switch (a) {
          case "--seed" -> seed = Long.parseLong(v);
          case "--units" -> units = Integer.parseInt(v);
          case "--snapshots" -> snapshots = Integer.parseInt(v);
          case "--days" -> days = Integer.parseInt(v);
          case "--from" -> from = LocalDate.parse(v);
          case "--out" -> dir = Path.of(v);
          default -> throw new IllegalArgumentException(messages.get("generate.unknownOption", a));
        }
      }
      if (seed == null || units == null || snapshots == null || dir == null) {
        throw new IllegalArgumentException(messages.get("generate.required"));
      }
      SnapshotGenerator.Options options;
      try {
        options = new SnapshotGenerator.Options(seed, units, snapshots, days, from);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            messages.get("generate.badCounts", SnapshotGenerator.MAX_UNITS));
      }
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(messages.get("generate.notEmpty", dir));
          }
        }
      }
      long start = System.nanoTime();
      SnapshotGenerator.Summary s = new SnapshotGenerator(options).writeTo(dir);
      err.println(
          messages.get(
              "generate.done",
              s.snapshots(),
              s.machines(),
              s.units(),
              String.format("%.1f", s.bytes() / 1048576.0),
              dir,
              (System.nanoTime() - start) / 1_000_000_000L));
      return 0;
    } catch (NumberFormatException | DateTimeParseException e) {
      err.println("generate: " + messages.get("generate.badNumber", e.getMessage()));
      err.println(messages.get("generate.usage"));
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("generate: " + e.getMessage());
      err.println(messages.get("generate.usage"));
      return 2;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("generate: " + messages.get("generate.io", e.getMessage()));
      return 4;
    }
  }

  static {
    // Vietnamese names on any console.
    System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }
}
