package vn.hatang.agent.command;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.AgentVersion;
import vn.hatang.agent.collect.SnapshotCollector;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.hardware.OshiHardwareProbe;
import vn.hatang.core.ExitCode;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.doc.DocOutput;
import vn.hatang.core.doc.Docs;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.ReportRenderer;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Problem;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardException;
import vn.hatang.core.waiver.Waivers;
import vn.hatang.core.waiver.WaiversException;
import vn.hatang.core.waiver.WaiversLoader;

/**
 * {@code hatang-agent check}: takes this PC's snapshot and prints its verdict against a standard,
 * the same table {@code hatang check} prints.
 */
@Command(name = "check", mixinStandardHelpOptions = true, resourceBundle = AgentMain.BUNDLE)
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConfigOptions configOptions;
  @Mixin LineOptions lineOptions;
  @Mixin CheckOptions checkOptions;

  private final Map<String, String> env;
  private final Clock clock;

  /** A command reading the process environment and the system clock. */
  public CheckCommand() {
    this(System.getenv(), Clock.systemDefaultZone());
  }

  /** A command reading this environment and clock. */
  public CheckCommand(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  @Override
  public Integer call() throws AgentException {
    Messages messages = Messages.of(Locale.getDefault(), AgentMain.BUNDLE);
    Standard standard;
    try {
      standard =
          checkOptions
              .catalog(env)
              .loadInForce(checkOptions.standard, java.time.LocalDate.now(clock));
    } catch (StandardException e) {
      PrintWriter err = spec.commandLine().getErr();
      for (Problem p : e.problems()) {
        err.println(p.place() + ": " + messages.get(p.key(), p.args().toArray()));
      }
      throw new AgentException(ExitCode.INVALID_INPUT, "check.error.standard", e.problems().size());
    }
    Waivers waivers = Waivers.NONE;
    if (checkOptions.waivers != null) {
      try {
        waivers =
            WaiversLoader.load(checkOptions.waivers, checkOptions.waivers.toString(), standard);
      } catch (WaiversException e) {
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : e.problems()) {
          err.println(p.place() + ": " + messages.get(p.key(), p.args().toArray()));
        }
        throw new AgentException(
            ExitCode.INVALID_INPUT, "check.error.waivers", checkOptions.waivers.toString());
      }
    }
    AgentConfig config = configOptions.load(env);
    lineOptions.quiet = common.quiet;
    List<LineMeasurement> lines = lineOptions.measure(config, spec.commandLine().getErr());
    Snapshot snapshot =
        new SnapshotCollector(new OshiHardwareProbe(), clock, AgentVersion.version())
            .collect(config, ConfigOptions.spoolDir(config, env), lines);
    LocalDate day = checkOptions.date != null ? checkOptions.date : LocalDate.now(clock);
    if (!standard.inForceOn(day)) {
      spec.commandLine()
          .getErr()
          .println(
              messages.get(
                  "notice.notInForce",
                  standard.ref(),
                  String.valueOf(standard.effectiveFrom()),
                  day.toString()));
    }
    String source = messages.get("check.source");
    CheckReport report =
        new CheckReport(
            standard,
            day,
            List.of(Evaluator.evaluate(source, snapshot, standard, day, waivers)),
            List.of());
    Formats formats =
        new Formats(messages)
            .withColour(
                checkOptions.format == CheckOptions.Format.table
                    && checkOptions.output == null
                    && vn.hatang.core.render.Terminal.colour(env, AgentMain.stdoutTerminal()));
    for (String notice : formats.expiredWaiverNotices(report.expiredWaivers())) {
      spec.commandLine().getErr().println(notice);
    }
    write(report, formats, messages);
    return report.exitCode(checkOptions.strict).code();
  }

  /**
   * Writes the result in the chosen format: to {@code -o FILE} (atomically), else to standard
   * output — a workbook only when that is not a terminal.
   */
  private void write(CheckReport report, Formats formats, Messages messages) throws AgentException {
    String format = checkOptions.format.name();
    PrintWriter out = spec.commandLine().getOut();
    String generator = "hatang-agent " + AgentVersion.version();
    try {
      if (checkOptions.output != null) {
        DocOutput.atomically(
            checkOptions.output,
            bytes -> {
              if (DocOutput.isDocument(format)) {
                DocOutput.write(Docs.check(report, formats), format, formats, generator, bytes);
              } else {
                bytes.write(
                    ReportRenderer.forFormat(format)
                        .render(report, formats)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
              }
            });
        if (!common.quiet) {
          spec.commandLine()
              .getErr()
              .println(messages.get("check.written", checkOptions.output.toString()));
        }
        return;
      }
      if (DocOutput.isBinary(format)) {
        java.io.OutputStream bytes = AgentMain.binaryStdout();
        if (bytes == null) {
          throw new AgentException(ExitCode.USAGE, "output.binaryNeedsFile", format);
        }
        out.flush();
        DocOutput.write(Docs.check(report, formats), format, formats, generator, bytes);
        bytes.flush();
      } else if (DocOutput.isDocument(format)) {
        DocOutput.write(Docs.check(report, formats), format, formats, generator, out);
      } else {
        out.print(ReportRenderer.forFormat(format).render(report, formats));
      }
      out.flush();
      java.io.OutputStream bytes = AgentMain.binaryStdout();
      if (out.checkError() || (bytes instanceof java.io.PrintStream ps && ps.checkError())) {
        throw new AgentException(ExitCode.INTERNAL, "output.stdoutFailed");
      }
    } catch (java.io.IOException e) {
      if (checkOptions.output == null) {
        throw new AgentException(ExitCode.INTERNAL, e, "output.stdoutFailed");
      }
      throw new AgentException(
          ExitCode.INTERNAL,
          e,
          "check.cannotWrite",
          checkOptions.output.toString(),
          String.valueOf(e.getMessage()));
    }
  }
}
