package vn.hatang.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.config.AgentConfigLoader;

/**
 * Runs {@code scripts/install-agent.sh --root DIR} (bash, as CI runs it: root, no systemd) and
 * checks what it writes; and compares the agent.yaml keys of {@code scripts/install-agent.ps1},
 * which cannot run here, with the sh installer's string by string.
 */
class InstallAgentScriptTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path SH = REPO.resolve("scripts/install-agent.sh");
  private static final Path PS1 = REPO.resolve("scripts/install-agent.ps1");
  private static final String TOKEN = "hat_abcdefgh_Zm9vYmFyLWJhei1xdXV4LXNlY3JldC10b2tlbi12YWx1ZQ";
  private static final String VIETNAMESE = "Phường Quy Nhơn";

  @TempDir Path tmp;
  private Path root;
  private Path jar;

  private record Result(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    assertThat(SH).isRegularFile();
    root = Files.createDirectory(tmp.resolve("root"));
    jar = tmp.resolve("hatang-agent.jar");
    Files.writeString(jar, "a dummy jar\n");
  }

  /**
   * Runs the installer with {@code --root} and {@code --jar}. The arguments reach bash through a
   * NUL-separated file, so that "Phường" arrives as UTF-8 whatever the JVM's and CI's locale.
   */
  private Result install(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--root", root.toString(), "--jar", jar.toString()));
    all.addAll(Arrays.asList(args));
    return runSh(all);
  }

  private Result runSh(List<String> args) throws Exception {
    Path argFile = Files.createTempFile(tmp, "args", ".bin");
    Files.write(argFile, (String.join("\0", args) + "\0").getBytes(StandardCharsets.UTF_8));
    ProcessBuilder pb =
        new ProcessBuilder(
            "bash",
            "-c",
            "mapfile -d '' args < \"$1\"; exec bash \"$2\" \"${args[@]}\"",
            "bash",
            argFile.toString(),
            SH.toString());
    // cron's and a fresh CI box's locale: the script must not depend on a UTF-8 one.
    pb.environment().put("LC_ALL", "C");
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("install-agent.sh finished").isTrue();
    Result r =
        new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    assertThat(r.out() + r.err()).as("the token is never printed").doesNotContain(TOKEN);
    return r;
  }

  private String[] standard(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--collector",
                "https://hatang.sotttt.gialai.gov.vn",
                "--token",
                TOKEN,
                "--unit-code",
                "21583",
                "--unit-name",
                VIETNAMESE,
                "--unit-level",
                "commune"));
    args.addAll(Arrays.asList(extra));
    return args.toArray(String[]::new);
  }

  private String read(String path) throws IOException {
    return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
  }

  private String mode(String path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(path)));
  }

  /** Every path below the root with its permissions and, for files, its content. */
  private Map<String, String> tree() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      Map<String, String> tree = new TreeMap<>();
      for (Path p : paths.filter(p -> !p.equals(root)).toList()) {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        tree.put(
            root.relativize(p).toString(),
            Files.isDirectory(p)
                ? "dir " + perms
                : perms + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
      }
      return tree;
    }
  }

  /** The generated agent.yaml through the agent's own loader. */
  private AgentConfig load(String yaml) throws Exception {
    Path file = tmp.resolve("loadable.yaml");
    Files.writeString(file, yaml);
    return AgentConfigLoader.load(file);
  }

  private static JsonNode yamlTree(String yaml) throws IOException {
    return new YAMLMapper().readTree(yaml);
  }

  @Test
  void systemdInstallWritesTimerServiceConfigAndToken() throws Exception {
    Path ca = tmp.resolve("province-ca.pem");
    Files.writeString(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    Result r =
        install(
            standard(
                "--line",
                "internet=https://do-kiem.example.gov.vn:8443",
                "--line",
                "dedicated=http://10.52.0.10:8080",
                "--ca-file",
                ca.toString(),
                "--proxy",
                "http://10.0.0.1:3128",
                "--random-delay",
                "1800",
                "--init",
                "systemd"));
    assertThat(r.exit()).as(r.err()).isZero();

    assertThat(read("etc/systemd/system/hatang-agent.timer"))
        .isEqualTo(
            """
            # Written by scripts/install-agent.sh.
            [Unit]
            Description=hatang-agent daily run

            [Timer]
            OnCalendar=daily
            RandomizedDelaySec=1800
            Persistent=true

            [Install]
            WantedBy=timers.target
            """);
    assertThat(read("etc/systemd/system/hatang-agent.service"))
        .isEqualTo(
            """
            # Written by scripts/install-agent.sh.
            [Unit]
            Description=hatang-agent: collect a snapshot and upload it to the collector
            Wants=network-online.target
            After=network-online.target

            [Service]
            Type=oneshot
            ExecStart=/opt/hatang/bin/hatang-agent run --config /etc/hatang/agent.yaml
            # The timer spreads the runs; the agent's own delay is 0 here (agent.yaml), so this bounds one
            # collection, the line measurements and the uploads.
            TimeoutStartSec=30min
            UMask=0077
            ProtectSystem=strict
            ReadWritePaths=/var/lib/hatang
            ProtectHome=read-only
            PrivateTmp=yes
            NoNewPrivileges=yes
            ProtectControlGroups=yes
            ProtectKernelModules=yes
            RestrictSUIDSGID=yes
            RestrictRealtime=yes
            LockPersonality=yes
            """);
    assertThat(mode("etc/systemd/system/hatang-agent.timer")).isEqualTo("rw-r--r--");
    assertThat(mode("etc/systemd/system/hatang-agent.service")).isEqualTo("rw-r--r--");
    assertThat(root.resolve("etc/cron.d/hatang-agent")).doesNotExist();

    String yaml = read("etc/hatang/agent.yaml");
    assertThat(yaml)
        .isEqualTo(
            """
            # hatang-agent configuration, written by scripts/install-agent.sh: re-run it to change.
            unit:
              code: '21583'
              name: 'Phường Quy Nhơn'
              level: 'commune'
            spoolDir: '/var/lib/hatang'
            lines:
              - name: 'internet'
                endpoint: 'https://do-kiem.example.gov.vn:8443'
              - name: 'dedicated'
                endpoint: 'http://10.52.0.10:8080'
            collector:
              url: 'https://hatang.sotttt.gialai.gov.vn'
              tokenFile: '/etc/hatang/token'
              caFile: '/etc/hatang/ca.pem'
              proxy: 'http://10.0.0.1:3128'
            schedule:
              randomDelaySeconds: 0
            """);
    assertThat(mode("etc/hatang/agent.yaml")).isEqualTo("rw-r-----");
    AgentConfig config = load(yaml);
    assertThat(config.unit()).isEqualTo(new AgentConfig.Unit("21583", VIETNAMESE, "commune"));
    assertThat(config.spoolDir()).isEqualTo("/var/lib/hatang");
    assertThat(config.lines())
        .containsExactly(
            new AgentConfig.Line(
                "internet", "https://do-kiem.example.gov.vn:8443", null, null, null, null),
            new AgentConfig.Line("dedicated", "http://10.52.0.10:8080", null, null, null, null));
    assertThat(config.collector())
        .isEqualTo(
            new AgentConfig.Collector(
                "https://hatang.sotttt.gialai.gov.vn",
                null,
                "/etc/hatang/token",
                "/etc/hatang/ca.pem",
                "http://10.0.0.1:3128",
                null));
    // The timer spreads the start (RandomizedDelaySec), so the agent itself does not wait.
    assertThat(config.schedule().randomDelaySeconds()).isZero();

    assertThat(read("etc/hatang/token")).isEqualTo(TOKEN + "\n");
    assertThat(mode("etc/hatang/token")).isEqualTo("rw-------");
    assertThat(root.resolve("etc/hatang/ca.pem")).hasSameBinaryContentAs(ca);
    assertThat(mode("var/lib/hatang")).isEqualTo("rwxr-x---");
    assertThat(root.resolve("opt/hatang/lib/hatang-agent.jar")).hasSameBinaryContentAs(jar);
    assertThat(root.resolve("opt/hatang/lib/launcher.sh"))
        .hasSameBinaryContentAs(REPO.resolve("scripts/lib/launcher.sh"));
    assertThat(mode("opt/hatang/bin/hatang-agent")).isEqualTo("rwxr-xr-x");
    // Nothing left behind by the atomic writes.
    assertThat(tree().keySet()).noneMatch(p -> p.endsWith(".tmp"));
  }

  @Test
  void systemdAcceptsTheUnits() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
    assertThat(install(standard("--init", "systemd", "--schedule", "hourly")).exit()).isZero();
    // verify needs ExecStart to exist: point it at the launcher below the scratch root.
    Path units = Files.createDirectory(tmp.resolve("units"));
    Path launcher = root.resolve("opt/hatang/bin/hatang-agent");
    Files.writeString(
        units.resolve("hatang-agent.service"),
        read("etc/systemd/system/hatang-agent.service")
            .replace("ExecStart=/opt/hatang/bin/hatang-agent", "ExecStart=" + launcher));
    Files.writeString(
        units.resolve("hatang-agent.timer"), read("etc/systemd/system/hatang-agent.timer"));
    Process p =
        new ProcessBuilder(
                analyze.toString(),
                "verify",
                units.resolve("hatang-agent.timer").toString(),
                units.resolve("hatang-agent.service").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).isEmpty();
  }

  @Test
  void cronInstallWritesOneCronFileAndLetsTheAgentSpreadTheRuns() throws Exception {
    Result r = install(standard("--init", "cron", "--schedule", "hourly", "--random-delay", "900"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(read("etc/cron.d/hatang-agent"))
        .isEqualTo(
            """
            # hatang-agent, written by scripts/install-agent.sh. The agent sleeps a random 0..900 s
            # before each run (schedule.randomDelaySeconds in /etc/hatang/agent.yaml), which spreads the PCs;
            # flock -n skips a run while the previous one is still going (as systemd and Windows do).
            SHELL=/bin/sh
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            0 * * * * root flock -n /var/lib/hatang/.cron.lock /opt/hatang/bin/hatang-agent run --config /etc/hatang/agent.yaml 2>&1 | logger -t hatang-agent
            @reboot root sleep 300 && flock -n /var/lib/hatang/.cron.lock /opt/hatang/bin/hatang-agent run --config /etc/hatang/agent.yaml 2>&1 | logger -t hatang-agent
            """);
    assertThat(mode("etc/cron.d/hatang-agent")).isEqualTo("rw-r--r--");
    if ("root".equals(System.getProperty("user.name"))) {
      // cron ignores a file in /etc/cron.d that root does not own (CI runs as root).
      assertThat(Files.getOwner(root.resolve("etc/cron.d/hatang-agent")).getName())
          .isEqualTo("root");
    }
    assertThat(root.resolve("etc/systemd/system/hatang-agent.timer")).doesNotExist();
    assertThat(
            yamlTree(read("etc/hatang/agent.yaml")).at("/schedule/randomDelaySeconds").intValue())
        .isEqualTo(900);

    Result daily = install(standard("--init", "cron"));
    assertThat(daily.exit()).as(daily.err()).isZero();
    assertThat(read("etc/cron.d/hatang-agent"))
        .contains(
            "\n0 10 * * * root flock -n /var/lib/hatang/.cron.lock /opt/hatang/bin/hatang-agent run"
                + " --config /etc/hatang/agent.yaml ")
        .doesNotContain("--no-delay");
  }

  @Test
  void switchingFromSystemdToCronRemovesTheUnits() throws Exception {
    assertThat(install(standard("--init", "systemd")).exit()).isZero();
    assertThat(install(standard("--init", "cron")).exit()).isZero();
    assertThat(root.resolve("etc/systemd/system/hatang-agent.timer")).doesNotExist();
    assertThat(root.resolve("etc/systemd/system/hatang-agent.service")).doesNotExist();
    assertThat(root.resolve("etc/cron.d/hatang-agent")).isRegularFile();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Phường Quy Nhơn",
        "UBND xã Tân Lập: Văn phòng 'một cửa'",
        "Xã A: B",
        "O'Brien's # office",
        "\"quoted\" \\ back",
        "- starts like a list item",
        "yes",
        "0123",
        "@{[*&!%|>"
      })
  void anyPrintableUnitNameSurvivesTheYaml(String name) throws Exception {
    Result r = install(standard("--unit-name", name, "--init", "cron"));
    assertThat(r.exit()).as(r.err()).isZero();
    AgentConfig config = load(read("etc/hatang/agent.yaml"));
    assertThat(config.unit().name()).isEqualTo(name);
    assertThat(config.unit().code()).isEqualTo("21583");
  }

  @Test
  void runningTwiceGivesTheSameFilesAndARerunKeepsTheToken() throws Exception {
    String[] args =
        standard("--line", "internet=https://do-kiem.example.gov.vn", "--init", "systemd");
    assertThat(install(args).exit()).isZero();
    Map<String, String> first = tree();
    assertThat(install(args).exit()).isZero();
    assertThat(tree()).isEqualTo(first);

    // No token the second time: the installed one stays.
    List<String> noToken = new ArrayList<>(Arrays.asList(args));
    int at = noToken.indexOf("--token");
    noToken.subList(at, at + 2).clear();
    assertThat(install(noToken.toArray(String[]::new)).exit()).isZero();
    assertThat(tree()).isEqualTo(first);
  }

  @Test
  void tokenFileIsReadWithoutItsNewline() throws Exception {
    Path tokenFile = tmp.resolve("token.txt");
    Files.writeString(tokenFile, TOKEN + "\r\n");
    Result r =
        install(
            "--collector",
            "http://10.52.0.10:8080",
            "--token-file",
            tokenFile.toString(),
            "--unit-code",
            "21583",
            "--init",
            "cron");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(read("etc/hatang/token")).isEqualTo(TOKEN + "\n");
    AgentConfig config = load(read("etc/hatang/agent.yaml"));
    assertThat(config.unit()).isEqualTo(new AgentConfig.Unit("21583", null, null));
    assertThat(config.lines()).isEmpty();
  }

  @Test
  void uninstallKeepsConfigAndStatePurgeRemovesThem() throws Exception {
    assertThat(install(standard("--init", "systemd")).exit()).isZero();
    Files.writeString(root.resolve("var/lib/hatang/state.json"), "{}");

    Result r = install("--uninstall");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(root.resolve("etc/systemd/system/hatang-agent.timer")).doesNotExist();
    assertThat(root.resolve("etc/systemd/system/hatang-agent.service")).doesNotExist();
    assertThat(root.resolve("opt/hatang")).doesNotExist();
    assertThat(root.resolve("etc/hatang/agent.yaml")).isRegularFile();
    assertThat(root.resolve("etc/hatang/token")).isRegularFile();
    assertThat(root.resolve("var/lib/hatang/state.json")).isRegularFile();

    assertThat(install(standard("--init", "cron")).exit()).isZero();
    assertThat(install("--uninstall", "--purge").exit()).isZero();
    assertThat(root.resolve("etc/cron.d/hatang-agent")).doesNotExist();
    assertThat(root.resolve("opt/hatang")).doesNotExist();
    assertThat(root.resolve("etc/hatang")).doesNotExist();
    assertThat(root.resolve("var/lib/hatang")).doesNotExist();
  }

  @Test
  void uninstallFindsACustomPrefixInTheInstalledUnit() throws Exception {
    assertThat(install(standard("--init", "systemd", "--prefix", "/srv/hatang-agent")).exit())
        .isZero();
    assertThat(read("etc/systemd/system/hatang-agent.service"))
        .contains(
            "\nExecStart=/srv/hatang-agent/bin/hatang-agent run --config /etc/hatang/agent.yaml\n");
    assertThat(install("--uninstall").exit()).isZero();
    assertThat(root.resolve("srv/hatang-agent")).doesNotExist();

    assertThat(install(standard("--init", "cron", "--prefix", "/srv/hatang-agent")).exit())
        .isZero();
    assertThat(root.resolve("srv/hatang-agent/bin/hatang-agent")).isExecutable();
    assertThat(install("--uninstall").exit()).isZero();
    assertThat(root.resolve("srv/hatang-agent")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--collector|ftp://hatang.example.gov.vn|--collector must be an http:// or https:// URL",
        "--collector|https://user:pw@hatang.example.gov.vn|--collector must be an http:// or https:// URL",
        "--collector||--collector URL is required",
        "--unit-code|21583a|--unit-code must be digits, not '21583a'",
        "--unit-code||--unit-code CODE is required",
        "--unit-level|Commune|--unit-level must be a lowercase word",
        "--line|internet|--line must be NAME=URL, not 'internet'",
        "--line|internet=file:///etc/passwd|--line internet: the endpoint must be an http:// or https:// URL",
        "--proxy|socks5://10.0.0.1:1080|--proxy must be an http:// or https:// URL",
        "--schedule|weekly|--schedule must be daily or hourly, not 'weekly'",
        "--random-delay|-5|--random-delay must be a number of seconds from 0 to 86400",
        "--random-delay|90000|--random-delay must be a number of seconds from 0 to 86400",
        "--token|hat_only spaces|the token does not look like an upload token",
        "--token||--token-file FILE (or --token TOKEN) is required: no token is installed yet",
        "--init|upstart|--init must be systemd, cron or auto, not 'upstart'",
        "--prefix|opt/hatang|--prefix must be an absolute path",
        "--ca-file|/nonexistent/ca.pem|--ca-file: cannot read /nonexistent/ca.pem"
      })
  void badInputExits2WithAClearMessageAndWritesNothing(String testCase) throws Exception {
    String[] parts = testCase.split("\\|", -1);
    List<String> args = new ArrayList<>(Arrays.asList(standard("--init", "cron")));
    int at = args.indexOf(parts[0]);
    if (at >= 0) {
      args.subList(at, at + 2).clear();
    }
    if (!parts[1].isEmpty()) {
      args.addAll(List.of(parts[0], parts[1]));
    }
    Result r = install(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("install-agent: error: ").contains(parts[2]);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(tree()).isEmpty();
  }

  @Test
  void aDuplicateLineAndAnUnknownOptionAreRefused() throws Exception {
    Result dup = install(standard("--line", "a=http://x.example", "--line", "a=http://y.example"));
    assertThat(dup.exit()).isEqualTo(2);
    assertThat(dup.err()).contains("--line: 'a' is given twice");
    Result unknown = install(standard("--colector", "https://x.example"));
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown option '--colector'");
    assertThat(tree()).isEmpty();
  }

  @Test
  void helpListsEveryOption() throws Exception {
    Result r = runSh(List.of("--help"));
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "--collector",
            "--token",
            "--token-file",
            "--unit-code",
            "--unit-name",
            "--unit-level",
            "--line",
            "--ca-file",
            "--proxy",
            "--schedule",
            "--random-delay",
            "--jar",
            "--prefix",
            "--init",
            "--root",
            "--uninstall",
            "--purge");
  }

  @Test
  void installedLauncherRunsJavaWithTheCheckoutLaunchersOptions() throws Exception {
    assertThat(install(standard("--init", "cron")).exit()).isZero();
    // A fake java that records its arguments, one per line.
    Path bin = Files.createDirectory(tmp.resolve("fakebin"));
    Path argsOut = tmp.resolve("java-args.txt");
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + argsOut + "'\n");
    java.toFile().setExecutable(true);
    ProcessBuilder pb =
        new ProcessBuilder(
            root.resolve("opt/hatang/bin/hatang-agent").toString(),
            "run",
            "--config",
            "/etc/hatang/agent.yaml");
    pb.environment().remove("JAVA_HOME");
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();

    String launcherLib = Files.readString(REPO.resolve("scripts/lib/launcher.sh"));
    List<String> expected = new ArrayList<>();
    expected.addAll(shellVariable(launcherLib, "HATANG_JAVA_COMMON_OPTS"));
    // Its standard output is a pipe, its standard error the same pipe.
    expected.addAll(List.of("-Dhatang.stdout.tty=false", "-Dhatang.stderr.tty=false"));
    expected.addAll(shellVariable(launcherLib, "HATANG_AGENT_JAVA_OPTS"));
    expected.addAll(
        List.of(
            "-jar",
            root.toRealPath().resolve("opt/hatang/lib/hatang-agent.jar").toString(),
            "run",
            "--config",
            "/etc/hatang/agent.yaml"));
    assertThat(Files.readAllLines(argsOut)).containsExactlyElementsOf(expected);
    assertThat(expected).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  }

  private static List<String> shellVariable(String script, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "='([^']*)'$").matcher(script);
    assertThat(m.find()).as(name + " in scripts/lib/launcher.sh").isTrue();
    return Arrays.asList(m.group(1).split(" "));
  }

  /** {@code (indentation)(key)} of every {@code key:} line, in order. */
  private static final Pattern YAML_KEY = Pattern.compile("^(\\s*(?:- )?)([A-Za-z]+):");

  @Test
  void ps1WritesTheSameYamlKeysInTheSameOrder() throws Exception {
    Path ca = tmp.resolve("ca.pem");
    Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    Result r =
        install(
            standard(
                "--line",
                "internet=https://do-kiem.example.gov.vn",
                "--ca-file",
                ca.toString(),
                "--proxy",
                "http://10.0.0.1:3128",
                "--init",
                "cron"));
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> shKeys = new ArrayList<>();
    for (String line : read("etc/hatang/agent.yaml").split("\n")) {
      Matcher m = YAML_KEY.matcher(line);
      if (!line.startsWith("#") && m.find()) {
        shKeys.add(m.group(1) + m.group(2));
      }
    }
    assertThat(shKeys).hasSize(15);

    // The ps1's YAML comes from one function whose string literals start with the key.
    String ps1 = Files.readString(PS1, StandardCharsets.UTF_8);
    int start = ps1.indexOf("function Format-HatangAgentYaml");
    assertThat(start).as("Format-HatangAgentYaml in install-agent.ps1").isPositive();
    String body = ps1.substring(start, ps1.indexOf("\n}\n", start));
    List<String> ps1Keys = new ArrayList<>();
    Matcher m = Pattern.compile("\\$y\\.Add\\('((?:\\s*(?:- )?)[A-Za-z]+):").matcher(body);
    while (m.find()) {
      ps1Keys.add(m.group(1));
    }
    assertThat(ps1Keys).containsExactlyElementsOf(shKeys);
    assertThat(body).contains("ConvertTo-HatangYamlString", "-join \"`n\"");
  }

  @Test
  void ps1IsAsciiAndSchedulesTheWayTheBriefSays() throws Exception {
    byte[] bytes = Files.readAllBytes(PS1);
    // Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page.
    for (int i = 0; i < bytes.length; i++) {
      assertThat(bytes[i] & 0xff).as("byte %d of install-agent.ps1", i).isLessThan(0x80);
    }
    String ps1 = new String(bytes, StandardCharsets.US_ASCII);
    assertThat(ps1)
        .contains(
            "Daily = $true",
            "$daily.RandomDelay = New-TimeSpan -Seconds $delay",
            "New-ScheduledTaskTrigger @daily",
            "New-ScheduledTaskTrigger -AtStartup",
            "-UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest",
            "-StartWhenAvailable",
            "-ExecutionTimeLimit",
            "-MultipleInstances IgnoreNew",
            "New-Object System.Text.UTF8Encoding($false)",
            "run --config");
    // Every sh option has its ps1 parameter.
    Set<String> params =
        Pattern.compile("\\[(?:string|string\\[\\]|switch)\\] \\$([A-Za-z]+)")
            .matcher(ps1.substring(0, ps1.indexOf("$ErrorActionPreference")))
            .results()
            .map(x -> x.group(1))
            .collect(Collectors.toSet());
    assertThat(params)
        .containsAll(
            List.of(
                "Collector",
                "Token",
                "TokenFile",
                "UnitCode",
                "UnitName",
                "UnitLevel",
                "Line",
                "CaFile",
                "Proxy",
                "Schedule",
                "RandomDelay",
                "Jar",
                "Prefix",
                "Uninstall",
                "Purge"));
  }
}
