package vn.hatang.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {
  @Test
  void remembersResultsIncludingNullUpToItsCapacity() {
    AtomicInteger calls = new AtomicInteger();
    Memo<String, String> memo =
        new Memo<>(
            k -> {
              calls.incrementAndGet();
              return k.startsWith("n") ? null : k.toUpperCase();
            },
            2,
            String::length,
            8);
    assertThat(memo.get("ab")).isEqualTo("AB");
    assertThat(memo.get("ab")).isEqualTo("AB");
    assertThat(memo.get("none")).isNull();
    assertThat(memo.get("none")).isNull();
    assertThat(calls).hasValue(2);
    // Full: a third key is computed each time and not kept.
    assertThat(memo.get("cd")).isEqualTo("CD");
    assertThat(memo.get("cd")).isEqualTo("CD");
    assertThat(calls).hasValue(4);
    assertThat(memo.size()).isEqualTo(2);
  }

  @Test
  void aLongKeyIsComputedEveryTimeAndNeverKept() {
    AtomicInteger calls = new AtomicInteger();
    Memo<String, Integer> memo =
        new Memo<>(
            k -> {
              calls.incrementAndGet();
              return k.length();
            },
            100,
            String::length,
            8);
    String longKey = "x".repeat(9);
    assertThat(memo.get(longKey)).isEqualTo(9);
    assertThat(memo.get(longKey)).isEqualTo(9);
    assertThat(calls).hasValue(2);
    assertThat(memo.size()).isZero();
    assertThat(Memo.chars("ab", null, "c")).isEqualTo(3);
  }
}
