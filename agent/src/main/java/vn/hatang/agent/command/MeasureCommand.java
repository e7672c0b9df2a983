package vn.hatang.agent.command;

import java.io.PrintWriter;
import java.nio.file.Path;
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
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.config.AgentConfigLoader;
import vn.hatang.agent.line.LineTable;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.SnapshotCodec;

/**
 * {@code hatang-agent measure}: measures the configured and flagged lines and prints a table or
 * JSON. Exit 0 when every line was measured, 1 when one was not.
 */
@Command(name = "measure", mixinStandardHelpOptions = true, resourceBundle = AgentMain.BUNDLE)
public final class MeasureCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin LineOptions lineOptions;

  @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
  Path config;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "table",
      descriptionKey = "measure.option.format")
  Format format;

  private final Map<String, String> env;

  /** A command reading the process environment. */
  public MeasureCommand() {
    this(System.getenv());
  }

  /** A command reading this environment ({@code HATANG_AGENT_CONFIG}). */
  public MeasureCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public Integer call() throws Exception {
    AgentConfig loaded = AgentConfigLoader.resolve(config, env, System.getProperty("os.name", ""));
    if (lineOptions.specs(loaded).isEmpty()) {
      throw new AgentException(ExitCode.USAGE, "measure.error.noLines");
    }
    lineOptions.quiet = common.quiet;
    List<LineMeasurement> lines = lineOptions.measure(loaded, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(SnapshotCodec.mapper().writeValueAsString(lines));
    } else {
      out.print(LineTable.render(lines, Messages.of(Locale.getDefault(), AgentMain.BUNDLE)));
    }
    out.flush();
    return lines.stream().allMatch(LineMeasurement::ok)
        ? ExitCode.OK.code()
        : ExitCode.DEFICIENCIES.code();
  }
}
