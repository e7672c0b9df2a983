package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.check.CheckService;
import vn.hatang.cli.source.SnapshotSource;
import vn.hatang.cli.source.SourceException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.InputError;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.ReportRenderer;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardException;
import vn.hatang.core.waiver.Waivers;
import vn.hatang.core.waiver.WaiversException;
import vn.hatang.core.waiver.WaiversLoader;

/** {@code hatang check PATH...}: judges snapshots against a standard. */
@Command(name = "check", mixinStandardHelpOptions = true)
public final class CheckCommand implements java.util.concurrent.Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin StandardOptions standardOptions;

  @Option(names = "--strict", descriptionKey = "strict")
  boolean strict;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "report.output")
  Path outputFile;

  @Mixin FromOptions from;

  @Option(names = "--all-snapshots", descriptionKey = "check.allSnapshots")
  boolean allSnapshots;

  @Option(names = "--waivers", paramLabel = "FILE", descriptionKey = "check.waivers")
  Path waiversFile;

  @Parameters(arity = "0..*", paramLabel = "PATH", descriptionKey = "paths")
  List<String> paths = new ArrayList<>();

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
    if (paths.isEmpty() && !from.present()) {
      throw new UserException(ExitCode.USAGE, "check.nothing");
    }
    Waivers waivers = waivers(standard);
    List<CheckService.Stored> stored = from.present() ? stored() : List.of();
    CheckService.Result run =
        CheckService.check(
            paths,
            context.in(),
            stored,
            standard,
            standardOptions.evaluationDate(),
            waivers,
            context.fileProgress(spec.commandLine().getErr()));
    CheckReport report = run.report();
    Formats formats =
        new Formats(context.messages())
            .withColour(
                output.format() == OutputOptions.Format.table
                    && outputFile == null
                    && context.colour());
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
    for (InputError n : context.quiet() ? List.<InputError>of() : run.notices()) {
      spec.commandLine()
          .getErr()
          .println(
              vn.hatang.core.render.Safe.text(n.place()) + ": " + formats.message(n.message()));
    }
    for (String notice : formats.expiredWaiverNotices(report)) {
      spec.commandLine().getErr().println(notice);
    }
    for (InputError e : report.errors()) {
      spec.commandLine()
          .getErr()
          .println(
              vn.hatang.core.render.Safe.text(e.place()) + ": " + formats.message(e.message()));
    }
    if (output.format().document()) {
      OutputFile.document(
          spec,
          context,
          output.format(),
          outputFile,
          vn.hatang.core.doc.Docs.check(report, formats));
      return report.exitCode(strict).code();
    }
    // Written as it is rendered: a run over many machines is not held as one String.
    ReportRenderer renderer = ReportRenderer.forFormat(output.format().name());
    OutputFile.write(spec, context, outputFile, out -> renderer.render(report, formats, out));
    return report.exitCode(strict).code();
  }

  /** The {@code --waivers} file checked against the standard; a bad one stops the run (exit 3). */
  private Waivers waivers(Standard standard) {
    if (waiversFile == null) {
      return Waivers.NONE;
    }
    try {
      return WaiversLoader.load(waiversFile, waiversFile.toString(), standard);
    } catch (WaiversException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw new UserException(ExitCode.INVALID_INPUT, "check.waiversInvalid", waiversFile);
    }
  }

  /**
   * The snapshots {@code --from} holds: the latest of each machine, or all of them with {@code
   * --all-snapshots}.
   */
  private List<CheckService.Stored> stored() {
    List<SnapshotSource.Item> items = new ArrayList<>();
    try (SnapshotSource source = from.open(context.env())) {
      try {
        source.each(from.filter(), items::add);
      } catch (SourceException e) {
        throw new UserException(ExitCode.INVALID_INPUT, e.key(), e.args().toArray());
      } catch (IOException e) {
        throw new UserException(
            ExitCode.INVALID_INPUT, "source.unreachable", source.describe(), e.getMessage());
      }
      List<SnapshotSource.Item> chosen =
          allSnapshots ? items : SnapshotSource.latestPerMachine(items);
      List<CheckService.Stored> out = new ArrayList<>();
      for (SnapshotSource.Item item : chosen) {
        out.add(new CheckService.Stored(source.describe() + "#" + item.snapshotId(), item.json()));
      }
      return out;
    }
  }
}
