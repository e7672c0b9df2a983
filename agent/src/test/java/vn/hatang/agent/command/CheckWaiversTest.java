package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;

/**
 * {@code hatang-agent check --waivers FILE} on this build machine's real hardware, against a
 * standard that no PC can pass (at least 100,000 GiB of RAM), so the result does not depend on the
 * machine.
 */
class CheckWaiversTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;
  Path standard;
  Path config;

  @BeforeEach
  void files() throws Exception {
    standard = dir.resolve("huge-ram/2026.1.yaml");
    Files.createDirectories(standard.getParent());
    Files.writeString(
        standard,
        """
        id: huge-ram
        version: "2026.1"
        title: {vi: "RAM rất lớn", en: "Huge RAM"}
        issuer: test
        effectiveFrom: 2026-01-01
        freshnessDays: 30
        checks:
          - id: ram.huge
            title: {vi: "RAM ít nhất 100000 GiB", en: "RAM at least 100000 GiB"}
            metric: memory.sizeBytes
            op: ">="
            value: 100000
            unit: GiB
        """,
        StandardCharsets.UTF_8);
    config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "unit:\n  code: '21583'\n  name: Phường Quy Nhơn\n  level: commune\nspoolDir: "
            + dir.resolve("spool")
            + "\n",
        StandardCharsets.UTF_8);
  }

  private Path waivers(String check, String approvedOn, String expires) throws Exception {
    Path w = dir.resolve("waivers.yaml");
    Files.writeString(
        w,
        """
        - check: %s
          scope: unit
          target: "21583"
          justification: máy chủ ảo, không thể lắp thêm
          approvedBy: Nguyễn Văn A
          approvedOn: %s
          expires: %s
        """
            .formatted(check, approvedOn, expires),
        StandardCharsets.UTF_8);
    return w;
  }

  private int check(Path waivers, String... more) {
    String[] base = {
      "check",
      "--config",
      config.toString(),
      "--standard",
      standard.toString(),
      "--date",
      "2026-11-25",
      "--waivers",
      waivers.toString()
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return AgentMain.execute(
        args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
  }

  @Test
  void aWaivedFailureExitsZero() throws Exception {
    int code = check(waivers("ram.huge", "2026-11-01", "2026-12-31"), "-f", "json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode m = new ObjectMapper().readTree(out.toString()).at("/machines/0");
    assertThat(m.get("verdict").asText()).isEqualTo("WAIVED");
    assertThat(m.at("/findings/0/state").asText()).isEqualTo("WAIVED");
    assertThat(m.at("/findings/0/waiver/approvedBy").asText()).isEqualTo("Nguyễn Văn A");
    assertThat(m.at("/findings/0/shortfall").asDouble()).isPositive();
  }

  @Test
  void anExpiredWaiverFailsWithANotice() throws Exception {
    Path w = waivers("ram.huge", "2026-01-01", "2026-11-24");
    int code = check(w);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("Waiver expired (last day 2026-11-24): RAM at least 100000 GiB");
    assertThat(err.toString())
        .contains(w + ":1:3: waiver of 'ram.huge' for unit 21583 expired (last day 2026-11-24)");
  }

  @Test
  void aWaiverForAnotherStandardsCheckStopsBeforeCollecting() throws Exception {
    Path w = waivers("tpm.version", "2026-01-01", "2026-12-31");
    int code = check(w);
    assertThat(code).isEqualTo(3);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains(w + ":1:10: unknown check 'tpm.version' in this standard (its checks: ram.huge)")
        .contains("the waivers file " + w + " cannot be used");
  }
}
