package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only its own subcommand; what it prints is what the whole tree prints. */
class SubcommandsTest {

  @Test
  void theCommandWordSkipsTheOptionsOfHatangItself() {
    assertThat(HatangMain.commandWord(new String[] {"check", "x"})).isEqualTo("check");
    assertThat(HatangMain.commandWord(new String[] {"--lang", "vi", "-q", "report", "check"}))
        .isEqualTo("report");
    assertThat(HatangMain.commandWord(new String[] {"--lang=vi", "--verbose", "plan"}))
        .isEqualTo("plan");
    assertThat(HatangMain.commandWord(new String[] {"--lang"})).isNull();
    assertThat(HatangMain.commandWord(new String[] {"--", "check"})).isNull();
    assertThat(HatangMain.commandWord(new String[] {"-h"})).isNull();
    // Help of hatang itself, asked before the subcommand, lists them all.
    assertThat(HatangMain.commandWord(new String[] {"--help", "check"})).isNull();
    assertThat(HatangMain.commandWord(new String[] {"-qh", "check"})).isNull();
    assertThat(HatangMain.commandWord(new String[] {"-V", "check"})).isNull();
  }

  @Test
  void aRunBuildsItsSubcommandAloneExceptForHelpAndCompletion() {
    CommandLine check = tree();
    HatangMain.addSubcommands(check, new String[] {"--lang", "vi", "check", "d"});
    assertThat(check.getSubcommands()).containsOnlyKeys("check");
    for (String whole : new String[] {"help", "completion", "nosuch", "--help", "-h"}) {
      CommandLine all = tree();
      HatangMain.addSubcommands(all, new String[] {whole, "check"});
      assertThat(all.getSubcommands().keySet())
          .as(whole)
          .containsExactly(
              "check",
              "standards",
              "units",
              "serve",
              "export",
              "report",
              "plan",
              "score",
              "history",
              "tokens",
              "completion",
              "help");
    }
  }

  @Test
  void eachSubcommandsHelpIsTheSameBuiltAloneOrInTheWholeTree() {
    CommandLine whole = HatangMain.commandLine(Locale.ENGLISH);
    for (String name : whole.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Cli alone = Cli.run(name, "--help");
      assertThat(alone.exit()).as(name).isZero();
      assertThat(alone.out())
          .as(name)
          .isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
      // Nested ones too (standards list, plan review...).
      for (String sub : whole.getSubcommands().get(name).getSubcommands().keySet()) {
        if (sub.equals("help")) {
          continue;
        }
        assertThat(Cli.run(name, sub, "--help").out())
            .as(name + " " + sub)
            .isEqualTo(
                whole.getSubcommands().get(name).getSubcommands().get(sub).getUsageMessage());
      }
    }
    // A misspelt command is a usage error, as before.
    Cli typo = Cli.run("chek", "x");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("chek").contains("hatang --help");
  }

  private static CommandLine tree() {
    HatangMain.Context context =
        new HatangMain.Context(
            vn.hatang.core.i18n.Messages.of(Locale.ENGLISH, HatangMain.BUNDLE),
            java.io.InputStream.nullInputStream(),
            java.util.Map.of());
    return new CommandLine(new HatangMain(), new HatangMain.ContextFactory(context));
  }
}
