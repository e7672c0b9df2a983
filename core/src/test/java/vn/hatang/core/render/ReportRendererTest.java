package vn.hatang.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.waiver.Waivers;

class ReportRendererTest {

  /** A writer that remembers being flushed and closed. */
  private static final class Recording extends StringWriter {
    boolean flushed;
    boolean closed;

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "json", "csv"})
  void writingToAWriterGivesTheSameTextAndLeavesItOpen(String format) throws IOException {
    CheckReport report = GoldenTest.report(Waivers.NONE);
    Formats formats = new Formats(Messages.of(Locale.forLanguageTag("vi")));
    ReportRenderer renderer = ReportRenderer.forFormat(format);
    Recording out = new Recording();
    out.write("before\n");

    renderer.render(report, formats, out);

    assertThat(out).hasToString("before\n" + renderer.render(report, formats));
    assertThat(out.flushed).isTrue();
    assertThat(out.closed).isFalse();
  }
}
