package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.report.SnapshotStream;
import vn.hatang.cli.source.SnapshotSource;
import vn.hatang.cli.source.SourceException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.attest.Attestations;
import vn.hatang.core.attest.AttestationsException;
import vn.hatang.core.attest.AttestationsLoader;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.InputError;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.report.EquipmentCounter;
import vn.hatang.core.report.Period;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.PeriodReportCodec;
import vn.hatang.core.report.ReportBuilder;
import vn.hatang.core.report.ReportCsv;
import vn.hatang.core.report.ReportTable;
import vn.hatang.core.report.UnitDirectory;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardException;
import vn.hatang.core.waiver.Waivers;
import vn.hatang.core.waiver.WaiversException;
import vn.hatang.core.waiver.WaiversLoader;

/**
 * {@code hatang report --period P [PATH...] [--from ...]}: the period report per unit and up the
 * hierarchy, streamed from the snapshots; {@code -f json} is the frozen report that {@code hatang
 * report show} renders again.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    subcommands = {ReportCommand.Show.class})
public final class ReportCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin FromOptions from;

  @Option(names = "--period", paramLabel = "YYYY-MM|YYYY-Qn|YYYY", descriptionKey = "report.period")
  String period;

  @Option(
      names = {"-s", "--standard"},
      descriptionKey = "report.standard",
      paramLabel = "ID[@VERSION]|FILE")
  String standard;

  @Option(names = "--standards-dir", descriptionKey = "standardsDir", paramLabel = "DIR")
  Path standardsDir;

  @Option(names = "--level", paramLabel = "LEVEL", descriptionKey = "report.level")
  List<String> levels = new ArrayList<>();

  @Option(names = "--waivers", paramLabel = "FILE", descriptionKey = "check.waivers")
  Path waiversFile;

  @Option(names = "--attestations", paramLabel = "FILE", descriptionKey = "report.attestations")
  Path attestationsFile;

  @Option(
      names = {"-f", "--format"},
      descriptionKey = "format",
      defaultValue = "table")
  OutputOptions.Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "report.output")
  Path output;

  @Parameters(arity = "0..*", paramLabel = "PATH", descriptionKey = "paths")
  List<String> paths = new ArrayList<>();

  public ReportCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (period == null) {
      throw new UserException(ExitCode.USAGE, "report.noPeriod");
    }
    Period p =
        Period.parse(period)
            .orElseThrow(() -> new UserException(ExitCode.USAGE, "report.badPeriod", period));
    if (paths.isEmpty() && !from.present()) {
      throw new UserException(ExitCode.USAGE, "check.nothing");
    }
    ReportBuilder.Judge judge = judge(p);
    ReportBuilder builder =
        new ReportBuilder(p, judge, UnitDirectory.NONE, attested(), new EquipmentCounter(Map.of()));
    SnapshotStream stream = new SnapshotStream(builder::accept);
    for (String path : paths) {
      stream.path(path, context.in());
    }
    if (from.present()) {
      try (SnapshotSource source = from.open(context.env())) {
        source.each(
            from.filter(),
            item -> stream.stored(source.describe() + "#" + item.snapshotId(), item.json()));
      } catch (SourceException e) {
        throw new UserException(ExitCode.INVALID_INPUT, e.key(), e.args().toArray());
      } catch (IOException e) {
        throw new UserException(
            ExitCode.INVALID_INPUT, "source.unreachable", String.valueOf(from), e.getMessage());
      }
    }
    Formats formats = new Formats(context.messages());
    var err = spec.commandLine().getErr();
    for (InputError n : stream.notices()) {
      err.println(Safe.text(n.place()) + ": " + formats.message(n.message()));
    }
    for (InputError e : stream.errors()) {
      err.println(Safe.text(e.place()) + ": " + formats.message(e.message()));
    }
    if (builder.afterPeriod() > 0) {
      err.println(context.messages().get("report.afterPeriod", builder.afterPeriod(), p.label()));
    }
    PeriodReport report = builder.build();
    emit(spec, context, report, format, new LinkedHashSet<>(levels), output);
    return stream.errors().isEmpty() ? ExitCode.OK.code() : ExitCode.INVALID_INPUT.code();
  }

  /** The {@code --attestations} file; a bad one stops the run (exit 3) with every problem. */
  private ReportBuilder.Attested attested() {
    if (attestationsFile == null) {
      return ReportBuilder.Attested.NONE;
    }
    try {
      Attestations a = AttestationsLoader.load(attestationsFile, attestationsFile.toString());
      return a::count;
    } catch (AttestationsException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw new UserException(
          ExitCode.INVALID_INPUT, "report.attestationsInvalid", attestationsFile);
    }
  }

  /**
   * The standard for a day (the one forced by --standard, or the version in force that day) and the
   * {@code --waivers}, checked against the standard in force at the period's end.
   */
  private ReportBuilder.Judge judge(Period p) {
    StandardCatalog catalog = StandardCatalog.open(standardsDir, context.env());
    List<Standard> versions;
    try {
      versions =
          standard != null
              ? List.of(catalog.load(standard))
              : catalog.versions(StandardCatalog.DEFAULT_ID);
    } catch (StandardException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw StandardOptions.invalid(e);
    }
    Waivers waivers = Waivers.NONE;
    if (waiversFile != null) {
      try {
        waivers =
            WaiversLoader.load(
                waiversFile, waiversFile.toString(), StandardCatalog.inForceOn(versions, p.end()));
      } catch (WaiversException e) {
        StandardsValidateCommand.printProblems(
            spec.commandLine().getErr(), e.problems(), context.messages());
        throw new UserException(ExitCode.INVALID_INPUT, "check.waiversInvalid", waiversFile);
      }
    }
    Waivers chosen = waivers;
    return new ReportBuilder.Judge() {
      @Override
      public Standard standardFor(LocalDate day) {
        return StandardCatalog.inForceOn(versions, day);
      }

      @Override
      public List<Finding> findings(Snapshot snapshot, Standard std, LocalDate date) {
        return Evaluator.evaluate("", snapshot, std, date, chosen).findings();
      }
    };
  }

  /** Writes a report in a format, to a file (atomically) or to standard output. */
  static void emit(
      CommandSpec spec,
      HatangMain.Context context,
      PeriodReport report,
      OutputOptions.Format format,
      Set<String> levels,
      Path output) {
    String text =
        switch (format) {
          case table -> ReportTable.render(report, levels, new Formats(context.messages()));
          case csv -> ReportCsv.render(report, levels);
          case json -> new String(PeriodReportCodec.write(report), StandardCharsets.UTF_8) + "\n";
        };
    if (output == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), ".hatang-report-", ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      } catch (IOException ignored) {
        // the error below is the one to report
      }
      throw new UserException(
          ExitCode.INTERNAL,
          "report.cannotWrite",
          output.toString(),
          String.valueOf(e.getMessage()));
    }
    spec.commandLine()
        .getErr()
        .println(context.messages().get("report.written", output.toString()));
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

    @Option(
        names = {"-f", "--format"},
        descriptionKey = "format",
        defaultValue = "table")
    OutputOptions.Format format;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        descriptionKey = "report.output")
    Path output;

    public Show(HatangMain.Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      PeriodReport report;
      try {
        long size = Files.size(file);
        if (size > MAX_REPORT_BYTES) {
          throw new UserException(
              ExitCode.INVALID_INPUT, "report.tooLarge", file.toString(), MAX_REPORT_BYTES);
        }
        report = PeriodReportCodec.read(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UserException(
            ExitCode.INVALID_INPUT,
            "report.unreadable",
            file.toString(),
            Safe.text(e.getMessage()));
      }
      emit(spec, context, report, format, new LinkedHashSet<>(levels), output);
      return ExitCode.OK.code();
    }
  }

  /** The largest frozen report read back. */
  static final long MAX_REPORT_BYTES = 512L * 1024 * 1024;
}
