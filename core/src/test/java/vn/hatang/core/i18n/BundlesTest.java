package vn.hatang.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.hatang.core.ExitCode;
import vn.hatang.core.check.State;

/** English and Vietnamese bundles define the same keys; every code-referenced key exists. */
class BundlesTest {

  static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndVietnameseHaveTheSameKeys() throws IOException {
    Properties en = load("/vn/hatang/core/messages.properties");
    Properties vi = load("/vn/hatang/core/messages_vi.properties");
    assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(vi.getProperty("state.FAIL")).isEqualTo("KHÔNG ĐẠT");
  }

  @Test
  void exitCodesAndStatesHaveTexts() {
    Messages vi = Messages.of(Lang.VI);
    for (ExitCode c : ExitCode.values()) {
      assertThat(vi.has(c.messageKey())).as(c.messageKey()).isTrue();
    }
    for (State s : State.values()) {
      assertThat(vi.has("state." + s.name())).isTrue();
    }
  }
}
