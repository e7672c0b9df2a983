package vn.hatang.core.man;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import vn.hatang.core.i18n.Messages;

/**
 * Manual pages (roff, section 1) written from a picocli command model — the same names, options,
 * descriptions and exit codes as {@code --help}, in the language of the model's resource bundle —
 * one page per command ({@code hatang.1}, {@code hatang-report.1}, {@code hatang-report-show.1}).
 * Run at build time by each program's {@code ManPagesMain}. picocli is the caller's: this class is
 * only loaded by programs that have it.
 */
public final class ManPages {
  private ManPages() {}

  /**
   * Writes a page for the root command and every visible subcommand into {@code dir}.
   *
   * @param title the manual's name in the header ({@code hatang manual})
   * @return the files written
   */
  public static List<Path> write(CommandLine root, Path dir, String version, String title)
      throws IOException {
    return write(root, dir, version, title, Locale.ENGLISH);
  }

  /**
   * Writes the pages with their section headings in a language ({@code NAME} / {@code TÊN}); the
   * rest comes from the model's own bundle.
   */
  public static List<Path> write(
      CommandLine root, Path dir, String version, String title, Locale locale) throws IOException {
    Messages words = Messages.of(locale, Messages.CORE_BUNDLE);
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    List<String> all = new ArrayList<>();
    collect(root, all);
    for (CommandLine c : commands(root)) {
      String name = pageName(c.getCommandSpec());
      Path file = dir.resolve(name + ".1");
      Files.writeString(file, page(c, version, title, all, words), StandardCharsets.UTF_8);
      written.add(file);
    }
    return written;
  }

  private static void collect(CommandLine c, List<String> names) {
    for (CommandLine x : commands(c)) {
      names.add(pageName(x.getCommandSpec()));
    }
  }

  /** The command and its visible subcommands, depth first ({@code help} left out). */
  static List<CommandLine> commands(CommandLine c) {
    List<CommandLine> out = new ArrayList<>();
    out.add(c);
    for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
      CommandSpec s = e.getValue().getCommandSpec();
      if (s.usageMessage().hidden() || !e.getKey().equals(s.name()) || s.name().equals("help")) {
        continue;
      }
      out.addAll(commands(e.getValue()));
    }
    return out;
  }

  /** {@code hatang report show} → {@code hatang-report-show}. */
  static String pageName(CommandSpec s) {
    return s.qualifiedName("-");
  }

  static String page(
      CommandLine c, String version, String title, List<String> all, Messages words) {
    CommandSpec s = c.getCommandSpec();
    CommandLine.Help help = c.getHelp();
    String name = pageName(s);
    StringBuilder out = new StringBuilder();
    out.append(".\\\" Generated from the program's command model; do not edit.\n");
    out.append(".TH \"")
        .append(escape(name.toUpperCase(Locale.ROOT)))
        .append("\" 1 \"\" \"")
        .append(escape(version))
        .append("\" \"")
        .append(escape(title))
        .append("\"\n");
    String[] description = s.usageMessage().description();
    String summary = description.length == 0 ? "" : plain(description[0]);
    out.append(heading(words, "man.name"))
        .append(escape(name))
        .append(" \\- ")
        .append(escape(firstSentence(summary)))
        .append('\n');
    out.append(heading(words, "man.synopsis") + ".nf\n")
        .append(escape(plain(help.synopsis(0)).strip()))
        .append("\n.fi\n");
    if (description.length > 0) {
      out.append(heading(words, "man.description"));
      for (String d : description) {
        out.append(escape(plain(d))).append("\n.PP\n");
      }
    }
    List<PositionalParamSpec> params = s.positionalParameters();
    if (!params.isEmpty()) {
      out.append(heading(words, "man.arguments"));
      for (PositionalParamSpec p : params) {
        if (p.hidden()) {
          continue;
        }
        out.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n");
        out.append(escape(plain(String.join(" ", p.description())))).append('\n');
      }
    }
    List<OptionSpec> options = s.options();
    if (!options.isEmpty()) {
      out.append(heading(words, "man.options"));
      for (OptionSpec o : options) {
        if (o.hidden()) {
          continue;
        }
        out.append(".TP\n");
        List<String> names = new ArrayList<>();
        for (String n : o.names()) {
          names.add("\\fB" + escape(n) + "\\fR");
        }
        out.append(String.join(", ", names));
        if (o.arity().max() > 0) {
          out.append("=\\fI").append(escape(o.paramLabel())).append("\\fR");
        }
        out.append('\n');
        out.append(escape(plain(String.join(" ", o.description())))).append('\n');
      }
    }
    List<CommandLine> subs = new ArrayList<>(commands(c));
    subs.remove(0);
    subs.removeIf(x -> x.getParent() != c);
    if (!subs.isEmpty()) {
      out.append(heading(words, "man.commands"));
      for (CommandLine x : subs) {
        String[] d = x.getCommandSpec().usageMessage().description();
        out.append(".TP\n\\fB")
            .append(escape(x.getCommandSpec().name()))
            .append("\\fR\n")
            .append(escape(d.length == 0 ? "" : plain(d[0])))
            .append('\n')
            .append(
                escape(words.get("man.see", "\u0001" + pageName(x.getCommandSpec()) + "\u0002"))
                    .replace("\u0001", "\\fB")
                    .replace("\u0002", "\\fR"))
            .append('\n');
      }
    }
    Map<String, String> codes = s.usageMessage().exitCodeList();
    if (!codes.isEmpty()) {
      out.append(heading(words, "man.exitStatus"));
      for (Map.Entry<String, String> e : codes.entrySet()) {
        out.append(".TP\n\\fB")
            .append(escape(e.getKey().strip()))
            .append("\\fR\n")
            .append(escape(plain(e.getValue())))
            .append('\n');
      }
    }
    List<String> related = new ArrayList<>();
    for (String other : all) {
      if (!other.equals(name)) {
        related.add("\\fB" + escape(other) + "\\fR(1)");
      }
    }
    if (!related.isEmpty()) {
      out.append(heading(words, "man.seeAlso")).append(String.join(", ", related)).append('\n');
    }
    return out.toString();
  }

  /** A section heading in the pages' language. */
  private static String heading(Messages words, String key) {
    return ".SH \"" + escape(words.get(key)) + "\"\n";
  }

  /** picocli's text with its markup ({@code @|bold x|@}) and variables resolved, as plain text. */
  private static String plain(String s) {
    return CommandLine.Help.Ansi.OFF.string(s).replace("%n", "\n");
  }

  private static String firstSentence(String s) {
    String line = s.lines().findFirst().orElse("");
    int stop = line.indexOf(". ");
    return stop > 0 ? line.substring(0, stop) : line.replaceAll("\\.$", "");
  }

  /** Text safe in roff: backslashes doubled, minus signs as \-, no line starting a request. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.replace("\\", "\\e").replace("-", "\\-").split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      if (line.startsWith(".") || line.startsWith("'")) {
        out.append("\\&");
      }
      out.append(line);
    }
    return out.toString();
  }
}
