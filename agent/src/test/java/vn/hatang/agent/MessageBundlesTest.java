package vn.hatang.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;

class MessageBundlesTest {
  private static Properties load(String name) throws IOException {
    try (InputStream in =
        MessageBundlesTest.class.getResourceAsStream("/vn/hatang/agent/" + name)) {
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    }
  }

  @Test
  void englishAndVietnameseHaveTheSameKeys() throws IOException {
    assertThat(load("messages_vi.properties").stringPropertyNames())
        .isEqualTo(load("messages.properties").stringPropertyNames());
  }

  @Test
  void vietnameseIsReallyVietnamese() {
    Messages vi = Messages.of(Locale.forLanguageTag("vi"), AgentMain.BUNDLE);
    assertThat(vi.get("exit.ok")).isEqualTo("thành công");
    assertThat(vi.get("config.error.missing", "a.yaml"))
        .isEqualTo("a.yaml: không tìm thấy tệp cấu hình");
  }

  @Test
  void everyExitCodeHasText() {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("vi")}) {
      Messages messages = Messages.of(locale, AgentMain.BUNDLE);
      for (ExitCode code : ExitCode.values()) {
        assertThat(messages.get(code.messageKey())).isNotBlank();
      }
    }
  }
}
