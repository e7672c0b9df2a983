package vn.hatang.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hatang units}: validate, show and import administrative units files. */
@Command(
    name = "units",
    mixinStandardHelpOptions = true,
    subcommands = {UnitsValidateCommand.class, UnitsShowCommand.class, UnitsImportGsoCommand.class})
public final class UnitsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
