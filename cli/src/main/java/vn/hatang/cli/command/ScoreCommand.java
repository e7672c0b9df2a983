package vn.hatang.cli.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.render.Formats;
import vn.hatang.core.report.FrozenJson;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.score.ScoreTable;
import vn.hatang.core.score.Scores;
import vn.hatang.core.standard.Standard;

/**
 * {@code hatang score --period P [PATH...]} or {@code hatang score --report REPORT.json}: PAR-index
 * points per unit from the score structure of the standard, ranked within each level, with the
 * breakdown per criterion.
 */
@Command(name = "score", mixinStandardHelpOptions = true)
public final class ScoreCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin ReportInputs inputs;

  @Option(names = "--report", paramLabel = "REPORT.json", descriptionKey = "plan.report")
  Path reportFile;

  @Mixin RenderOptions render;

  public ScoreCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ReportInputs.Built built = inputs.builtOrRead(spec, context, reportFile);
    PeriodReport report = built.report();
    Standard standard = built.unitStandard();
    boolean inputErrors = built.inputErrors();
    if (standard.score() == null) {
      throw new UserException(ExitCode.INVALID_INPUT, "score.noModel", standard.ref());
    }
    List<Scores.UnitScore> scores = Scores.score(report, standard);
    if (render.format.document()) {
      OutputFile.document(
          spec,
          context,
          render.format,
          render.output,
          vn.hatang.core.doc.Docs.score(
              report.period(), standard.ref(), scores, new Formats(context.messages())));
      return inputErrors ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
    }
    String text =
        switch (render.format) {
          case table ->
              ScoreTable.render(
                  report.period(), standard.ref(), scores, new Formats(context.messages()));
          case csv -> ScoreTable.csv(report.period(), scores);
          case json -> new String(FrozenJson.write(scores), StandardCharsets.UTF_8) + "\n";
          default -> throw new IllegalStateException(render.format.name());
        };
    OutputFile.print(spec, context, text, render.output);
    return inputErrors ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }
}
