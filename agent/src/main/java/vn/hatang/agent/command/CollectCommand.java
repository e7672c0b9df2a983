package vn.hatang.agent.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.AgentVersion;
import vn.hatang.agent.collect.AtomicFiles;
import vn.hatang.agent.collect.SnapshotCollector;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.hardware.OshiHardwareProbe;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

/** {@code hatang-agent collect}: reads this machine and writes one snapshot (JSON). */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    resourceBundle = "vn.hatang.agent.messages")
public final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConfigOptions configOptions;
  @Mixin LineOptions lineOptions;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "collect.option.output")
  Path output;

  private final Map<String, String> env;

  /** A command that reads the process environment. */
  public CollectCommand() {
    this(System.getenv());
  }

  /** A command that reads this environment ({@code HATANG_AGENT_CONFIG}, {@code ProgramData}). */
  public CollectCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The file name of a snapshot in the output folder: unit, host and time, so that a folder of
   * snapshots sorts by unit and a USB key can carry many PCs' files without clashes.
   */
  static String fileName(Snapshot s) {
    String unit = s.unit() == null || s.unit().code() == null ? "unit" : s.unit().code();
    String host = s.machine().hostname() == null ? "host" : s.machine().hostname();
    String time =
        s.takenAt()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    return (unit + "_" + host + "_" + time).replaceAll("[^A-Za-z0-9._-]", "-") + ".json";
  }

  @Override
  public Integer call() throws AgentException {
    AgentConfig config = configOptions.load(env);
    Path spool = ConfigOptions.spoolDir(config, env);
    SnapshotCollector collector =
        new SnapshotCollector(
            new OshiHardwareProbe(), Clock.systemDefaultZone(), AgentVersion.version());
    lineOptions.quiet = common.quiet;
    List<LineMeasurement> lines = lineOptions.measure(config, spec.commandLine().getErr());
    Snapshot snapshot = collector.collect(config, spool, lines);
    byte[] json = SnapshotCodec.write(snapshot);
    PrintWriter out = spec.commandLine().getOut();
    Path target = output;
    if (target == null && config.outputDir() != null) {
      target = Path.of(config.outputDir()).resolve(fileName(snapshot));
    }
    if (target == null || target.toString().equals("-")) {
      out.print(new String(json, StandardCharsets.UTF_8));
      out.flush();
      return ExitCode.OK.code();
    }
    Path output = target;
    if (java.nio.file.Files.isDirectory(output)) {
      throw new AgentException(ExitCode.USAGE, "collect.error.isDirectory", output.toString());
    }
    try {
      AtomicFiles.write(output, json);
    } catch (IOException e) {
      throw new AgentException(
          ExitCode.INTERNAL, e, "collect.error.write", output.toString(), e.getMessage());
    }
    long failed =
        snapshot.diagnostics().probes().stream().filter(p -> p.status().equals("FAILED")).count();
    Messages messages = Messages.of(Locale.getDefault(), "vn.hatang.agent.messages");
    if (!common.quiet) {
      spec.commandLine()
          .getErr()
          .println(
              messages.get(
                  "collect.written",
                  output.toString(),
                  String.valueOf(snapshot.diagnostics().durationMs()),
                  String.valueOf(snapshot.diagnostics().probes().size()),
                  String.valueOf(failed)));
    }
    return ExitCode.OK.code();
  }
}
