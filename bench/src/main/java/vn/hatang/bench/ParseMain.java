package vn.hatang.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

/**
 * The reference {@code scripts/bench/check-scale.sh} measures {@code hatang check} against: walks a
 * folder as {@code check} does (every {@code *.json}, sorted), reads each file and parses it with
 * Jackson's {@code ObjectMapper.readTree}, and does nothing else. Prints the number of files and of
 * objects parsed. Not a user tool: its only output is for the benchmark script.
 *
 * <p>{@code --mode MODE} first (for "where the time goes" in BENCHMARKS.md, one thread, prints the
 * seconds spent after the walk): {@code bytes} only reads the files, {@code tokens} pulls every
 * token and string, {@code tree} is the reference, {@code bind} binds to {@code Snapshot} with
 * hatang's mapper (no schema), {@code read} is hatang's whole read (schema checked while binding).
 */
public final class ParseMain {
  private ParseMain() {}

  public static void main(String[] args) throws Exception {
    String mode = "tree";
    boolean timed = args.length >= 2 && args[0].equals("--mode");
    if (timed) {
      mode = args[1];
      args = java.util.Arrays.copyOfRange(args, 2, args.length);
    }
    ObjectMapper mapper = new ObjectMapper();
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      Files.walkFileTree(
          Path.of(arg),
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()
                  && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    }
    files.sort(null);
    long objects = 0;
    long start = System.nanoTime();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      objects += parse(mode, mapper, bytes, f.toString());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(
        files.size()
            + " files, "
            + objects
            + " objects"
            + (!timed ? "" : String.format(Locale.ROOT, ", %s %.2f s", mode, seconds)));
  }

  private static int parse(String mode, ObjectMapper mapper, byte[] bytes, String source)
      throws Exception {
    switch (mode) {
      case "tree" -> {
        JsonNode tree = mapper.readTree(bytes);
        return tree.isObject() ? 1 : 0;
      }
      case "bytes" -> {
        return bytes.length > 0 ? 1 : 0;
      }
      case "tokens" -> {
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
          for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) {
              p.getText();
            }
          }
        }
        return 1;
      }
      case "bind" -> {
        return SnapshotCodec.mapper().readValue(bytes, Snapshot.class) != null ? 1 : 0;
      }
      case "read" -> {
        return SnapshotCodec.read(bytes, source) != null ? 1 : 0;
      }
      default -> throw new IllegalArgumentException("mode: bytes, tokens, tree, bind or read");
    }
  }
}
