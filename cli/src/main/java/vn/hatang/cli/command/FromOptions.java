package vn.hatang.cli.command;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.hatang.cli.UserException;
import vn.hatang.cli.source.CollectorSource;
import vn.hatang.cli.source.SnapshotSource;
import vn.hatang.cli.source.StoreSource;
import vn.hatang.cli.store.StoreException;
import vn.hatang.cli.store.Stores;
import vn.hatang.core.ExitCode;

/**
 * {@code --from URL|JDBC_URL|DIR} and its filters: where {@code check} and {@code export} read
 * stored snapshots. A read token for a collector URL comes from {@code --token-file} or the
 * environment variable {@code HATANG_TOKEN}, never from the command line.
 */
public final class FromOptions {
  /** The environment variable holding a read token. */
  public static final String TOKEN_ENV = "HATANG_TOKEN";

  @Option(names = "--from", paramLabel = "URL|JDBC_URL|DIR", descriptionKey = "from.from")
  String from;

  @Option(names = "--token-file", paramLabel = "FILE", descriptionKey = "from.tokenFile")
  Path tokenFile;

  @Option(names = "--unit", paramLabel = "CODE", descriptionKey = "from.unit")
  String unit;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", descriptionKey = "from.since")
  String since;

  /** Whether {@code --from} was given. */
  public boolean present() {
    return from != null;
  }

  /** The filter of {@code --unit} and {@code --since}. */
  public SnapshotSource.Filter filter() {
    Instant sinceAt = null;
    if (since != null) {
      try {
        sinceAt = LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new UserException(ExitCode.USAGE, "from.badSince", since);
      }
    }
    return new SnapshotSource.Filter(unit, sinceAt);
  }

  /** Opens the source {@code --from} names. */
  public SnapshotSource open(Map<String, String> env) {
    if (from.startsWith("http://") || from.startsWith("https://")) {
      URI uri;
      try {
        uri = URI.create(from);
      } catch (IllegalArgumentException e) {
        throw new UserException(ExitCode.USAGE, "from.badUrl", from);
      }
      return new CollectorSource(uri, token(env));
    }
    try {
      if (from.startsWith("jdbc:")) {
        return new StoreSource(Stores.open(from, null), redact(from));
      }
      Path dir = Path.of(from);
      if (!Files.isDirectory(dir)) {
        throw new UserException(ExitCode.INVALID_INPUT, "from.notFound", from);
      }
      return new StoreSource(Stores.open(null, dir), dir.toString());
    } catch (StoreException e) {
      throw StoreOptions.failed(e);
    }
  }

  private String token(Map<String, String> env) {
    String token;
    if (tokenFile != null) {
      try {
        token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UserException(
            ExitCode.INVALID_INPUT, "from.tokenUnreadable", tokenFile.toString());
      }
    } else {
      token = env.get(TOKEN_ENV);
    }
    if (token == null || token.isBlank()) {
      throw new UserException(ExitCode.USAGE, "from.noToken", TOKEN_ENV);
    }
    return token.strip();
  }

  /** A JDBC URL without its query (where a password may be). */
  static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?…";
  }
}
