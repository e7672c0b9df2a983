package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.i18n.Messages;

/** The checker's English and Vietnamese bundles define the same keys. */
class CliBundlesTest {
  private static Properties load(String name) throws IOException {
    try (InputStream in = CliBundlesTest.class.getResourceAsStream("/vn/hatang/cli/" + name)) {
      assertThat(in).as(name).isNotNull();
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }

  @Test
  void englishAndVietnameseHaveTheSameKeys() throws IOException {
    assertThat(load("messages_vi.properties").stringPropertyNames())
        .isEqualTo(load("messages.properties").stringPropertyNames());
  }

  @Test
  void storeMessagesAreVietnamese() {
    Messages vi = Messages.of(Lang.VI, HatangMain.BUNDLE);
    assertThat(vi.get("store.unreachable", "jdbc:postgresql://db/x", "refused"))
        .isEqualTo("không dùng được cơ sở dữ liệu PostgreSQL jdbc:postgresql://db/x: refused");
    assertThat(vi.get("tokens.revoked", "abcdefgh")).isEqualTo("đã thu hồi token abcdefgh");
  }
}
