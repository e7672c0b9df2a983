package vn.hatang.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.Fixtures;
import vn.hatang.agent.identity.Role;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.UnitRef;

class AgentConfigLoaderTest {
  private static final Messages EN = Messages.of(Locale.ENGLISH, AgentMain.BUNDLE);

  @Test
  void readsAGoodFile() throws AgentException {
    AgentConfig config = AgentConfigLoader.load(Fixtures.path("config/good.yaml"));
    assertThat(config.unitRef()).isEqualTo(new UnitRef("21583", "UBND xã Tân Lập", "commune"));
    assertThat(config.role()).isEqualTo(Role.DESKTOP);
    assertThat(config.tags()).containsExactly("ke-toan", "tang-2");
    assertThat(config.outputDir()).isEqualTo("/var/lib/hatang/out");
    assertThat(config.spoolDir()).isEqualTo("/var/lib/hatang/spool");
  }

  @Test
  void unknownKeyNamesFileLineAndColumn() {
    Path file = Fixtures.path("config/unknown-key.yaml");
    assertThatThrownBy(() -> AgentConfigLoader.load(file))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
              assertThat(e.message(EN))
                  .isEqualTo(
                      file
                          + ":3:1: unknown key 'unitCode' (known keys: collector, lines, outputDir,"
                          + " role, schedule, spool, spoolDir, tags, unit)");
            });
  }

  @Test
  void badRoleNamesThePlaceAndTheChoices() {
    Path file = Fixtures.path("config/bad-role.yaml");
    assertThatThrownBy(() -> AgentConfigLoader.load(file))
        .isInstanceOfSatisfying(
            AgentException.class,
            e ->
                assertThat(e.message(EN))
                    .startsWith(file + ":3:")
                    .endsWith("'role' must be one of: desktop, laptop, server, virtual"));
  }

  @Test
  void aListOrAWrongShapeIsExplainedInOurWords(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("list.yaml");
    java.nio.file.Files.writeString(list, "- a\n- b\n");
    assertThatThrownBy(() -> AgentConfigLoader.load(list))
        .isInstanceOfSatisfying(
            AgentException.class,
            e ->
                assertThat(e.message(EN))
                    .startsWith(list + ":1:1: expected settings as key: value lines")
                    .doesNotContain("Cannot deserialize"));
    Path tags = dir.resolve("tags.yaml");
    java.nio.file.Files.writeString(tags, "tags:\n  a: b\n");
    assertThatThrownBy(() -> AgentConfigLoader.load(tags))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.message(EN)).contains("'tags' must be a list"));
  }

  @Test
  void malformedYamlNamesThePlace() {
    Path file = Fixtures.path("config/malformed.yaml");
    assertThatThrownBy(() -> AgentConfigLoader.load(file))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
              assertThat(e.message(EN))
                  .matches(
                      java.util.regex.Pattern.quote(file.toString())
                          + ":\\d+:\\d+: not valid YAML: .+");
            });
  }

  @Test
  void explicitMissingFileIsAnError(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> AgentConfigLoader.resolve(missing, Map.of(), "Linux"))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
              assertThat(e.message(EN)).isEqualTo(missing + ": configuration file not found");
            });
  }

  @Test
  void environmentVariableNamesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, "unit:\n  code: '001'\n");
    AgentConfig config =
        AgentConfigLoader.resolve(null, Map.of("HATANG_AGENT_CONFIG", file.toString()), "Linux");
    assertThat(config.unitRef().code()).isEqualTo("001");
  }

  @Test
  void emptyFileIsNoConfiguration() throws AgentException {
    assertThat(AgentConfigLoader.parse("# nothing yet\n", "agent.yaml"))
        .isEqualTo(AgentConfig.empty());
  }

  @Test
  void defaultLocations() {
    assertThat(AgentConfigLoader.defaultPath(Map.of(), "Linux"))
        .contains(Path.of("/etc/hatang/agent.yaml"));
    assertThat(AgentConfigLoader.defaultSpoolDir(Map.of(), "Linux"))
        .isEqualTo(Path.of("/var/lib/hatang/agent"));
  }

  @Test
  void flagsOverrideTheFile() throws AgentException {
    AgentConfig config =
        AgentConfigLoader.load(Fixtures.path("config/good.yaml"))
            .withOverrides("99999", null, "province", Role.LAPTOP, List.of("muon"));
    assertThat(config.unitRef()).isEqualTo(new UnitRef("99999", "UBND xã Tân Lập", "province"));
    assertThat(config.role()).isEqualTo(Role.LAPTOP);
    assertThat(config.tags()).containsExactly("muon");
    AgentConfig untouched =
        AgentConfigLoader.load(Fixtures.path("config/good.yaml"))
            .withOverrides(null, null, null, null, List.of());
    assertThat(untouched.tags()).containsExactly("ke-toan", "tang-2");
    assertThat(untouched.role()).isEqualTo(Role.DESKTOP);
  }

  @Test
  void readsLinesWithDefaultsLeftUnset() throws AgentException {
    AgentConfig config =
        AgentConfigLoader.parse(
            "lines:\n"
                + "  - name: internet\n"
                + "    endpoint: http://10.1.2.3:8080\n"
                + "  - name: dedicated\n"
                + "    endpoint: https://collector.example:8443/\n"
                + "    bindAddress: 192.168.10.5\n"
                + "    streams: 2\n"
                + "    seconds: 15\n"
                + "    maxBytes: 200000000\n",
            "agent.yaml");
    assertThat(config.lines())
        .containsExactly(
            new AgentConfig.Line("internet", "http://10.1.2.3:8080", null, null, null, null),
            new AgentConfig.Line(
                "dedicated",
                "https://collector.example:8443/",
                "192.168.10.5",
                2,
                15,
                200_000_000L));
    assertThat(vn.hatang.agent.line.LineSpec.of(config.lines().get(0)))
        .isEqualTo(
            new vn.hatang.agent.line.LineSpec(
                "internet", "http://10.1.2.3:8080", null, 4, 10, null));
  }

  @Test
  void badLinesNameThePlace() {
    assertThat(lineError("lines:\n  - name: internet\n    endpoint: ftp://x\n"))
        .startsWith("agent.yaml:3:5: endpoint 'ftp://x' must be an http:// or https:// URL");
    assertThat(lineError("lines:\n  - name: internet\n"))
        .isEqualTo("agent.yaml:2:5: line 'internet' has no endpoint");
    assertThat(
            lineError(
                "lines:\n  - {name: a, endpoint: 'http://x'}\n  - {name: a, endpoint: 'http://y'}\n"))
        .isEqualTo("agent.yaml:3:6: line 'a' is defined twice");
    assertThat(lineError("lines:\n  - name: a\n    endpoint: http://x\n    seconds: many\n"))
        .isEqualTo("agent.yaml:4:5: 'lines[0].seconds' must be a whole number");
    assertThat(lineError("lines:\n  - name: a\n    endpoint: http://x\n    bindAddress: eth0\n"))
        .startsWith("agent.yaml:4:5: bindAddress 'eth0' must be an IP address");
  }

  private static String lineError(String yaml) {
    try {
      AgentConfigLoader.parse(yaml, "agent.yaml");
    } catch (AgentException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      return e.message(EN);
    }
    throw new AssertionError("no error for " + yaml);
  }

  private static final String SECRET = "hat_abcdefgh_VeryS3cretValue";

  @Test
  void readsTheUploadSections() throws AgentException {
    AgentConfig config =
        AgentConfigLoader.parse(
            "collector:\n"
                + "  url: https://hatang.sotttt.gialai.gov.vn\n"
                + "  tokenFile: /etc/hatang/token\n"
                + "  caFile: /etc/hatang/province-ca.pem\n"
                + "  proxy: http://10.0.0.1:3128\n"
                + "  timeoutSeconds: 20\n"
                + "schedule: {lineIntervalHours: 0, randomDelaySeconds: 60}\n"
                + "spool: {maxFiles: 50, maxBytes: 1048576}\n",
            "agent.yaml");
    assertThat(config.collector())
        .isEqualTo(
            new AgentConfig.Collector(
                "https://hatang.sotttt.gialai.gov.vn",
                null,
                "/etc/hatang/token",
                "/etc/hatang/province-ca.pem",
                "http://10.0.0.1:3128",
                20));
    assertThat(config.scheduleOrDefaults().lineIntervalOrDefault()).isZero();
    assertThat(config.scheduleOrDefaults().randomDelayOrDefault()).isEqualTo(60);
    assertThat(config.spoolOrDefaults().maxFilesOrDefault()).isEqualTo(50);
    assertThat(config.spoolOrDefaults().maxBytesOrDefault()).isEqualTo(1_048_576L);
  }

  @Test
  void uploadSectionsDefault() throws AgentException {
    AgentConfig config = AgentConfigLoader.parse("unit: {code: '1'}\n", "agent.yaml");
    assertThat(config.collector()).isNull();
    assertThat(config.scheduleOrDefaults()).isEqualTo(new AgentConfig.Schedule(24, 900));
    assertThat(config.spoolOrDefaults().maxFilesOrDefault()).isEqualTo(1000);
    assertThat(config.spoolOrDefaults().maxBytesOrDefault()).isEqualTo(100L * 1024 * 1024);
    assertThat(
            new AgentConfig.Collector("https://x", "t", null, null, null, null).timeoutOrDefault())
        .isEqualTo(30);
  }

  @Test
  void badUploadSectionsNameThePlace() {
    assertThat(lineError("collector:\n  url: ftp://x\n  tokenFile: /t\n"))
        .startsWith("agent.yaml:2:3: collector url 'ftp://x' must be an http:// or https:// URL");
    assertThat(lineError("collector:\n  tokenFile: /t\n"))
        .isEqualTo("agent.yaml:1:1: collector has no url");
    assertThat(lineError("collector:\n  url: https://x\n"))
        .isEqualTo("agent.yaml:1:1: the collector needs a tokenFile (preferred) or a token");
    assertThat(lineError("collector:\n  url: https://x\n  tokenFile: /t\n  proxy: socks://p:1\n"))
        .isEqualTo("agent.yaml:4:3: proxy 'socks://p:1' must be http://host:port");
    assertThat(lineError("collector:\n  url: https://x\n  tokenFile: /t\n  proxy: http://p\n"))
        .startsWith("agent.yaml:4:3: proxy 'http://p'");
    assertThat(lineError("collector:\n  url: https://x\n  tokenFile: /t\n  timeoutSeconds: 0\n"))
        .isEqualTo("agent.yaml:4:3: timeoutSeconds must be from 1 to 600, not 0");
    assertThat(lineError("schedule:\n  lineIntervalHours: -1\n"))
        .isEqualTo("agent.yaml:2:3: lineIntervalHours must be from 0 to 8784, not -1");
    assertThat(lineError("schedule:\n  randomDelaySeconds: 90000\n"))
        .isEqualTo("agent.yaml:2:3: randomDelaySeconds must be from 0 to 86400, not 90000");
    assertThat(lineError("spool:\n  maxFiles: 0\n"))
        .isEqualTo("agent.yaml:2:3: maxFiles must be at least 1, not 0");
    assertThat(lineError("spool:\n  maxBytes: -5\n"))
        .isEqualTo("agent.yaml:2:3: maxBytes must be at least 1 byte, not -5");
    assertThat(lineError("spool:\n  maxFiles: lots\n"))
        .isEqualTo("agent.yaml:2:3: 'spool.maxFiles' must be a whole number");
    assertThat(lineError("collector:\n  url: https://x\n  tokenFile: /t\n  tokn: x\n"))
        .startsWith("agent.yaml:4:3: unknown key 'tokn' (known keys: caFile, proxy,");
  }

  @Test
  void theTokenIsNeverInAMessage() {
    List<String> errors =
        List.of(
            lineError("collector:\n  url: https://x\n  token: " + SECRET + "\n  tokenFile: /t\n"),
            lineError("collector:\n  url: https://x\n  token: '" + SECRET + " x'\n"),
            lineError("collector:\n  url: https://x\n  token: [" + SECRET + "]\n"),
            lineError("collector:\n  url: https://x\n  token: \"" + SECRET + "\n"),
            lineError("collector:\n  url: https://x\n  token: " + SECRET + "\n  proxy: x\n"));
    assertThat(errors.get(0))
        .isEqualTo(
            "agent.yaml:3:3: give the collector's token or tokenFile, not both (tokenFile is"
                + " preferred)");
    assertThat(errors.get(1))
        .isEqualTo(
            "agent.yaml:3:3: the token must be one word of printable characters (value not shown)");
    assertThat(errors).allSatisfy(e -> assertThat(e).doesNotContain("VeryS3cret"));
    AgentConfig.Collector collector =
        new AgentConfig.Collector("https://x", SECRET, null, null, null, null);
    assertThat(collector.toString()).doesNotContain("VeryS3cret").contains("token=<hidden>");
    assertThat(
            new AgentConfig(null, null, null, null, null, null, collector, null, null).toString())
        .doesNotContain("VeryS3cret");
  }

  @Test
  void aYamlErrorNearAnInlineTokenKeepsNoCause() {
    try {
      AgentConfigLoader.parse(
          "collector:\n  url: https://x\n  token: \"" + SECRET + "\n", "agent.yaml");
    } catch (AgentException e) {
      // --verbose prints the cause's stack trace, whose message quotes the YAML around the error.
      assertThat(e.getCause()).isNull();
      assertThat(e.getMessage()).doesNotContain("VeryS3cret");
      return;
    }
    throw new AssertionError("no error");
  }
}
