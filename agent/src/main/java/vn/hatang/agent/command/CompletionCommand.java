package vn.hatang.agent.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.AgentMain;
import vn.hatang.core.ExitCode;

/**
 * {@code hatang-agent completion [bash|zsh]}: prints the shell completion script picocli generates
 * from the commands' model (one script serves both: under zsh it loads bashcompinit).
 */
@Command(name = "completion", mixinStandardHelpOptions = true, resourceBundle = AgentMain.BUNDLE)
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "bash|zsh",
      defaultValue = "bash",
      descriptionKey = "completion.shell")
  String shell;

  @Override
  public Integer call() throws AgentException {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new AgentException(ExitCode.USAGE, "completion.badShell", shell);
    }
    spec.commandLine()
        .getOut()
        .print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
