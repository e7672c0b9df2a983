package vn.hatang.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.hatang.cli.command.CheckCommand;
import vn.hatang.cli.command.ExportCommand;
import vn.hatang.cli.command.HistoryCommand;
import vn.hatang.cli.command.PlanCommand;
import vn.hatang.cli.command.ReportCommand;
import vn.hatang.cli.command.ScoreCommand;
import vn.hatang.cli.command.ServeCommand;
import vn.hatang.cli.command.StandardsCommand;
import vn.hatang.cli.command.TokensCommand;
import vn.hatang.cli.command.UnitsCommand;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.i18n.Messages;

/** {@code hatang}: the checker. With no subcommand it prints usage. */
@Command(
    name = "hatang",
    mixinStandardHelpOptions = true,
    versionProvider = HatangMain.Version.class,
    resourceBundle = HatangMain.BUNDLE)
public final class HatangMain implements Runnable {
  /** The checker's message bundle (picocli help and messages). */
  public static final String BUNDLE = "vn.hatang.cli.messages";

  /**
   * The subcommands, in the order help lists them. Added by {@link #addSubcommands}, not by the
   * annotation: picocli builds every command it is given by reflection (~0.4 s of a run's start),
   * and a run needs only its own.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CheckCommand.class,
          StandardsCommand.class,
          UnitsCommand.class,
          ServeCommand.class,
          ExportCommand.class,
          ReportCommand.class,
          PlanCommand.class,
          ScoreCommand.class,
          HistoryCommand.class,
          TokensCommand.class,
          vn.hatang.cli.command.CompletionCommand.class,
          CommandLine.HelpCommand.class);

  /**
   * Adds the subcommand the arguments name, alone, when they name one that needs no other (not
   * {@code help}, not {@code completion}); else all of them, so that help, completion scripts and
   * "did you mean" see the whole tree. Either way the command that runs is built the same.
   */
  static CommandLine addSubcommands(CommandLine cl, String[] args) {
    String word = commandWord(args);
    for (Class<?> c : SUBCOMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      boolean whole =
          c == CommandLine.HelpCommand.class || c == vn.hatang.cli.command.CompletionCommand.class;
      if (!whole && name.equals(word)) {
        return cl.addSubcommand(c);
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      cl.addSubcommand(c);
    }
    return cl;
  }

  /**
   * The first argument that is not an option of {@code hatang} itself: the subcommand's name if
   * any; {@code null} when there is none, after {@code --}, or after a help or version option of
   * {@code hatang} (its help lists every subcommand).
   */
  static String commandWord(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")
          || a.equals("-h")
          || a.equals("--help")
          || a.equals("-V")
          || a.equals("--version")
          || (a.startsWith("-") && !a.startsWith("--") && (a.contains("h") || a.contains("V")))) {
        return null;
      }
      if (a.equals("--lang")) {
        i++; // its value
        continue;
      }
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--verbose",
      descriptionKey = "verbose",
      scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  // Read before picocli runs (langFlag) so that help is translated too; declared here, inherited
  // by every subcommand, so that --lang is accepted anywhere and listed in every --help.
  @CommandLine.Option(
      names = "--lang",
      descriptionKey = "lang",
      paramLabel = "vi|en",
      scope = CommandLine.ScopeType.INHERIT)
  String lang;

  // Read before picocli runs (quietFlag), so that the context has it; declared for --help.
  @CommandLine.Option(
      names = {"-q", "--quiet"},
      descriptionKey = "quiet",
      scope = CommandLine.ScopeType.INHERIT)
  boolean quiet;

  /**
   * Without a subcommand: usage on stderr, exit 2 (a cron line missing its command is an error).
   */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new UserException(ExitCode.USAGE, "usage.noCommand");
  }

