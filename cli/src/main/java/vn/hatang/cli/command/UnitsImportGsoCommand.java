package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.units.UnitsView;
import vn.hatang.core.ExitCode;
import vn.hatang.core.unit.AdminUnit;
import vn.hatang.core.unit.GsoImport;
import vn.hatang.core.unit.UnitsException;
import vn.hatang.core.unit.UnitsWriter;

/**
 * {@code hatang units import-gso CSV --valid-from DATE -o FILE}: a units file from the code list.
 */
@Command(name = "import-gso", mixinStandardHelpOptions = true)
public final class UnitsImportGsoCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;

  @Parameters(arity = "1", paramLabel = "CSV", descriptionKey = "units.gsoCsv")
  Path csv;

  @Option(
      names = "--valid-from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      descriptionKey = "units.validFrom")
  LocalDate validFrom;

  @Option(names = "--province", paramLabel = "CODE", descriptionKey = "units.province")
  String province;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      descriptionKey = "units.output")
  String output;

  public UnitsImportGsoCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var m = context.messages();
    List<AdminUnit> units;
    try {
      units = GsoImport.read(csv, csv.toString(), validFrom, province);
    } catch (UnitsException e) {
      StandardsValidateCommand.printProblems(spec.commandLine().getErr(), e.problems(), m);
      throw new UserException(
          ExitCode.INVALID_INPUT, "units.invalid", csv.toString(), e.problems().size());
    }
    if (units.isEmpty()) {
      throw new UserException(ExitCode.INVALID_INPUT, "units.noneImported", csv.toString());
    }
    String yaml =
        UnitsWriter.yaml(
            units,
            List.of(
                m.get("units.importComment", csv.getFileName().toString(), validFrom.toString()),
                "docs/units.md"));
    if (output.equals("-")) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code();
    }
    try {
      UnitsView.writeAtomically(Path.of(output), yaml);
    } catch (IOException e) {
      throw new UserException(ExitCode.INVALID_INPUT, "units.cannotWrite", output, e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .println(m.get("units.imported", units.size(), UnitsView.countByLevel(units), output));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
