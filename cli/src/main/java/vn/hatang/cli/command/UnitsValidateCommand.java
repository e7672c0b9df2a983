package vn.hatang.cli.command;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.core.ExitCode;
import vn.hatang.core.standard.Problem;
import vn.hatang.core.unit.UnitRegistry;
import vn.hatang.core.unit.UnitsException;
import vn.hatang.core.unit.UnitsLoader;

/** {@code hatang units validate FILE...}: every problem as {@code file:line:col: message}. */
@Command(name = "validate", mixinStandardHelpOptions = true)
public final class UnitsValidateCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "units.files")
  List<String> files;

  public UnitsValidateCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var m = context.messages();
    var out = spec.commandLine().getOut();
    ExitCode code = ExitCode.OK;
    for (String file : files) {
      try {
        UnitRegistry r = UnitsLoader.load(file);
        out.println(
            m.get(
                "units.valid",
                file,
                r.all().size(),
                r.codes().size(),
                String.join(", ", r.levels())));
      } catch (UnitsException e) {
        List<Problem> problems = e.problems();
        StandardsValidateCommand.printProblems(out, problems, m);
        code = ExitCode.INVALID_INPUT;
      }
    }
    out.flush();
    return code.code();
  }
}
