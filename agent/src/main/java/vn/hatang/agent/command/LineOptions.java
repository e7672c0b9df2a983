package vn.hatang.agent.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.config.LineRules;
import vn.hatang.agent.line.LineMeter;
import vn.hatang.agent.line.LineSpec;
import vn.hatang.agent.line.Progress;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.LineMeasurement;

/** {@code --line NAME=URL}, repeatable: lines to measure on top of the configured ones. */
public final class LineOptions {
  @Option(
      names = "--line",
      paramLabel = "NAME=URL",
      converter = LineConverter.class,
      descriptionKey = "option.line")
  List<AgentConfig.Line> lines = new ArrayList<>();

  /** The lines to measure: the configured ones, with the flagged lines replacing by name. */
  public List<LineSpec> specs(AgentConfig config) {
    return config.withLines(lines).lines().stream().map(LineSpec::of).toList();
  }

  /**
   * Measures the lines of {@code config} and the flags, none when there are none. A progress bar
   * goes to {@code err} only when stderr is a terminal. Never throws for a line.
   */
  /** Set by commands with {@code --quiet}: no progress bar. */
  boolean quiet;

  public List<LineMeasurement> measure(AgentConfig config, PrintWriter err) {
    List<LineSpec> specs = specs(config);
    if (specs.isEmpty()) {
      return List.of();
    }
    Messages messages = Messages.of(Locale.getDefault(), AgentMain.BUNDLE);
    Progress progress =
        AgentMain.stderrTerminal() && !quiet ? new ProgressBar(err, messages) : Progress.NONE;
    return new LineMeter(messages, progress).measureAll(specs);
  }

  /** Parses and checks {@code NAME=URL}; other settings take their defaults. */
  public static final class LineConverter implements ITypeConverter<AgentConfig.Line> {
    @Override
    public AgentConfig.Line convert(String value) {
      Messages messages = Messages.of(Locale.getDefault(), AgentMain.BUNDLE);
      int eq = value.indexOf('=');
      if (eq < 0) {
        throw new TypeConversionException(messages.get("option.line.invalid", value));
      }
      AgentConfig.Line line =
          new AgentConfig.Line(
              value.substring(0, eq), value.substring(eq + 1), null, null, null, null);
      LineRules.check(line)
          .ifPresent(
              p -> {
                List<Object> args = new ArrayList<>();
                args.add("--line");
                args.addAll(p.args());
                throw new TypeConversionException(messages.get(p.key(), args.toArray()));
              });
      return line;
    }
  }
}
