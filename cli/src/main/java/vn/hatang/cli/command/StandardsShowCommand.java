package vn.hatang.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.core.render.TextTable;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardDiff;
import vn.hatang.core.standard.StandardException;

/** {@code hatang standards show [ID[@VERSION]|FILE]}: a standard's header and checks. */
@Command(name = "show", mixinStandardHelpOptions = true)
public final class StandardsShowCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin StandardOptions standardOptions;

  @Parameters(arity = "0..1", paramLabel = "ID[@VERSION]|FILE", descriptionKey = "standardSpec")
  String which;

  public StandardsShowCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var m = context.messages();
    Standard s;
    try {
      s =
          standardOptions
              .catalog(context.env())
              .load(which != null ? which : standardOptions.standard);
    } catch (StandardException e) {
      StandardsValidateCommand.printProblems(spec.commandLine().getErr(), e.problems(), m);
      throw StandardOptions.invalid(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(s.id() + " " + s.version() + " — " + s.title().in(m.locale()));
    out.println(m.get("standards.issuer", s.issuer()));
    out.println(
        m.get(
            "standards.effective",
            String.valueOf(s.effectiveFrom()),
            s.supersedes() == null ? "—" : s.supersedes()));
    out.println(m.get("standards.freshness", s.freshnessDays()));
    for (String basis : s.legalBasis()) {
      out.println("  · " + basis);
    }
    out.println(m.get("standards.sha", s.sha256(), s.source()));
    out.println();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          m.get("col.id"),
          m.get("col.title"),
          m.get("col.metric"),
          m.get("col.required"),
          m.get("col.severity"),
          m.get("col.weight"),
          m.get("col.source")
        });
    for (Check c : s.checks()) {
      rows.add(
          new String[] {
            c.id(),
            c.title().in(m.locale()),
            c.lineName() == null ? c.metric().path() : c.metric().path() + "[" + c.lineName() + "]",
            StandardDiff.requirement(c),
            c.severity().name().toLowerCase(java.util.Locale.ROOT),
            TextTable.number(c.weight()),
            c.source() == null ? "" : c.source()
          });
    }
    for (vn.hatang.core.standard.UnitCheck c : s.unitChecks()) {
      String qualifier = c.lineName() != null ? c.lineName() : c.item();
      rows.add(
          new String[] {
            c.id(),
            c.title().in(m.locale()),
            c.metric().path() + (qualifier == null ? "" : "[" + qualifier + "]"),
            c.op().symbol()
                + " "
                + TextTable.number(c.value())
                + (c.unit() == null ? "" : " " + c.unit())
                + (c.perStaff() == null
                    ? ""
                    : " " + m.get("standards.perStaff", TextTable.number(c.perStaff()))),
            c.severity().name().toLowerCase(java.util.Locale.ROOT),
            TextTable.number(c.weight()),
            c.source() == null ? "" : c.source()
          });
    }
    out.print(
        TextTable.render(rows, new boolean[] {false, false, false, false, false, true, false}, ""));
    if (s.score() != null) {
      out.println();
      out.println(
          m.get(
              "standards.score",
              s.score().title().in(m.locale()),
              TextTable.number(s.score().maxPoints())));
      for (vn.hatang.core.standard.ScoreModel.Criterion c : s.score().criteria()) {
        out.println(
            "  "
                + c.id()
                + ": "
                + c.title().in(m.locale())
                + " — "
                + TextTable.number(c.points())
                + " ("
                + c.formula().name().toLowerCase(java.util.Locale.ROOT)
                + ", "
                + (c.checkId() != null ? c.checkId() : c.metric().path())
                + ")");
      }
    }
    out.flush();
    return 0;
  }
}
