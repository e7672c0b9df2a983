package vn.hatang.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void aTokenHasThePrefixAnIdAndA32ByteSecret() {
    Tokens.Issued t = Tokens.generate();
    assertThat(t.text()).matches("hat_[a-z2-7]{8}_[A-Za-z0-9_-]{43}");
    assertThat(t.text()).startsWith("hat_" + t.id() + "_");
    assertThat(java.util.Base64.getUrlDecoder().decode(t.text().substring(13))).hasSize(32);
    assertThat(t.sha256()).isEqualTo(Tokens.sha256Hex(t.text())).matches("[0-9a-f]{64}");
    assertThat(Tokens.isWellFormed(t.text())).isTrue();
    assertThat(Tokens.idOf(t.text())).contains(t.id());
    assertThat(Tokens.isId(t.id())).isTrue();
  }

  @Test
  void theSecretNeverShowsInToString() {
    Tokens.Issued t = Tokens.generate();
    assertThat(t.toString()).contains(t.id()).doesNotContain(t.text().substring(13));
  }

  @Test
  void tokensDiffer() {
    Set<String> ids = new HashSet<>();
    Set<String> texts = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      Tokens.Issued t = Tokens.generate();
      ids.add(t.id());
      texts.add(t.text());
    }
    assertThat(texts).hasSize(1000);
    assertThat(ids).hasSize(1000);
  }

  @Test
  void knownBytesGiveAKnownToken() {
    // A "random" source that hands out 0x00, 0x01, 0x02, ...
    SecureRandom counting =
        new SecureRandom() {
          private int next;

          @Override
          public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
              bytes[i] = (byte) next++;
            }
          }
        };
    Tokens.Issued t = Tokens.generate(counting);
    // 00 01 02 03 04 in base32 is AAAQEAYE; then bytes 05..24 in base64url.
    assertThat(t.id()).isEqualTo("aaaqeaye");
    assertThat(t.text()).isEqualTo("hat_aaaqeaye_BQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQ");
    // sha256sum of that text.
    assertThat(t.sha256())
        .isEqualTo("0164164d13e41ab5a94cf7c12ca549bad84a6e022348ae1ebf9949689d3cef5b");
  }

  @Test
  void malformedTokensAreRejected() {
    String good = Tokens.generate().text();
    assertThat(Tokens.isWellFormed(null)).isFalse();
    assertThat(Tokens.isWellFormed("")).isFalse();
    assertThat(Tokens.isWellFormed(good + "A")).isFalse();
    assertThat(Tokens.isWellFormed(good.substring(0, good.length() - 1))).isFalse();
    assertThat(Tokens.isWellFormed("HAT" + good.substring(3))).isFalse();
    assertThat(Tokens.isWellFormed("hat_AAAAAAAA" + good.substring(12))).isFalse();
    assertThat(Tokens.isWellFormed("hat_aaaaaaa1" + good.substring(12))).isFalse();
    assertThat(Tokens.isWellFormed(" " + good)).isFalse();
    assertThat(Tokens.isWellFormed(good.substring(0, 12) + "-" + good.substring(13))).isFalse();
    // The secret's last character carries two zero bits: 'B' cannot end 32 bytes.
    assertThat(Tokens.isWellFormed(good.substring(0, good.length() - 1) + "B")).isFalse();
    assertThat(Tokens.idOf("hat_abcdefgh_short")).isEmpty();
    assertThat(Tokens.isId("abcdefgh")).isTrue();
    assertThat(Tokens.isId("abcdefg1")).isFalse();
    assertThat(Tokens.isId("abcdefghi")).isFalse();
  }

  @Test
  void sha256IsTheStandardDigest() {
    assertThat(Tokens.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
