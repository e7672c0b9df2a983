package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.report.FolderWalks;
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
import vn.hatang.core.report.RegistryDirectory;
import vn.hatang.core.report.ReportBuilder;
import vn.hatang.core.report.UnitDirectory;
import vn.hatang.core.report.UsbCatalogue;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardException;
import vn.hatang.core.standard.StandardLoader;
import vn.hatang.core.unit.UnitsException;
import vn.hatang.core.unit.UnitsLoader;
import vn.hatang.core.waiver.Waivers;
import vn.hatang.core.waiver.WaiversException;
import vn.hatang.core.waiver.WaiversLoader;

/**
 * What a period report is made from, shared by {@code report} and {@code plan}: the period, the
 * snapshots (paths, {@code --from}), the standard (forced, or the version in force on each
 * snapshot's date), waivers and attestations.
 */
public final class ReportInputs {
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

  @Option(names = "--units", paramLabel = "FILE", descriptionKey = "report.units")
  String unitsFile;

  @Option(names = "--waivers", paramLabel = "FILE", descriptionKey = "check.waivers")
  Path waiversFile;

  @Option(names = "--attestations", paramLabel = "FILE", descriptionKey = "report.attestations")
  Path attestationsFile;

  @Option(names = "--usb-items", paramLabel = "FILE", descriptionKey = "report.usbItems")
  Path usbItemsFile;

  @Parameters(arity = "0..*", paramLabel = "PATH", descriptionKey = "paths")
  List<String> paths = new ArrayList<>();

  /**
   * A report built from the inputs.
   *
   * @param report the report
   * @param inputErrors whether some input could not be read (named on stderr)
   * @param unitStandard the standard in force at the period's end (prices, deadlines)
   */
  public record Built(PeriodReport report, boolean inputErrors, Standard unitStandard) {}

  /** Whether snapshots were named (paths or {@code --from}). */
  boolean present() {
    return !paths.isEmpty() || from.present();
  }

  /** The standards a report judges by: the one forced, or every version of the default. */
  List<Standard> versions(CommandSpec spec, HatangMain.Context context) {
    StandardCatalog catalog = StandardCatalog.open(standardsDir, context.env());
    try {
      return standard != null && StandardCatalog.pinned(standard)
          ? List.of(catalog.load(standard))
          : catalog.versions(standard != null ? standard : StandardCatalog.DEFAULT_ID);
    } catch (StandardException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw StandardOptions.invalid(e);
    }
  }

  /** Reads everything and builds the report; usage and input problems as {@link UserException}. */
  Built build(CommandSpec spec, HatangMain.Context context) {
    if (period == null) {
      throw new UserException(ExitCode.USAGE, "report.noPeriod");
    }
    Period p =
        Period.parse(period)
            .orElseThrow(() -> new UserException(ExitCode.USAGE, "report.badPeriod", period));
    if (!present()) {
      throw new UserException(ExitCode.USAGE, "check.nothing");
    }
    // The folders are walked while the standards, units and catalogues load.
    FolderWalks walks = FolderWalks.start(paths);
    List<Standard> versions = versions(spec, context);
    Standard atEnd = StandardCatalog.inForceOn(versions, p.end());
    ReportBuilder builder =
        new ReportBuilder(
            p,
            judge(spec, context, versions, atEnd),
            units(spec, context),
            attested(spec, context),
            new EquipmentCounter(usbItems(spec, context)));
    SnapshotStream<ReportBuilder.Judged> stream =
        new SnapshotStream<>(builder::judgeAhead, builder::accept)
            .progress(context.fileProgress(spec.commandLine().getErr()))
            .walks(walks);
    read(paths, from, context, stream);
    Formats formats = new Formats(context.messages());
    var err = spec.commandLine().getErr();
    for (InputError n : context.quiet() ? List.<InputError>of() : stream.notices()) {
      err.println(Safe.text(n.place()) + ": " + formats.message(n.message()));
    }
    for (InputError e : stream.errors()) {
      err.println(Safe.text(e.place()) + ": " + formats.message(e.message()));
    }
    if (builder.afterPeriod() > 0 && !context.quiet()) {
      err.println(context.messages().get("report.afterPeriod", builder.afterPeriod(), p.label()));
    }
    List<PeriodReport.InputFile> files = new ArrayList<>();
    file(files, "units", unitsFile);
    file(files, "waivers", waiversFile == null ? null : waiversFile.toString());
    file(files, "attestations", attestationsFile == null ? null : attestationsFile.toString());
    // The USB catalogue bundled with this build counts equipment in every report: recorded too,
    // so that a report made with another build's catalogue can be told apart.
    file(files, "usbItems", UnitsLoader.BUNDLED + "reference/usb-items.yaml");
    file(files, "usbItems", usbItemsFile == null ? null : usbItemsFile.toString());
    return new Built(builder.build().withInputs(files), !stream.errors().isEmpty(), atEnd);
  }

