package vn.hatang.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A message formatted by hand where its pattern is plain is what {@link MessageFormat} makes. */
class MessagesTest {

  @Test
  void everyMessageWithTextArgumentsIsWhatMessageFormatMakes() throws Exception {
    int plain = 0;
    for (Locale locale : java.util.List.of(Locale.ENGLISH, Lang.VI)) {
      Messages m = Messages.of(locale);
      Properties bundle =
          BundlesTest.load(
              locale == Locale.ENGLISH
                  ? "/vn/hatang/core/messages.properties"
                  : "/vn/hatang/core/messages_vi.properties");
      for (String key : bundle.stringPropertyNames()) {
        String pattern = bundle.getProperty(key);
        // Texts that look like patterns themselves, and a Vietnamese one.
        Object[] texts = {"a{1}b", "it''s 'x'", "Ủy ban nhân dân", "", "{0}", "5", "z", "7", "8"};
        Object[] mixed = {12345L, "b", 3.5, null, "e", 6, "g", "h", "i"};
        for (Object[] args : java.util.List.of(texts, mixed)) {
          assertThat(outcome(() -> m.get(key, args)))
              .as("%s %s", locale, key)
              .isEqualTo(outcome(() -> new MessageFormat(pattern, locale).format(args)));
        }
        // Fewer arguments than placeholders: MessageFormat leaves the rest as written.
        assertThat(outcome(() -> m.get(key, "only")))
            .as("%s %s one argument", locale, key)
            .isEqualTo(
                outcome(() -> new MessageFormat(pattern, locale).format(new Object[] {"only"})));
        if (pattern.contains("{0}") && pattern.indexOf('\'') < 0) {
          plain++;
        }
      }
    }
    assertThat(plain).as("patterns the quick way takes").isGreaterThan(50);
  }

  /** The text made, or the exception thrown (a text where a number is formatted). */
  private static String outcome(java.util.function.Supplier<String> format) {
    try {
      return format.get();
    } catch (IllegalArgumentException e) {
      return "thrown: " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void aMessageWithoutArgumentsIsItsPatternAsWritten() {
    Messages en = Messages.of(Locale.ENGLISH);
    assertThat(en.get("state.FAIL")).isEqualTo("FAIL");
    assertThatThrownBy(() -> en.get("no.such.key", "x"))
        .isInstanceOf(MissingResourceException.class);
    // Asked again: still missing, nothing kept for it.
    assertThatThrownBy(() -> en.get("no.such.key")).isInstanceOf(MissingResourceException.class);
  }
}
