package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.source.SnapshotSource;
import vn.hatang.cli.source.SourceException;
import vn.hatang.core.ExitCode;

/**
 * {@code hatang export --from ... --to DIR}: every stored snapshot (after the filters) as a file
 * {@code DIR/UNIT/SNAPSHOT_ID.json}, written atomically; a file already there with the same id is
 * kept. Re-running it fetches again but writes only what is new.
 */
@Command(name = "export", mixinStandardHelpOptions = true)
public final class ExportCommand implements Callable<Integer> {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The folder of snapshots without a unit. */
  static final String NO_UNIT = "_no-unit";

  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin FromOptions from;

  @Option(names = "--to", paramLabel = "DIR", required = true, descriptionKey = "export.to")
  Path to;

  public ExportCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!from.present()) {
      throw new UserException(ExitCode.USAGE, "export.noFrom");
    }
    int[] counts = new int[2]; // written, already there
    try (SnapshotSource source = from.open(context.env())) {
      try {
        source.each(from.filter(), item -> counts[write(item) ? 0 : 1]++);
      } catch (SourceException e) {
        throw new UserException(ExitCode.INVALID_INPUT, e.key(), e.args().toArray());
      } catch (IOException e) {
        throw new UserException(
            ExitCode.INTERNAL, "export.cannotWrite", to.toString(), String.valueOf(e.getMessage()));
      }
      spec.commandLine()
          .getErr()
          .println(
              context
                  .messages()
                  .get("export.done", counts[0], counts[1], to.toString(), source.describe()));
    }
    return ExitCode.OK.code();
  }

  /** Writes one snapshot unless its file exists; true when written. */
  private boolean write(SnapshotSource.Item item) throws IOException {
    String id = item.snapshotId().toLowerCase(java.util.Locale.ROOT);
    if (!UUID.matcher(id).matches()) {
      throw new IOException("not a snapshot id: " + id.substring(0, Math.min(40, id.length())));
    }
    Path dir = to.resolve(folder(item.unitCode()));
    Path file = dir.resolve(id + ".json");
    if (Files.exists(file)) {
      return false;
    }
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + id, ".tmp");
    try {
      Files.write(temp, item.json());
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return true;
  }

  /**
   * A folder name for a unit code that came from a PC: letters, digits, {@code -} and {@code _}
   * kept, anything else (a path separator, {@code ..}) replaced by {@code _}.
   */
  static String folder(String unitCode) {
    if (unitCode == null || unitCode.isBlank()) {
      return NO_UNIT;
    }
    char[] chars = unitCode.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      boolean ok = Character.isLetterOrDigit(c) || c == '-' || c == '_';
      chars[i] = ok ? c : '_';
    }
    return new String(chars);
  }
}
