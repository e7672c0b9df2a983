package vn.hatang.cli.command;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.units.UnitsView;
import vn.hatang.core.ExitCode;
import vn.hatang.core.unit.AdminUnit;
import vn.hatang.core.unit.UnitRegistry;
import vn.hatang.core.unit.UnitsException;
import vn.hatang.core.unit.UnitsLoader;
import vn.hatang.core.unit.UnitsWriter;

/** {@code hatang units show [FILE]}: the units valid on a day, as a tree, JSON or CSV. */
@Command(name = "show", mixinStandardHelpOptions = true)
public final class UnitsShowCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Parameters(arity = "0..1", paramLabel = "FILE", descriptionKey = "units.showFile")
  String file;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", descriptionKey = "units.on")
  LocalDate on;

  @Option(names = "--level", paramLabel = "LEVEL", descriptionKey = "units.level")
  String level;

  public UnitsShowCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var m = context.messages();
    String source = file != null ? file : UnitsLoader.BUNDLED_SAMPLE;
    UnitRegistry registry;
    try {
      registry = UnitsLoader.load(source);
    } catch (UnitsException e) {
      StandardsValidateCommand.printProblems(spec.commandLine().getErr(), e.problems(), m);
      throw new UserException(ExitCode.INVALID_INPUT, "units.invalid", source, e.problems().size());
    }
    if (level != null && !registry.levels().contains(level)) {
      throw new UserException(
          ExitCode.USAGE, "units.unknownLevel", level, String.join(", ", registry.levels()));
    }
    LocalDate day = on != null ? on : LocalDate.now(ZoneId.systemDefault());
    List<UnitsView.Row> rows = UnitsView.rows(registry, day, level);
    List<AdminUnit> units = rows.stream().map(UnitsView.Row::unit).toList();
    if (output.format().document()) {
      throw OutputFile.notHere(output.format());
    }
    var out = spec.commandLine().getOut();
    switch (output.format()) {
      case json -> out.print(UnitsWriter.json(units));
      case csv -> out.print(UnitsWriter.csv(units));
      default -> {
        out.println(m.get("units.showHeader", source, units.size(), day.toString()));
        out.println();
        out.print(UnitsView.table(rows, m));
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
