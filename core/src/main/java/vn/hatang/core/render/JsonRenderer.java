package vn.hatang.core.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.State;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waiver;

/**
 * The full result as JSON (documented in {@code docs/check-result.md}): keys are stable English
 * names, raw values stay machine-readable, texts (titles, reasons) are in the reader's language.
 */
public final class JsonRenderer implements PartRenderer {
  /** Version of the result format. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Writes the result machine by machine, so a run over many machines holds no copy of the whole
   * output. {@code out} is flushed, not closed.
   */
  @Override
  public void write(RunSummary summary, Formats f, Iterator<String> parts, Writer out)
      throws IOException {
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      // The caller's writer (standard output, a file) stays open.
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(g, summary, f, parts);
      g.writeRaw('\n');
    }
    out.flush();
  }

  private static void write(JsonGenerator g, RunSummary summary, Formats f, Iterator<String> parts)
      throws IOException {
    Locale locale = f.messages().locale();
    g.writeStartObject();
    g.writeNumberField("formatVersion", FORMAT_VERSION);
    Standard std = summary.standard();
    g.writeObjectFieldStart("standard");
    text(g, "id", std.id());
    text(g, "version", std.version());
    text(g, "sha256", std.sha256());
    text(g, "source", std.source());
    text(g, "title", std.title() == null ? null : std.title().in(locale));
    g.writeEndObject();
    text(g, "evaluationDate", summary.evaluationDate().toString());
    g.writeObjectFieldStart("summary");
    g.writeNumberField("machines", summary.machines());
    for (State st : State.values()) {
      g.writeNumberField(key(st), summary.count(st));
    }
    g.writeNumberField("expiredWaivers", summary.expiredWaiverFindings());
    g.writeNumberField("invalidInputs", summary.errors().size());
    g.writeNumberField("stale", summary.stale());
    g.writeEndObject();
    g.writeArrayFieldStart("machines");
    while (parts.hasNext()) {
      // Each part is the machine's object as this generator would write it at this depth.
      g.writeRawValue(parts.next());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("errors");
    for (InputError e : summary.errors()) {
      g.writeStartObject();
      text(g, "source", e.source());
      text(g, "where", e.where());
      text(g, "key", e.message().key());
      text(g, "message", f.message(e.message()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The machine's object, indented as an item of the top-level object's {@code machines} array. */
  @Override
  public String part(MachineResult r, Standard standard, Formats f) {
    String currency =
        standard.reference().prices() == null ? null : standard.reference().prices().currency();
    StringWriter text = new StringWriter(16 * 1024);
    try (JsonGenerator g = MAPPER.createGenerator(text)) {
      g.setPrettyPrinter(new ItemPrinter());
      machine(g, r, currency, f, f.messages().locale());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /**
   * The pretty printer as it stands inside the top-level object's {@code machines} array: one level
   * deep (an array written on one line does not add a level).
   */
  private static final class ItemPrinter extends DefaultPrettyPrinter {
    ItemPrinter() {
      _nesting = 1;
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new ItemPrinter();
    }
  }

  private static void machine(
      JsonGenerator g, MachineResult r, String currency, Formats f, Locale locale)
      throws IOException {
    Snapshot snap = r.snapshot();
    g.writeStartObject();
    text(g, "source", r.source());
    text(g, "snapshotId", snap.snapshotId().toString());
    text(g, "takenAt", snap.takenAt().toString());
    g.writeObjectFieldStart("unit");
    text(g, "code", snap.unit() == null ? null : snap.unit().code());
    text(g, "name", snap.unit() == null ? null : snap.unit().name());
    text(g, "level", snap.unit() == null ? null : snap.unit().level());
    g.writeEndObject();
    text(g, "hostname", snap.machine().hostname());
    text(g, "machineId", snap.machine().machineId());
    text(g, "role", snap.machine().role());
    text(g, "verdict", r.verdict().name());
    g.writeNumberField("ageDays", r.ageDays());
    g.writeBooleanField("stale", r.stale());
    g.writeObjectFieldStart("counts");
    for (State st : State.values()) {
      g.writeNumberField(key(st), r.count(st));
    }
    g.writeEndObject();
    g.writeArrayFieldStart("findings");
    for (Finding x : r.findings()) {
      finding(g, x, currency, f, locale);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding x, String currency, Formats f, Locale locale)
      throws IOException {
    g.writeStartObject();
    text(g, "checkId", x.check().id());
    text(g, "title", x.check().title() == null ? null : x.check().title().in(locale));
    text(g, "state", x.state().name());
    text(g, "severity", x.check().severity().name());
    g.writeNumberField("weight", x.check().weight());
    text(g, "metric", x.check().metric().path());
    text(g, "op", x.check().op().symbol());
    g.writeFieldName("required");
    raw(g, x.required());
    g.writeFieldName("measured");
    raw(g, x.measured());
    text(g, "unit", x.check().unit());
    if (x.shortfall() != null) {
      g.writeNumberField("shortfall", x.shortfall());
      text(g, "shortfallUnit", x.shortfallUnit());
    }
    if (x.reason() != null) {
      text(g, "reasonKey", x.reason().key());
      text(g, "reason", f.message(x.reason()));
    }
    if (x.note() != null) {
      text(g, "note", f.message(x.note()));
    }
    if (x.waiver() != null) {
      g.writeObjectFieldStart("waiver");
      waiver(g, x);
      g.writeEndObject();
    }
    if (x.check().remediation() != null) {
      g.writeObjectFieldStart("remediation");
      text(
          g,
          "action",
          x.check().remediation().action() == null
              ? null
              : x.check().remediation().action().in(locale));
      text(g, "costKey", x.check().remediation().costKey());
      if (x.unitCost() != null) {
        g.writeNumberField("unitCost", x.unitCost());
        text(g, "currency", currency);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** A finding's waiver: applied (state WAIVED) or expired (state FAIL again). */
  private static void waiver(JsonGenerator g, Finding x) throws IOException {
    Waiver w = x.waiver();
    text(g, "status", x.waiverExpired() ? "expired" : "applied");
    text(g, "scope", w.scope().word());
    text(g, "target", w.target());
    text(g, "justification", w.justification());
    text(g, "approvedBy", w.approvedBy());
    text(g, "approvedOn", w.approvedOn().toString());
    text(g, "expires", w.expires().toString());
    text(g, "planItem", w.planItem());
    text(g, "place", w.place());
  }

  /** A text field, {@code null} written as JSON null. */
  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  private static String key(State st) {
    return switch (st) {
      case PASS -> "pass";
      case FAIL -> "fail";
      case UNKNOWN -> "unknown";
      case NOT_APPLICABLE -> "notApplicable";
      case WAIVED -> "waived";
    };
  }

  /** A raw value as written: whole numbers without a fraction, dates and lists as text. */
  private static void raw(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        g.writeNumber((long) d);
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof LocalDate d) {
      g.writeString(d.toString());
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        g.writeString(String.valueOf(x));
      }
      g.writeEndArray();
    } else {
      g.writeString(String.valueOf(v));
    }
  }
}
