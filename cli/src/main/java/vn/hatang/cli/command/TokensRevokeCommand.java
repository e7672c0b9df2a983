package vn.hatang.cli.command;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.StoreException;
import vn.hatang.cli.store.Tokens;
import vn.hatang.core.ExitCode;

/**
 * {@code hatang tokens revoke ID}: the token stops working at once. Exit 3 when no token has this
 * id; a token revoked before keeps its first revocation time (exit 0).
 */
@Command(name = "revoke", mixinStandardHelpOptions = true)
public final class TokensRevokeCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(paramLabel = "ID", descriptionKey = "tokens.id")
  String id;

  public TokensRevokeCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!Tokens.isId(id)) {
      throw new UserException(ExitCode.USAGE, "tokens.badId", id);
    }
    var m = context.messages();
    try (Store store = storeOptions.open(context.env())) {
      Optional<Store.Token> before =
          store.tokens().stream().filter(t -> t.id().equals(id)).findFirst();
      if (before.isEmpty() || !store.revokeToken(id, Instant.now())) {
        throw new UserException(ExitCode.INVALID_INPUT, "tokens.unknownId", id);
      }
      if (before.get().revokedAt() != null) {
        spec.commandLine()
            .getOut()
            .println(
                m.get(
                    "tokens.alreadyRevoked",
                    id,
                    TokensListCommand.local(before.get().revokedAt())));
      } else {
        spec.commandLine().getOut().println(m.get("tokens.revoked", id));
      }
    } catch (StoreException e) {
      throw StoreOptions.failed(e);
    }
    return ExitCode.OK.code();
  }
}
