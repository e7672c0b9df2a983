package vn.hatang.cli.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.core.ExitCode;

/**
 * {@code hatang completion [bash|zsh]}: prints the shell completion script picocli generates from
 * the commands' model (one script serves both: under zsh it loads bashcompinit). Install with
 * {@code hatang completion > /etc/bash_completion.d/hatang} or {@code source <(hatang completion)}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true)
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "bash|zsh",
      defaultValue = "bash",
      descriptionKey = "completion.shell")
  String shell;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new vn.hatang.cli.UserException(ExitCode.USAGE, "completion.badShell", shell);
    }
    String name = spec.root().name();
    spec.commandLine().getOut().print(AutoComplete.bash(name, spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
