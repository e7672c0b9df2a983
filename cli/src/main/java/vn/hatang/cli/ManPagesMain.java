package vn.hatang.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.man.ManPages;

/**
 * Writes {@code hatang}'s manual pages at build time (see cli/pom.xml): English in {@code
 * DIR/man1}, Vietnamese in {@code DIR/vi/man1}, from the same model as {@code --help}. Not a user
 * command.
 */
public final class ManPagesMain {
  private ManPagesMain() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/man");
    // The build passes the project's version: the classes it runs from have no jar manifest.
    String version =
        args.length > 1 ? "hatang " + args[1] : new HatangMain.Version().getVersion()[0];
    ManPages.write(HatangMain.commandLine(Locale.ENGLISH), dir.resolve("man1"), version, "hatang");
    ManPages.write(
        HatangMain.commandLine(Lang.VI), dir.resolve("vi/man1"), version, "hatang", Lang.VI);
  }
}
