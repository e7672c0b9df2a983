package vn.hatang.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hatang tokens}: create, list and revoke the collector's access tokens. */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    subcommands = {TokensCreateCommand.class, TokensListCommand.class, TokensRevokeCommand.class})
public final class TokensCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
