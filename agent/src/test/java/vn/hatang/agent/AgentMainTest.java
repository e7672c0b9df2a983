package vn.hatang.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return AgentMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
  }

  @Test
  void noSubcommandPrintsUsageWithExitCodes() {
    assertThat(run(Map.of(), "--lang", "en")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Usage: hatang-agent")
        .contains("collect")
        .contains("Exit codes:")
        .contains("3   an input (configuration, snapshot, standard) could not be read");
  }

  @Test
  void helpInVietnameseFromTheEnvironment() {
    assertThat(run(Map.of("LANG", "vi_VN.UTF-8"), "collect", "--help")).isZero();
    assertThat(out.toString())
        .contains("Đọc máy này")
        .contains("Mã thoát:")
        .contains("Ghi bản kiểm kê vào tệp này");
  }

  @Test
  void builtInHelpCommandIsLocalizedToo() {
    assertThat(run(Map.of(), "--lang", "vi", "--help")).isZero();
    assertThat(out.toString()).containsPattern("help +Hiển thị trợ giúp cho một lệnh.");
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString().strip()).isEqualTo("hatang-agent 0.1.0");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run(Map.of(), "--lang", "en", "collect", "--bogus")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: Unknown option: '--bogus'").contains("--help");
  }

  @Test
  void unsupportedLanguageIsAUsageError() {
    assertThat(run(Map.of(), "--lang", "fr")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("error: unsupported language 'fr', use en or vi");
  }

  @Test
  void scansLangBeforeParsing() {
    assertThat(AgentMain.scanLang(new String[] {"collect", "--lang=vi"})).isEqualTo("vi");
    assertThat(AgentMain.scanLang(new String[] {"--lang", "en", "collect"})).isEqualTo("en");
    assertThat(AgentMain.scanLang(new String[] {"collect"})).isNull();
  }
}
