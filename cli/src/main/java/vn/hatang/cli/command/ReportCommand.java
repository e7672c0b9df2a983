package vn.hatang.cli.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.core.ExitCode;
import vn.hatang.core.doc.Docs;
import vn.hatang.core.render.Formats;
import vn.hatang.core.report.DeltaTable;
import vn.hatang.core.report.FrozenJson;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.PeriodReportCodec;
import vn.hatang.core.report.ReportCsv;
import vn.hatang.core.report.ReportDelta;
import vn.hatang.core.report.ReportTable;

/**
 * {@code hatang report --period P [PATH...] [--from ...]}: the period report per unit and up the
 * hierarchy, streamed from the snapshots; {@code -f json} is the frozen report that {@code hatang
 * report show} renders again.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    subcommands = {ReportCommand.Show.class, ReportCommand.Diff.class})
public final class ReportCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin ReportInputs inputs;

  @Option(names = "--level", paramLabel = "LEVEL", descriptionKey = "report.level")
  List<String> levels = new ArrayList<>();

  @Option(names = "--previous", paramLabel = "REPORT.json", descriptionKey = "report.previous")
  List<Path> previous = new ArrayList<>();

  @Mixin RenderOptions render;

  public ReportCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<PeriodReport> earlier = previous.stream().map(Artefacts::report).toList();
    ReportInputs.Built built = inputs.build(spec, context);
    emit(
        spec,
        context,
        built.report(),
        render.format,
        new LinkedHashSet<>(levels),
        earlier,
        inputs.standardsDir,
        render.output);
    return built.inputErrors() ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }

  /** Writes a report in a format, to a file (atomically) or to standard output. */
  static void emit(
      CommandSpec spec,
      HatangMain.Context context,
      PeriodReport report,
      OutputOptions.Format format,
      Set<String> levels,
      List<PeriodReport> previous,
      Path standardsDir,
      Path output) {
    if (format.document()) {
      OutputFile.document(
          spec,
          context,
          format,
          output,
          Docs.report(
              report,
              levels,
              previous,
              titles(context, report, standardsDir),
              new Formats(context.messages())));
      return;
    }
    if (format == OutputOptions.Format.json) {
      OutputFile.writeUtf8(spec, context, output, out -> PeriodReportCodec.write(report, out));
      return;
    }
    OutputFile.write(
        spec,
        context,
        output,
        out -> {
          switch (format) {
            case table ->
                out.write(ReportTable.render(report, levels, new Formats(context.messages())));
            case csv -> out.write(ReportCsv.render(report, levels));
            default -> throw new IllegalStateException(format.name());
          }
        });
  }

  /**
   * The titles of the checks of the standards a report used, in the reader's language, from the
   * bundled standards and {@code HATANG_STANDARDS_DIR}; a version not found leaves its checks named
   * by id (a page still renders).
   */
  static java.util.Map<String, String> titles(
      HatangMain.Context context, PeriodReport report, Path standardsDir) {
    java.util.Map<String, String> titles = new java.util.HashMap<>();
    vn.hatang.core.standard.StandardCatalog catalog =
        vn.hatang.core.standard.StandardCatalog.open(standardsDir, context.env());
    for (PeriodReport.StandardUsed used : report.standards()) {
      try {
        for (vn.hatang.core.standard.Check c : catalog.load(used.ref()).checks()) {
          if (c.title() != null) {
            titles.putIfAbsent(c.id(), c.title().in(context.messages().locale()));
          }
        }
      } catch (vn.hatang.core.standard.StandardException notFound) {
        // Named by id.
      }
    }
    return titles;
  }

  /** {@code hatang report show REPORT.json}: renders a frozen report again. */
  @Command(name = "show", mixinStandardHelpOptions = true)
  public static final class Show implements Callable<Integer> {
    private final HatangMain.Context context;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.json", descriptionKey = "report.show.file")
    Path file;

    @Option(names = "--level", paramLabel = "LEVEL", descriptionKey = "report.level")
    List<String> levels = new ArrayList<>();

    @Option(names = "--previous", paramLabel = "REPORT.json", descriptionKey = "report.previous")
    List<Path> previous = new ArrayList<>();

    @Mixin RenderOptions render;

    public Show(HatangMain.Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<PeriodReport> earlier = previous.stream().map(Artefacts::report).toList();
      PeriodReport report = Artefacts.report(file);
      emit(
          spec,
          context,
          report,
          render.format,
          new LinkedHashSet<>(levels),
          earlier,
          null,
          render.output);
      return ExitCode.OK.code();
    }
  }

  /** {@code hatang report diff PREVIOUS.json CURRENT.json}: what changed between two periods. */
  @Command(name = "diff", mixinStandardHelpOptions = true)
  public static final class Diff implements Callable<Integer> {
    private final HatangMain.Context context;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PREVIOUS.json", descriptionKey = "report.diff.previous")
    Path previous;

    @Parameters(index = "1", paramLabel = "CURRENT.json", descriptionKey = "report.diff.current")
    Path current;

    @Mixin RenderOptions render;

    public Diff(HatangMain.Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ReportDelta.Delta d =
          ReportDelta.compare(Artefacts.report(previous), Artefacts.report(current));
      String text =
          switch (render.format) {
            case table -> DeltaTable.render(d, new Formats(context.messages()));
            case csv -> DeltaTable.csv(d);
            case json -> new String(FrozenJson.write(d), StandardCharsets.UTF_8) + "\n";
            default -> throw OutputFile.notHere(render.format);
          };
      OutputFile.print(spec, context, text, render.output);
      return ExitCode.OK.code();
    }
  }
}