  /** Records a file the report rests on with its SHA-256 (a bundled sample by its resource). */
  private static void file(List<PeriodReport.InputFile> out, String kind, String name) {
    if (name == null) {
      return;
    }
    try {
      byte[] bytes;
      if (name.startsWith(UnitsLoader.BUNDLED)) {
        String resource = "/standards/" + name.substring(UnitsLoader.BUNDLED.length());
        try (var in = ReportInputs.class.getResourceAsStream(resource)) {
          bytes = in == null ? null : in.readAllBytes();
        }
      } else {
        bytes = java.nio.file.Files.readAllBytes(Path.of(name));
      }
      if (bytes != null) {
        out.add(new PeriodReport.InputFile(kind, name, StandardLoader.sha256(bytes)));
      }
    } catch (IOException e) {
      // Already read once by its loader: a file gone since is left out of the record.
    }
  }

  /** Stored snapshots held at a time before they are parsed. */
  private static final int STORED_CHUNK = 16 * SnapshotStream.BATCH;

  /** Streams the snapshots of the paths and of {@code --from}, if given. */
  static void read(
      List<String> paths, FromOptions from, HatangMain.Context context, SnapshotStream<?> stream) {
    for (String path : paths) {
      stream.path(path, context.in());
    }
    if (!from.present()) {
      return;
    }
    try (SnapshotSource source = from.open(context.env())) {
      // Parsed ahead in parallel, a bounded chunk at a time (a store may hold a province).
      List<Map.Entry<String, byte[]>> chunk = new ArrayList<>();
      source.each(
          from.filter(),
          item -> {
            chunk.add(Map.entry(source.describe() + "#" + item.snapshotId(), item.json()));
            if (chunk.size() == STORED_CHUNK) {
              stream.stored(chunk);
              chunk.clear();
            }
          });
      stream.stored(chunk);
    } catch (SourceException e) {
      throw new UserException(ExitCode.INVALID_INPUT, e.key(), e.args().toArray());
    } catch (IOException e) {
      throw new UserException(
          ExitCode.INVALID_INPUT, "source.unreachable", String.valueOf(from), e.getMessage());
    }
  }

  /**
   * The report a command works on: a frozen one ({@code --report FILE}, with --standard or its own
   * unit standard) or one built from these inputs; not both.
   */
  Built builtOrRead(CommandSpec spec, HatangMain.Context context, Path reportFile) {
    if (reportFile == null) {
      return build(spec, context);
    }
    if (present() || period != null) {
      throw new UserException(ExitCode.USAGE, "plan.reportOrInputs");
    }
    PeriodReport report = Artefacts.report(reportFile);
    try {
      Standard unitStandard =
          StandardCatalog.open(standardsDir, context.env())
              .load(standard != null ? standard : report.unitStandard());
      return new Built(report, false, unitStandard);
    } catch (StandardException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw StandardOptions.invalid(e);
    }
  }

  /** The {@code --units} file (or {@code bundled:units/52.yaml}); a bad one stops the run. */
  private UnitDirectory units(CommandSpec spec, HatangMain.Context context) {
    if (unitsFile == null) {
      return UnitDirectory.NONE;
    }
    try {
      return new RegistryDirectory(UnitsLoader.load(unitsFile));
    } catch (UnitsException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw new UserException(ExitCode.INVALID_INPUT, "report.unitsInvalid", unitsFile);
    }
  }

  /**
   * The USB catalogue: the bundled one, with the {@code --usb-items} file on top; a bad file stops
   * the run (exit 3) with every problem.
   */
  private Map<String, String> usbItems(CommandSpec spec, HatangMain.Context context) {
    if (usbItemsFile == null) {
      return UsbCatalogue.bundled();
    }
    try {
      return UsbCatalogue.withFile(usbItemsFile, usbItemsFile.toString());
    } catch (UsbCatalogue.Invalid e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw new UserException(ExitCode.INVALID_INPUT, "report.usbItemsInvalid", usbItemsFile);
    }
  }

  /** The {@code --attestations} file; a bad one stops the run (exit 3) with every problem. */
  private ReportBuilder.Attested attested(CommandSpec spec, HatangMain.Context context) {
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
   * The standard for a day and the {@code --waivers}, checked against the standard in force at the
   * period's end.
   */
  private ReportBuilder.Judge judge(
      CommandSpec spec, HatangMain.Context context, List<Standard> versions, Standard atEnd) {
    Waivers waivers = Waivers.NONE;
    if (waiversFile != null) {
      try {
        waivers = WaiversLoader.load(waiversFile, waiversFile.toString(), atEnd);
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
}
