package vn.hatang.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reference {@code scripts/bench/check-scale.sh} measures {@code hatang check} against: walks a
 * folder as {@code check} does (every {@code *.json}, sorted), reads each file and parses it with
 * Jackson's {@code ObjectMapper.readTree}, and does nothing else. Prints the number of files and of
 * objects parsed. Not a user tool: its only output is for the benchmark script.
 */
public final class ParseMain {
  private ParseMain() {}

  public static void main(String[] args) throws IOException {
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
    for (Path f : files) {
      JsonNode tree = mapper.readTree(Files.readAllBytes(f));
      if (tree.isObject()) {
        objects++;
      }
    }
    System.out.println(files.size() + " files, " + objects + " objects");
  }
}
