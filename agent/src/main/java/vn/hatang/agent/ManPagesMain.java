package vn.hatang.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.man.ManPages;

/**
 * Writes {@code hatang-agent}'s manual pages at build time (see agent/pom.xml): English in {@code
 * DIR/man1}, Vietnamese in {@code DIR/vi/man1}, from the same model as {@code --help}. Not a user
 * command.
 */
public final class ManPagesMain {
  private ManPagesMain() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/man");
    String version = "hatang-agent " + AgentVersion.version();
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    for (Locale locale : new Locale[] {Locale.ENGLISH, Lang.VI}) {
      Locale.setDefault(locale);
      Path into = dir.resolve(locale.equals(Lang.VI) ? "vi/man1" : "man1");
      ManPages.write(
          AgentMain.newCommandLine(none, none, Map.of(), false),
          into,
          version,
          "hatang-agent",
          locale);
    }
  }
}
