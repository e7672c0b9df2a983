package vn.hatang.cli.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.check.CheckService;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.InputError;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.ReportRenderer;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardException;

/** {@code hatang check PATH...}: judges snapshots against a standard. */
@Command(name = "check", mixinStandardHelpOptions = true)
public final class CheckCommand implements java.util.concurrent.Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin StandardOptions standardOptions;

  @Option(names = "--strict", descriptionKey = "strict")
  boolean strict;

  @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "paths")
  List<String> paths;

  public CheckCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Standard standard;
    try {
      standard = standardOptions.load(context.env());
    } catch (StandardException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw StandardOptions.invalid(e);
    }
    CheckService.Result run =
        CheckService.check(paths, context.in(), standard, standardOptions.evaluationDate());
    CheckReport report = run.report();
    Formats formats = new Formats(context.messages());
    if (!standard.inForceOn(report.evaluationDate())) {
      spec.commandLine()
          .getErr()
          .println(
              context
                  .messages()
                  .get(
                      "notice.notInForce",
                      standard.ref(),
                      String.valueOf(standard.effectiveFrom()),
                      report.evaluationDate().toString()));
    }
    for (InputError n : run.notices()) {
      spec.commandLine()
          .getErr()
          .println(
              vn.hatang.core.render.Safe.text(n.place()) + ": " + formats.message(n.message()));
    }
    for (InputError e : report.errors()) {
      spec.commandLine()
          .getErr()
          .println(
              vn.hatang.core.render.Safe.text(e.place()) + ": " + formats.message(e.message()));
    }
    spec.commandLine()
        .getOut()
        .print(ReportRenderer.forFormat(output.format().name()).render(report, formats));
    spec.commandLine().getOut().flush();
    return report.exitCode(strict).code();
  }
}
