package vn.hatang.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.core.ExitCode;
import vn.hatang.core.render.TextTable;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardException;
import vn.hatang.core.standard.StandardLoader;

/** {@code hatang standards list}: every standard and version the checker knows. */
@Command(name = "list", mixinStandardHelpOptions = true)
public final class StandardsListCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin StandardOptions standardOptions;

  public StandardsListCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var m = context.messages();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          m.get("col.id"),
          m.get("col.version"),
          m.get("col.effectiveFrom"),
          m.get("col.checks"),
          m.get("col.title"),
          m.get("col.source")
        });
    ExitCode code = ExitCode.OK;
    for (StandardCatalog.Entry e : standardOptions.catalog(context.env()).entries()) {
      try {
        Standard s = StandardLoader.load(e.path(), e.display());
        rows.add(
            new String[] {
              s.id(),
              s.version(),
              String.valueOf(s.effectiveFrom()),
              Integer.toString(s.checks().size()),
              s.title().in(m.locale()),
              e.display()
            });
      } catch (StandardException ex) {
        rows.add(
            new String[] {
              e.id(),
              e.version(),
              "—",
              "—",
              m.get("standards.invalid", ex.problems().size()),
              e.display()
            });
        code = ExitCode.INVALID_INPUT;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(TextTable.render(rows, new boolean[] {false, false, false, true, false, false}, ""));
    out.flush();
    return code.code();
  }
}
