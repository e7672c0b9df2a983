package vn.hatang.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hatang standards}: list, show, validate and diff the versioned standards. */
@Command(
    name = "standards",
    mixinStandardHelpOptions = true,
    subcommands = {
      StandardsListCommand.class,
      StandardsShowCommand.class,
      StandardsValidateCommand.class,
      StandardsDiffCommand.class
    })
public final class StandardsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
