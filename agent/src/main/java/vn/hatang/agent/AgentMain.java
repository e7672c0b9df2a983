package vn.hatang.agent;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.hatang.agent.command.CheckCommand;
import vn.hatang.agent.command.CollectCommand;
import vn.hatang.agent.command.CommonOptions;
import vn.hatang.agent.command.MeasureCommand;
import vn.hatang.agent.command.RunCommand;
import vn.hatang.agent.command.UploadCommand;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.SnapshotCodec;

/** {@code hatang-agent}: the agent's command line. With no subcommand it prints usage. */
@Command(
    name = "hatang-agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentVersion.class,
    resourceBundle = AgentMain.BUNDLE,
    subcommands = {
      CollectCommand.class,
      CheckCommand.class,
      MeasureCommand.class,
      RunCommand.class,
      UploadCommand.class,
      vn.hatang.agent.command.CompletionCommand.class,
      HelpCommand.class
    })
public final class AgentMain implements java.util.concurrent.Callable<Integer> {
  /** The agent's message bundle, searched before the core bundle. */
  public static final String BUNDLE = "vn.hatang.agent.messages";

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  /** Without a subcommand: usage on stderr, exit 2 (a scheduled task missing its command). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code();
  }

  /** Runs the agent and exits with its exit code. */
  public static void main(String[] args) {
    if (args.length > 0
        && (args[0].equals("collect") || args[0].equals("check") || args[0].equals("run"))) {
      // Jackson's first write costs as much as reading the hardware: build it meanwhile on the
      // other core. A daemon thread: it never delays the exit.
      Thread warmUp = new Thread(SnapshotCodec::warmUp, "json-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // A workbook goes to standard output only when it is not a terminal.
    boolean terminal = vn.hatang.core.render.Terminal.stdoutIsTerminal();
    binaryStdout = terminal ? null : System.out;
    stdoutTerminal = terminal;
    stderrTerminal = vn.hatang.core.render.Terminal.stderrIsTerminal();
    int code = execute(args, out, err, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  private static volatile boolean stdoutTerminal;
  private static volatile boolean stderrTerminal;

  /** Whether standard output is a terminal (colours); false in-process. */
  public static boolean stdoutTerminal() {
    return stdoutTerminal;
  }

  /** Whether standard error is a terminal (progress bars); false in-process. */
  public static boolean stderrTerminal() {
    return stderrTerminal;
  }

  /** Standard output as bytes when it is not a terminal (set by {@link #main}), else null. */
  private static volatile java.io.OutputStream binaryStdout;

  /**
   * Standard output's bytes for a binary format, or {@code null} when it is a terminal or the agent
   * runs in-process (a workbook then needs {@code -o FILE}).
   */
  public static java.io.OutputStream binaryStdout() {
    return binaryStdout;
  }

  /**
   * Runs one command line in-process: sets the default locale from {@code --lang} and the
   * environment, then parses and executes.
   *
   * @return the exit code
   */
  public static int execute(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    Locale locale;
    try {
      locale = Lang.resolve(scanLang(args), env);
    } catch (IllegalArgumentException e) {
      Messages messages = Messages.of(Locale.ENGLISH, BUNDLE);
      err.println(messages.get("error.prefix", messages.get("error.lang", e.getMessage())));
      return ExitCode.USAGE.code();
    }
    Locale.setDefault(locale);
    CommandLine commandLine = newCommandLine(out, err, env, List.of(args).contains("--verbose"));
    return commandLine.execute(args);
  }

  /** Builds the command line with localized help, exit-code list and error handling. */
  static CommandLine newCommandLine(
      PrintWriter out, PrintWriter err, Map<String, String> env, boolean verbose) {
    Messages messages = Messages.of(Locale.getDefault(), BUNDLE);
    CommandLine commandLine = new CommandLine(new AgentMain(), factory(env));
    commandLine.setOut(out);
    commandLine.setErr(err);
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      exitCodes.put(String.valueOf(code.code()), messages.get(code.messageKey()));
    }
    for (CommandLine line : allCommands(commandLine)) {
      line.getCommandSpec()
          .usageMessage()
          .exitCodeListHeading(messages.get("exitCodes.heading") + "%n")
          .exitCodeList(exitCodes);
    }
    // picocli's built-in help command has its own English header: give it our bundle, whose
    // hatang-agent.help.usage.* keys replace it.
    CommandLine help = commandLine.getSubcommands().get("help");
    help.getCommandSpec().resourceBundle(ResourceBundle.getBundle(BUNDLE, Locale.getDefault()));
    commandLine.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println(messages.get("error.prefix", ex.getMessage()));
          e.println(
              messages.get("error.seeHelp", ex.getCommandLine().getCommandSpec().qualifiedName()));
          return ExitCode.USAGE.code();
        });
    commandLine.setExecutionExceptionHandler(
        (ex, line, parseResult) -> {
          PrintWriter e = line.getErr();
          int code;
          if (ex instanceof AgentException agent) {
            e.println(messages.get("error.prefix", agent.message(messages)));
            code = agent.exitCode().code();
          } else {
            e.println(messages.get("error.prefix", messages.get("error.internal", ex.toString())));
            code = ExitCode.INTERNAL.code();
          }
          if (verbose) {
            ex.printStackTrace(e);
          }
          e.flush();
          return code;
        });
    return commandLine;
  }

  /** Creates commands that need the environment with it; others with picocli's default. */
  private static CommandLine.IFactory factory(Map<String, String> env) {
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == CollectCommand.class) {
          return type.cast(new CollectCommand(env));
        }
        if (type == MeasureCommand.class) {
          return type.cast(new MeasureCommand(env));
        }
        if (type == RunCommand.class) {
          return type.cast(new RunCommand(env, java.time.Clock.systemDefaultZone()));
        }
        if (type == UploadCommand.class) {
          return type.cast(new UploadCommand(env, java.time.Clock.systemDefaultZone()));
        }
        if (type == CheckCommand.class) {
          return type.cast(new CheckCommand(env, java.time.Clock.systemDefaultZone()));
        }
        return fallback.create(type);
      }
    };
  }

  private static List<CommandLine> allCommands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    for (CommandLine sub : root.getSubcommands().values()) {
      all.addAll(allCommands(sub));
    }
    return all;
  }

  /** The value of {@code --lang X} or {@code --lang=X}, or {@code null}. */
  static String scanLang(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals("--lang") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--lang=")) {
        return args[i].substring("--lang=".length());
      }
    }
    return null;
  }
}
