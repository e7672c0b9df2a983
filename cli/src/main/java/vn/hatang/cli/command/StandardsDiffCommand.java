package vn.hatang.cli.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardDiff;
import vn.hatang.core.standard.StandardException;

/** {@code hatang standards diff A B}: what changed from standard A to standard B. */
@Command(name = "diff", mixinStandardHelpOptions = true)
public final class StandardsDiffCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin StandardOptions standardOptions;

  @Parameters(index = "0", paramLabel = "A", descriptionKey = "diffA")
  String a;

  @Parameters(index = "1", paramLabel = "B", descriptionKey = "diffB")
  String b;

  public StandardsDiffCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var m = context.messages();
    StandardCatalog catalog = standardOptions.catalog(context.env());
    Standard left;
    Standard right;
    try {
      left = catalog.load(a);
      right = catalog.load(b);
    } catch (StandardException e) {
      StandardsValidateCommand.printProblems(spec.commandLine().getErr(), e.problems(), m);
      throw StandardOptions.invalid(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("--- " + left.ref() + " (" + left.source() + ")");
    out.println("+++ " + right.ref() + " (" + right.source() + ")");
    List<StandardDiff.Change> changes = StandardDiff.between(left, right);
    for (StandardDiff.Change c : changes) {
      String subject = c.field() == null ? c.subject() : c.subject() + " " + c.field();
      switch (c.kind()) {
        case '+' -> out.println("+ " + subject + ": " + c.after());
        case '-' -> out.println("- " + subject + ": " + c.before());
        default -> out.println("~ " + subject + ": " + c.before() + " → " + c.after());
      }
    }
    out.println(m.get("standards.diffSummary", changes.size()));
    out.flush();
    return 0;
  }
}