  /** Entry point of the jar. */
  public static void main(String[] args) {
    reserve = new byte[1 << 20];
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    boolean terminal = vn.hatang.core.render.Terminal.stdoutIsTerminal();
    stderrTerminal = vn.hatang.core.render.Terminal.stderrIsTerminal();
    // Worded now, while there is heap to word it: when the heap is full, a thread of the run may
    // still be filling it after main's stack has unwound.
    String outOfMemory = outOfMemoryLine(args);
    int code;
    try {
      code = run(args, System.in, out, err, System.getenv(), new Stdout(System.out, terminal));
    } catch (Error e) {
      reserve = null; // room for the line below
      if (!outOfMemory(e)) {
        throw e;
      }
      // picocli's handler sees exceptions only: without this the JVM ends with exit code 1, which
      // a cron job reads as "deficiencies found".
      err.println(outOfMemory);
      code = ExitCode.INTERNAL.code();
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Heap kept aside by {@link #main} and let go when it runs out, so that it can say so. */
  @SuppressWarnings("unused")
  private static volatile byte[] reserve;

  /** The line said when the heap runs out, in the language the run will speak. */
  private static String outOfMemoryLine(String[] args) {
    Locale locale;
    try {
      locale = Lang.resolve(langFlag(args), System.getenv());
    } catch (IllegalArgumentException e) {
      locale = Locale.getDefault(); // the run says the flag is bad
    }
    Messages messages = Messages.of(locale, BUNDLE);
    return messages.get(
        "error.prefix",
        messages.get("error.outOfMemory", Runtime.getRuntime().maxMemory() / (1024 * 1024)));
  }

  /**
   * Whether an error is, or was caused by, running out of heap (a class whose initialiser ran out
   * of memory in a worker thread surfaces later as a {@code NoClassDefFoundError}).
   */
  static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError
          || String.valueOf(t.getMessage()).contains("java.lang.OutOfMemoryError")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs one command line, in-process; tests call this directly.
   *
   * @return the process exit code
   */
  public static int run(
      String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
    return run(args, in, out, err, env, Stdout.NONE);
  }

  /**
   * Runs one command line, in-process, with standard output's bytes for binary formats.
   *
   * @param stdout the bytes under {@code out}, and whether they go to a terminal
   * @return the process exit code
   */
  public static int run(
      String[] args,
      InputStream in,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Stdout stdout) {
    Locale locale;
    try {
      locale = Lang.resolve(langFlag(args), env);
    } catch (IllegalArgumentException e) {
      err.println(Messages.of(Locale.ENGLISH, BUNDLE).get("usage.badLang", e.getMessage()));
      return ExitCode.USAGE.code();
    }
    Locale.setDefault(locale);
    Messages messages = Messages.of(locale, BUNDLE);
    Context context =
        new Context(messages, in, env, stdout, stderrTerminal && !quietFlag(args), quietFlag(args));
    CommandLine cl = new CommandLine(new HatangMain(), new ContextFactory(context));
    addSubcommands(cl, args);
    configure(cl, messages, out, err);
    return cl.execute(args);
  }

  /**
   * The whole command line in a language, as {@code run} builds it (for the manual pages).
   *
   * @param locale the language of its help
   */
  public static CommandLine commandLine(Locale locale) {
    Locale.setDefault(locale);
    Messages messages = Messages.of(locale, BUNDLE);
    Context context = new Context(messages, InputStream.nullInputStream(), Map.of());
    CommandLine cl = new CommandLine(new HatangMain(), new ContextFactory(context));
    addSubcommands(cl, new String[0]);
    PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
    configure(cl, messages, none, none);
    return cl;
  }

  /** Shared set-up of a command line: writers, bundle, exit codes, one-line errors. */
  public static void configure(
      CommandLine cl, Messages messages, PrintWriter out, PrintWriter err) {
    cl.setOut(out).setErr(err);
    cl.setResourceBundle(java.util.ResourceBundle.getBundle(BUNDLE, messages.locale()));
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(Integer.toString(c.code()), messages.get(c.messageKey()));
    }
    applyExitCodes(cl, messages.get("help.exitCodes"), codes);
    cl.setExitCodeExceptionMapper(
        t -> t instanceof UserException u ? u.exitCode().code() : ExitCode.INTERNAL.code());
    cl.registerConverter(
        java.time.LocalDate.class,
        text -> {
          try {
            return java.time.LocalDate.parse(text);
          } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(messages.get("usage.badDate", text));
          }
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println(messages.get("error.prefix", UsageErrors.describe(ex, messages)));
          c.getErr().println(messages.get("help.seeUsage", c.getCommandSpec().qualifiedName()));
          return ExitCode.USAGE.code();
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          boolean verbose = parsed.matchedOption("--verbose") != null || hasVerbose(parsed);
          if (ex instanceof UserException u) {
            c.getErr()
                .println(messages.get("error.prefix", messages.get(u.key(), u.args().toArray())));
            if (verbose) {
              ex.printStackTrace(c.getErr());
            }
            return u.exitCode().code();
          }
          c.getErr()
              .println(
                  messages.get("error.prefix", messages.get("error.internal", String.valueOf(ex))));
          if (verbose) {
            ex.printStackTrace(c.getErr());
          }
          return ExitCode.INTERNAL.code();
        });
  }

  private static boolean hasVerbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.matchedOption("--verbose") != null) {
        return true;
      }
    }
    return false;
  }

  private static void applyExitCodes(CommandLine cl, String heading, Map<String, String> codes) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading(heading + "%n").exitCodeList(codes);
    for (CommandLine sub : cl.getSubcommands().values()) {
      applyExitCodes(sub, heading, codes);
    }
  }

  /** Whether standard error is a terminal (set by {@link #main}; in-process runs have none). */
  private static boolean stderrTerminal;

  /** Whether {@code -q} or {@code --quiet} is among the arguments. */
  static boolean quietFlag(String[] args) {
    for (String a : args) {
      if (a.equals("-q") || a.equals("--quiet")) {
        return true;
      }
      if (a.equals("--")) {
        return false;
      }
    }
    return false;
  }

  /** Finds {@code --lang X} or {@code --lang=X} before picocli runs, so help is translated too. */
  static String langFlag(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--lang=")) {
        return args[i].substring("--lang=".length());
      }
    }
    return null;
  }

  /**
   * What every command needs from outside: messages in the chosen language, standard input, the
   * environment and standard output's bytes (injected so tests run in-process).
   *
   * @param messages messages
   * @param in standard input
   * @param env environment variables
   * @param stdout standard output as bytes, for binary formats
   * @param progress whether to draw progress bars (standard error is a terminal, not quiet)
   * @param quiet {@code --quiet}: no progress, no notices (errors still)
   */
  public record Context(
      Messages messages,
      InputStream in,
      Map<String, String> env,
      Stdout stdout,
      boolean progress,
      boolean quiet) {
    public Context(Messages messages, InputStream in, Map<String, String> env) {
      this(messages, in, env, Stdout.NONE, false, false);
    }

    /** Progress through files on standard error, or none. */
    public vn.hatang.cli.check.FileProgress fileProgress(java.io.PrintWriter err) {
      return vn.hatang.cli.check.FileProgress.on(err, messages, progress, quiet);
    }

    /** Whether human outputs on standard output get colours. */
    public boolean colour() {
      return vn.hatang.core.render.Terminal.colour(env, stdout.terminal());
    }
  }

  /**
   * Standard output as bytes (a workbook is not text), and whether it is a terminal, where a binary
   * format is refused.
   *
   * @param bytes the stream, or {@code null} when there is none (binary output needs -o)
   * @param terminal whether it goes to a terminal
   */
  public record Stdout(java.io.OutputStream bytes, boolean terminal) {
    /** No byte stream: binary formats need {@code -o FILE}. */
    public static final Stdout NONE = new Stdout(null, false);
  }

  /** Gives commands that take a {@link Context} their context. */
  static final class ContextFactory implements CommandLine.IFactory {
    private final Context context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(Context context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Context.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return fallback.create(cls);
      }
    }
  }

  /** Version from the jar manifest. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = HatangMain.class.getPackage().getImplementationVersion();
      return new String[] {"hatang " + (v == null ? "dev" : v)};
    }
  }
}
