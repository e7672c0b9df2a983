package vn.hatang.cli.command;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.StoreException;
import vn.hatang.cli.store.Tokens;
import vn.hatang.core.ExitCode;

/** {@code hatang tokens create}: makes a token, keeps its hash, prints the token once on stdout. */
@Command(name = "create", mixinStandardHelpOptions = true)
public final class TokensCreateCommand implements Callable<Integer> {
  /** What a token may do. */
  public enum Scope {
    upload,
    read
  }

  /** Longest unit code, as in the snapshot schema. */
  static final int MAX_UNIT = 64;

  /** Longest label. */
  static final int MAX_LABEL = 200;

  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--unit", paramLabel = "CODE", descriptionKey = "tokens.unit")
  String unit;

  @Option(names = "--scope", paramLabel = "upload|read", descriptionKey = "tokens.scope")
  Scope scope = Scope.upload;

  @Option(names = "--expires", paramLabel = "YYYY-MM-DD", descriptionKey = "tokens.expires")
  LocalDate expires;

  @Option(names = "--label", paramLabel = "TEXT", descriptionKey = "tokens.label")
  String label;

  public TokensCreateCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (unit == null && scope == Scope.upload) {
      throw new UserException(ExitCode.USAGE, "tokens.uploadNeedsUnit");
    }
    if (unit != null && (!fits(unit, MAX_UNIT) || !unit.strip().equals(unit))) {
      throw new UserException(ExitCode.USAGE, "tokens.badUnit", unit, MAX_UNIT);
    }
    if (label != null && !fits(label, MAX_LABEL)) {
      throw new UserException(ExitCode.USAGE, "tokens.badLabel", MAX_LABEL);
    }
    Instant now = Instant.now();
    // The token works through the whole of the given day, in this machine's time zone.
    Instant expiresAt =
        expires == null
            ? null
            : expires.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new UserException(ExitCode.USAGE, "tokens.expiresPast", expires.toString());
    }
    Tokens.Issued issued = Tokens.generate();
    try (Store store = storeOptions.open(context.env())) {
      store.addToken(
          new Store.Token(
              issued.id(), issued.sha256(), scope.name(), unit, label, now, expiresAt, null));
    } catch (StoreException e) {
      throw StoreOptions.failed(e);
    }
    spec.commandLine().getOut().println(issued.text());
    spec.commandLine().getOut().flush();
    var m = context.messages();
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        m.get(
            "tokens.created",
            issued.id(),
            scope.name(),
            unit == null ? m.get("tokens.allUnits") : unit));
    err.println(m.get("tokens.shownOnce"));
    return ExitCode.OK.code();
  }

  private static boolean fits(String s, int max) {
    return !s.isBlank() && s.length() <= max && s.codePoints().noneMatch(Character::isISOControl);
  }
}
