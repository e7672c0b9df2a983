package vn.hatang.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Texts encoded once for JSON: a lone surrogate becomes "?", as a UTF-8 writer made it. */
class LoneSurrogatesTest {
  @Test
  void loneSurrogatesBecomeQuestionMarksAndPairsStay() {
    assertThat(JsonRenderer.withoutLoneSurrogates("Thay máy 😀")).isEqualTo("Thay máy 😀");
    assertThat(JsonRenderer.withoutLoneSurrogates("a\uD800b")).isEqualTo("a?b");
    assertThat(JsonRenderer.withoutLoneSurrogates("a\uDC00")).isEqualTo("a?");
    assertThat(JsonRenderer.withoutLoneSurrogates("\uD800\uD83D\uDE00\uDE00")).isEqualTo("?😀?");
    String plain = "RAM at least 8 GiB";
    assertThat(JsonRenderer.withoutLoneSurrogates(plain)).isSameAs(plain);
    // What a UTF-8 writer made of the same text.
    String odd = "x\uDBFF\uDC00\uDC00y\uD800";
    assertThat(JsonRenderer.withoutLoneSurrogates(odd))
        .isEqualTo(
            new String(
                    odd.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8)
                .replace('\uFFFD', '?'));
  }
}
