package vn.hatang.cli.command;

import java.nio.charset.StandardCharsets;
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
import vn.hatang.core.ExitCode;
import vn.hatang.core.plan.Plan;
import vn.hatang.core.plan.PlanBuilder;
import vn.hatang.core.plan.PlanCodec;
import vn.hatang.core.plan.PlanCsv;
import vn.hatang.core.plan.PlanProgress;
import vn.hatang.core.plan.PlanReview;
import vn.hatang.core.plan.PlanTable;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardException;

/**
 * {@code hatang plan --period P [PATH...]} or {@code hatang plan --report REPORT.json}: the
 * remediation plan per unit, with quantities, costs, owners and deadlines, and the budget request.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    subcommands = {PlanCommand.Review.class, PlanCommand.Progress.class})
public final class PlanCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin ReportInputs inputs;

  @Option(names = "--report", paramLabel = "REPORT.json", descriptionKey = "plan.report")
  Path reportFile;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "plan.date")
  LocalDate date;

  @Mixin RenderOptions render;

  public PlanCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ReportInputs.Built built = inputs.builtOrRead(spec, context, reportFile);
    PeriodReport report = built.report();
    Standard standard = built.unitStandard();
    boolean inputErrors = built.inputErrors();
    LocalDate planDate = date != null ? date : LocalDate.now(ZoneId.systemDefault());
    Plan plan = PlanBuilder.build(report, standard, planDate);
    if (render.format.document()) {
      OutputFile.document(
          spec,
          context,
          render.format,
          render.output,
          vn.hatang.core.doc.Docs.plan(plan, new Formats(context.messages())));
      return inputErrors ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
    }
    String text =
        switch (render.format) {
          case table -> PlanTable.render(plan, new Formats(context.messages()));
          case csv -> PlanCsv.render(plan, context.messages().locale());
          case json -> new String(PlanCodec.write(plan), StandardCharsets.UTF_8) + "\n";
          default -> throw new IllegalStateException(render.format.name());
        };
    OutputFile.print(spec, context, text, render.output);
    return inputErrors ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }

  /**
   * {@code hatang plan review DRAFT.json --report REPORT.json}: what a unit's draft leaves
   * uncovered, what would not reach the standard, what lacks owner, deadline or cost; the coverage.
   * Exit 0 when every draft can be adopted, 1 otherwise.
   */
  @Command(name = "review", mixinStandardHelpOptions = true)
  public static final class Review implements Callable<Integer> {
    private final HatangMain.Context context;

    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(
        index = "0",
        paramLabel = "DRAFT.json",
        descriptionKey = "plan.review.draft")
    Path draftFile;

    @Option(
        names = "--report",
        paramLabel = "REPORT.json",
        required = true,
        descriptionKey = "plan.review.report")
    Path reportFile;

    @Option(names = "--standards-dir", descriptionKey = "standardsDir", paramLabel = "DIR")
    Path standardsDir;

    @Option(
        names = {"-f", "--format"},
        descriptionKey = "format",
        defaultValue = "table")
    OutputOptions.Format format;

    public Review(HatangMain.Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      PeriodReport report = Artefacts.report(reportFile);
      Plan draft = Artefacts.plan(draftFile);
      Standard standard;
      try {
        standard = StandardCatalog.open(standardsDir, context.env()).load(report.unitStandard());
      } catch (StandardException e) {
        StandardsValidateCommand.printProblems(
            spec.commandLine().getErr(), e.problems(), context.messages());
        throw StandardOptions.invalid(e);
      }
      if (format.document()) {
        throw OutputFile.notHere(format);
      }
      java.util.List<PlanReview.UnitReview> reviews = PlanReview.review(draft, report, standard);
      String text =
          format == OutputOptions.Format.json
              ? new String(vn.hatang.core.report.FrozenJson.write(reviews), StandardCharsets.UTF_8)
                  + "\n"
              : ReviewTable.render(reviews, new Formats(context.messages()));
      OutputFile.print(spec, context, text, null);
      return reviews.stream().allMatch(PlanReview.UnitReview::complete)
          ? ExitCode.OK.code()
          : ExitCode.DEFICIENCIES.code();
    }
  }

  /**
   * {@code hatang plan progress ADOPTED.json --report REPORT.json}: the share of an adopted plan's
   * items cleared by the latest snapshots, per unit, and the items overdue.
   */
  @Command(name = "progress", mixinStandardHelpOptions = true)
  public static final class Progress implements Callable<Integer> {
    private final HatangMain.Context context;

    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(
        index = "0",
        paramLabel = "ADOPTED.json",
        descriptionKey = "plan.progress.plan")
    Path planFile;

    @Option(
        names = "--report",
        paramLabel = "REPORT.json",
        required = true,
        descriptionKey = "plan.progress.report")
    Path reportFile;

    @Option(
        names = {"-f", "--format"},
        descriptionKey = "format",
        defaultValue = "table")
    OutputOptions.Format format;

    public Progress(HatangMain.Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (format.document()) {
        throw OutputFile.notHere(format);
      }
      PeriodReport report = Artefacts.report(reportFile);
      Plan adopted = Artefacts.plan(planFile);
      java.util.List<PlanProgress.UnitProgress> progress = PlanProgress.of(adopted, report);
      Formats f = new Formats(context.messages());
      String text =
          switch (format) {
            case json ->
                new String(vn.hatang.core.report.FrozenJson.write(progress), StandardCharsets.UTF_8)
                    + "\n";
            case csv -> progressCsv(report, progress);
            case table -> progressTable(report, progress, f);
            default -> throw OutputFile.notHere(format);
          };
      OutputFile.print(spec, context, text, null);
      return ExitCode.OK.code();
    }
  }

  private static String progressTable(
      PeriodReport report, java.util.List<PlanProgress.UnitProgress> progress, Formats f) {
    var m = f.messages();
    StringBuilder out = new StringBuilder();
    out.append(m.get("progress.title", report.period())).append('\n');
    for (PlanProgress.UnitProgress u : progress) {
      out.append('\n')
          .append(
              m.get(
                  "progress.unit",
                  Safe.text(u.code()),
                  Safe.text(u.name()),
                  u.cleared(),
                  u.items(),
                  f.number(u.percent()) + " %",
                  u.overdue()))
          .append('\n');
      java.util.List<String[]> rows = new java.util.ArrayList<>();
      rows.add(
          new String[] {
            m.get("col.item"),
            m.get("col.deadline"),
            m.get("col.machinesCleared"),
            m.get("col.state")
          });
      for (PlanProgress.ItemProgress i : u.progress()) {
        rows.add(
            new String[] {
              Safe.text(i.itemId()),
              i.deadline() == null ? "—" : i.deadline().toString(),
              i.machines() == 0 ? "—" : i.clearedMachines() + "/" + i.machines(),
              m.get(
                  i.cleared()
                      ? "progress.cleared"
                      : i.overdue() ? "progress.overdue" : "progress.open")
            });
      }
      out.append(
          vn.hatang.core.render.TextTable.render(
              rows, new boolean[] {false, false, true, false}, "  "));
    }
    return out.toString();
  }

  private static String progressCsv(
      PeriodReport report, java.util.List<PlanProgress.UnitProgress> progress) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("period,unit_code,item_id,deadline,machines,machines_cleared,cleared,overdue\r\n");
    for (PlanProgress.UnitProgress u : progress) {
      for (PlanProgress.ItemProgress i : u.progress()) {
        java.util.StringJoiner r = new java.util.StringJoiner(",");
        r.add(Safe.csvCell(report.period()));
        r.add(Safe.csvCell(u.code()));
        r.add(Safe.csvCell(i.itemId()));
        r.add(i.deadline() == null ? "" : i.deadline().toString());
        r.add(Integer.toString(i.machines()));
        r.add(Integer.toString(i.clearedMachines()));
        r.add(Boolean.toString(i.cleared()));
        r.add(Boolean.toString(i.overdue()));
        out.append(r).append("\r\n");
      }
    }
    return out.toString();
  }
}
