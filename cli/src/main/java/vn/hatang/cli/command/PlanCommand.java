package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.plan.Plan;
import vn.hatang.core.plan.PlanBuilder;
import vn.hatang.core.plan.PlanCodec;
import vn.hatang.core.plan.PlanCsv;
import vn.hatang.core.plan.PlanTable;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.PeriodReportCodec;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardException;

/**
 * {@code hatang plan --period P [PATH...]} or {@code hatang plan --report REPORT.json}: the
 * remediation plan per unit, with quantities, costs, owners and deadlines, and the budget request.
 */
@Command(name = "plan", mixinStandardHelpOptions = true)
public final class PlanCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin ReportInputs inputs;

  @Option(names = "--report", paramLabel = "REPORT.json", descriptionKey = "plan.report")
  Path reportFile;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "plan.date")
  LocalDate date;

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

  public PlanCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PeriodReport report;
    Standard standard;
    boolean inputErrors = false;
    if (reportFile != null) {
      if (inputs.present() || inputs.period != null) {
        throw new UserException(ExitCode.USAGE, "plan.reportOrInputs");
      }
      report = readReport(reportFile);
      standard = standardOf(report);
    } else {
      ReportInputs.Built built = inputs.build(spec, context);
      report = built.report();
      standard = built.unitStandard();
      inputErrors = built.inputErrors();
    }
    LocalDate planDate = date != null ? date : LocalDate.now(ZoneId.systemDefault());
    Plan plan = PlanBuilder.build(report, standard, planDate);
    String text =
        switch (format) {
          case table -> PlanTable.render(plan, new Formats(context.messages()));
          case csv -> PlanCsv.render(plan, context.messages().locale());
          case json -> new String(PlanCodec.write(plan), StandardCharsets.UTF_8) + "\n";
        };
    OutputFile.print(spec, context, text, output);
    return inputErrors ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }

  /** The standard whose prices and deadlines apply: --standard, else the report's unit standard. */
  private Standard standardOf(PeriodReport report) {
    StandardCatalog catalog = StandardCatalog.open(inputs.standardsDir, context.env());
    try {
      return catalog.load(inputs.standard != null ? inputs.standard : report.unitStandard());
    } catch (StandardException e) {
      StandardsValidateCommand.printProblems(
          spec.commandLine().getErr(), e.problems(), context.messages());
      throw StandardOptions.invalid(e);
    }
  }

  static PeriodReport readReport(Path file) {
    try {
      long size = Files.size(file);
      if (size > ReportCommand.MAX_REPORT_BYTES) {
        throw new UserException(
            ExitCode.INVALID_INPUT,
            "report.tooLarge",
            file.toString(),
            ReportCommand.MAX_REPORT_BYTES);
      }
      return PeriodReportCodec.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UserException(
          ExitCode.INVALID_INPUT, "report.unreadable", file.toString(), Safe.text(e.getMessage()));
    }
  }
}
