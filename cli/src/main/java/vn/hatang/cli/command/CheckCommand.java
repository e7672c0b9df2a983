package vn.hatang.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.check.CheckService;
import vn.hatang.cli.check.SpooledRun;
import vn.hatang.cli.report.FolderWalks;
import vn.hatang.cli.source.SnapshotSource;
import vn.hatang.cli.source.SourceException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.InputError;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.PartRenderer;
import vn.hatang.core.render.ReportRenderer;
import vn.hatang.core.render.RunSummary;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardException;
import vn.hatang.core.waiver.Waiver;
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
    // The folders are walked while the standard and the waivers load; not when stored snapshots are
    // fetched first (--from: over the network, maybe long), so that a folder is listed when read.
    FolderWalks walks = from.present() ? FolderWalks.NONE : FolderWalks.start(paths);
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
    LocalDate date = standardOptions.evaluationDate();
    Formats formats =
        new Formats(context.messages())
            .withColour(
                output.format() == OutputOptions.Format.table
                    && outputFile == null
                    && context.colour());
    CheckService.Inputs in =
        new CheckService.Inputs(
            paths, context.in(), stored, context.fileProgress(spec.commandLine().getErr()), walks);
    // Text: each machine's part is rendered as it is judged and kept in a temporary file (next to
    // the output file, else in java.io.tmpdir), then written in report order; the heap does not
    // hold the machines' findings. Where no such file can be made, the whole report is kept.
    PartRenderer renderer =
        output.format().document()
            ? null
            : (PartRenderer) ReportRenderer.forFormat(output.format().name());
    SpooledRun spool = null;
    if (renderer != null) {
      try {
        Path folder = outputFile == null ? null : outputFile.toAbsolutePath().getParent();
        spool = new SpooledRun(renderer, formats, standard, date, folder);
      } catch (IOException | RuntimeException e) {
        spool = null;
      }
    }
    if (spool == null) {
      // A document, or a text where no temporary file can be made: the whole report in memory.
      CheckService.Result run = CheckService.check(in, standard, date, waivers);
      CheckReport report = run.report();
      notices(standard, date, formats, run.notices(), report.expiredWaivers(), report.errors());
      if (renderer != null) {
        OutputFile.writeUtf8(
            spec, context, outputFile, out -> renderer.render(report, formats, out));
      } else {
        OutputFile.document(
            spec,
            context,
            output.format(),
            outputFile,
            vn.hatang.core.doc.Docs.check(report, formats));
      }
      return report.exitCode(strict).code();
    }
    CheckService.Spooled spooled;
    try {
      spooled = CheckService.spool(in, standard, date, waivers, spool);
    } catch (IOException e) {
      throw new UserException(
          ExitCode.INTERNAL,
          "check.spoolFailed",
          String.valueOf(spool.file().getParent()),
          String.valueOf(e.getMessage()));
    }
    try (SpooledRun run = spooled.run()) {
      RunSummary summary = run.summary();
      notices(
          standard, date, formats, spooled.notices(), summary.expiredWaivers(), summary.errors());
      OutputFile.writeUtf8(spec, context, outputFile, run::writeTo);
      return summary.exitCode(strict).code();
    }
  }

  /** On stderr: the standard not in force, duplicates, expired waivers, inputs not judged. */
  private void notices(
      Standard standard,
      LocalDate date,
      Formats formats,
      List<InputError> notices,
      Map<Waiver, Long> expired,
      List<InputError> errors) {
    PrintWriter err = spec.commandLine().getErr();
    if (!standard.inForceOn(date)) {
      err.println(
          context
              .messages()
              .get(
                  "notice.notInForce",
                  standard.ref(),
                  String.valueOf(standard.effectiveFrom()),
                  date.toString()));
    }
    for (InputError n : context.quiet() ? List.<InputError>of() : notices) {
      err.println(vn.hatang.core.render.Safe.text(n.place()) + ": " + formats.message(n.message()));
    }
    for (String notice : formats.expiredWaiverNotices(expired)) {
      err.println(notice);
    }
    for (InputError e : errors) {
      err.println(vn.hatang.core.render.Safe.text(e.place()) + ": " + formats.message(e.message()));
    }
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
