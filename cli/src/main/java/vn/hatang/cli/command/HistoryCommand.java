package vn.hatang.cli.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
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
import vn.hatang.core.ExitCode;
import vn.hatang.core.check.InputError;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextTable;
import vn.hatang.core.report.FrozenJson;
import vn.hatang.core.report.MachineHistory;

/**
 * {@code hatang history [PATH...] [--from ...] [--machine ID]}: each machine's hardware changes
 * between consecutive snapshots (memory removed, disk replaced, new processor, OS upgraded).
 */
@Command(name = "history", mixinStandardHelpOptions = true)
public final class HistoryCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin FromOptions from;

  @Option(names = "--machine", paramLabel = "ID", descriptionKey = "history.machine")
  String machine;

  @Option(
      names = {"-f", "--format"},
      descriptionKey = "format",
      defaultValue = "table")
  OutputOptions.Format format;

  @Parameters(arity = "0..*", paramLabel = "PATH", descriptionKey = "paths")
  List<String> paths = new ArrayList<>();

  public HistoryCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (format.document()) {
      throw OutputFile.notHere(format);
    }
    if (paths.isEmpty() && !from.present()) {
      throw new UserException(ExitCode.USAGE, "check.nothing");
    }
    MachineHistory history = new MachineHistory();
    long[] taken = new long[1];
    SnapshotStream<Void> stream =
        SnapshotStream.of(
            s -> {
              if (machine == null || machine.equalsIgnoreCase(s.machine().machineId())) {
                history.accept(s);
                taken[0]++;
              }
            });
    stream.progress(context.fileProgress(spec.commandLine().getErr()));
    ReportInputs.read(paths, from, context, stream);
    Formats f = new Formats(context.messages());
    for (InputError e : stream.errors()) {
      spec.commandLine().getErr().println(Safe.text(e.place()) + ": " + f.message(e.message()));
    }
    Map<String, List<MachineHistory.Change>> changes = history.changes();
    String text =
        switch (format) {
          case table -> table(changes, taken[0], f);
          case csv -> csv(changes, f.messages());
          case json -> new String(FrozenJson.write(changes), StandardCharsets.UTF_8) + "\n";
          default -> throw OutputFile.notHere(format);
        };
    OutputFile.print(spec, context, text, null);
    return stream.errors().isEmpty() ? ExitCode.OK.code() : ExitCode.INVALID_INPUT.code();
  }

  private static String table(Map<String, List<MachineHistory.Change>> changes, long n, Formats f) {
    Messages m = f.messages();
    StringBuilder out = new StringBuilder();
    out.append(m.get("history.title", changes.size(), n)).append('\n');
    for (var e : changes.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      MachineHistory.Print last = e.getValue().get(e.getValue().size() - 1).to();
      out.append('\n')
          .append(Safe.text(last.hostname()))
          .append(" (")
          .append(Safe.text(e.getKey()))
          .append(", ")
          .append(Safe.text(last.unitCode()))
          .append(")\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {m.get("col.from"), m.get("col.to"), m.get("col.change")});
      for (MachineHistory.Change c : e.getValue()) {
        rows.add(
            new String[] {
              c.from().takenAt().substring(0, 10),
              c.to().takenAt().substring(0, 10),
              f.message(c.what())
            });
      }
      out.append(TextTable.render(rows, new boolean[3], "  ", new int[] {0, 0, 0}));
    }
    if (changes.values().stream().allMatch(List::isEmpty)) {
      out.append(m.get("history.none")).append('\n');
    }
    return out.toString();
  }

  private static String csv(Map<String, List<MachineHistory.Change>> changes, Messages m) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("machine_id,hostname,unit_code,from_snapshot,to_snapshot,from,to,change_key,change")
        .append("\r\n");
    Formats f = new Formats(m);
    for (var e : changes.entrySet()) {
      for (MachineHistory.Change c : e.getValue()) {
        StringJoiner r = new StringJoiner(",");
        for (String s :
            new String[] {
              e.getKey(),
              c.to().hostname(),
              c.to().unitCode(),
              c.from().snapshotId(),
              c.to().snapshotId(),
              c.from().takenAt(),
              c.to().takenAt(),
              c.what().key(),
              f.message(c.what())
            }) {
          r.add(Safe.csvCell(s));
        }
        out.append(r).append("\r\n");
      }
    }
    return out.toString();
  }
}
