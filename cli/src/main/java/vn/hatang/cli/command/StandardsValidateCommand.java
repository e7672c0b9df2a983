package vn.hatang.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.standard.Problem;
import vn.hatang.core.standard.StandardLoader;

/** {@code hatang standards validate FILE...}: every problem as {@code file:line:col: message}. */
@Command(name = "validate", mixinStandardHelpOptions = true)
public final class StandardsValidateCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "standardFiles")
  List<Path> files;

  public StandardsValidateCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ExitCode code = ExitCode.OK;
    for (Path file : files) {
      List<Problem> problems = StandardLoader.validate(file, file.toString());
      if (problems.isEmpty()) {
        spec.commandLine()
            .getOut()
            .println(context.messages().get("standards.valid", file.toString()));
      } else {
        printProblems(spec.commandLine().getOut(), problems, context.messages());
        code = ExitCode.INVALID_INPUT;
      }
    }
    spec.commandLine().getOut().flush();
    return code.code();
  }

  /** Prints problems as {@code file:line:col: message}, one a line. */
  public static void printProblems(PrintWriter out, List<Problem> problems, Messages m) {
    for (Problem p : problems) {
      out.println(p.place() + ": " + m.get(p.key(), p.args().toArray()));
    }
    out.flush();
  }
}
