package vn.hatang.core.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.State;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waiver;

/**
 * The full result as JSON (documented in {@code docs/check-result.md}): keys are stable English
 * names, raw values stay machine-readable, texts (titles, reasons) are in the reader's language.
 */
public final class JsonRenderer implements PartRenderer {
  /** Version of the result format. */
  public static final int FORMAT_VERSION = 1;

  /**
   * UTF-8 generators that write a character beyond the BMP (an emoji in a hostname) as its four
   * bytes, not as two escaped surrogates: as the writer-based generator and a UTF-8 writer did.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(
              com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  // Field names of a machine's part, encoded once.
  private static final SerializedString[] COUNT_KEYS =
      java.util.Arrays.stream(State.values())
          .map(st -> new SerializedString(key(st)))
          .toArray(SerializedString[]::new);
  private static final SerializedString K_ACTION = new SerializedString("action");
  private static final SerializedString K_AGE_DAYS = new SerializedString("ageDays");
  private static final SerializedString K_CHECK_ID = new SerializedString("checkId");
  private static final SerializedString K_CODE = new SerializedString("code");
  private static final SerializedString K_COST_KEY = new SerializedString("costKey");
  private static final SerializedString K_COUNTS = new SerializedString("counts");
  private static final SerializedString K_CURRENCY = new SerializedString("currency");
  private static final SerializedString K_FINDINGS = new SerializedString("findings");
  private static final SerializedString K_HOSTNAME = new SerializedString("hostname");
  private static final SerializedString K_LEVEL = new SerializedString("level");
  private static final SerializedString K_MACHINE_ID = new SerializedString("machineId");
  private static final SerializedString K_MEASURED = new SerializedString("measured");
  private static final SerializedString K_METRIC = new SerializedString("metric");
  private static final SerializedString K_NAME = new SerializedString("name");
  private static final SerializedString K_NOTE = new SerializedString("note");
  private static final SerializedString K_OP = new SerializedString("op");
  private static final SerializedString K_REASON = new SerializedString("reason");
  private static final SerializedString K_REASON_KEY = new SerializedString("reasonKey");
  private static final SerializedString K_REMEDIATION = new SerializedString("remediation");
  private static final SerializedString K_REQUIRED = new SerializedString("required");
  private static final SerializedString K_ROLE = new SerializedString("role");
  private static final SerializedString K_SEVERITY = new SerializedString("severity");
  private static final SerializedString K_SHORTFALL = new SerializedString("shortfall");
  private static final SerializedString K_SHORTFALL_UNIT = new SerializedString("shortfallUnit");
  private static final SerializedString K_SNAPSHOT_ID = new SerializedString("snapshotId");
  private static final SerializedString K_SOURCE = new SerializedString("source");
  private static final SerializedString K_STALE = new SerializedString("stale");
  private static final SerializedString K_STATE = new SerializedString("state");
  private static final SerializedString K_TAKEN_AT = new SerializedString("takenAt");
  private static final SerializedString K_TITLE = new SerializedString("title");
  private static final SerializedString K_UNIT = new SerializedString("unit");
  private static final SerializedString K_UNIT_COST = new SerializedString("unitCost");
  private static final SerializedString K_VERDICT = new SerializedString("verdict");
  private static final SerializedString K_WAIVER = new SerializedString("waiver");
  private static final SerializedString K_WEIGHT = new SerializedString("weight");

  /**
   * Writes the result machine by machine, so a run over many machines holds no copy of the whole
   * output. {@code out} is flushed, not closed.
   */
  @Override
  public void write(RunSummary summary, Formats f, Iterator<byte[]> parts, OutputStream out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      // The caller's stream (standard output, a file) stays open.
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new IndentedJson());
      write(g, summary, f, parts);
      g.writeRaw('\n');
    }
    out.flush();
  }

  private static void write(JsonGenerator g, RunSummary summary, Formats f, Iterator<byte[]> parts)
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
      g.writeRawValue(new Raw(parts.next()));
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
  public byte[] part(MachineResult r, Standard standard, Formats f) {
    return pieces(r, standard, f).part();
  }

  /**
   * The part in pieces: the machine's own fields and the separators its own, each finding kept by
   * the run ({@link Texts#finding}) a shared piece. A check keeps only the machine's own bytes in
   * its spool: 100,000 machines' findings were 90% of 1.3 GB.
   */
  @Override
  public Pieces pieces(MachineResult r, Standard standard, Formats f) {
    String currency =
        standard.reference().prices() == null ? null : standard.reference().prices().currency();
    Texts texts = texts(standard, f.messages().locale(), currency);
    ByteArrayBuilder bytes = Parts.builder();
    Shared shared = new Shared(bytes);
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      // As an item of the top-level object's "machines" array: one level deep (an array written
      // on one line adds none).
      g.setPrettyPrinter(new IndentedJson(1));
      shared.generator = g;
      machine(g, r, texts, f, f.messages().locale(), shared);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayBuilder does not fail
    }
    return shared.pieces(bytes.toByteArray());
  }

  /** The kept findings of a part being written, and where they go in its own bytes. */
  private static final class Shared {
    private final ByteArrayBuilder own;
    private JsonGenerator generator;
    private final List<byte[]> pieces = new ArrayList<>();
    private int[] at = new int[32];

    Shared(ByteArrayBuilder own) {
      this.own = own;
    }

    /** A kept finding goes here: its separator written, its bytes held apart. */
    void add(byte[] kept) throws IOException {
      generator.writeRawValue(NOTHING); // the separator before an array item, and no bytes
      if (pieces.size() == at.length) {
        at = java.util.Arrays.copyOf(at, 2 * at.length);
      }
      // What the builder has, and what the generator holds yet.
      at[pieces.size()] = own.size() + generator.getOutputBuffered();
      pieces.add(kept);
    }

    Pieces pieces(byte[] ownBytes) {
      return pieces.isEmpty()
          ? new Pieces(ownBytes, Pieces.NONE, Pieces.NOWHERE)
          : new Pieces(
              ownBytes, pieces.toArray(new byte[0][]), java.util.Arrays.copyOf(at, pieces.size()));
    }
  }

  /** A raw value of no bytes: what stands in a part's own bytes for a shared finding. */
  private static final Raw NOTHING = new Raw(new byte[0]);

  /**
   * A part's bytes, written by the generator as they are (UTF-8 already): {@link
   * JsonGenerator#writeRawValue(SerializableString)} puts the separator before it, as before any
   * value, and copies them.
   */
  private record Raw(byte[] bytes) implements SerializableString {
    @Override
    public String getValue() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return bytes;
    }

    @Override
    public byte[] asQuotedUTF8() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (bytes.length > buffer.length - offset) {
        return -1; // the generator then writes asUnquotedUTF8()
      }
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(bytes);
      return bytes.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer out) {
      if (bytes.length > out.remaining()) {
        return -1;
      }
      out.put(bytes);
      return bytes.length;
    }
  }

  /** The checks' texts of the last run asked for: a run has one standard and one language. */
  private final java.util.concurrent.atomic.AtomicReference<Texts> texts =
      new java.util.concurrent.atomic.AtomicReference<>();

  private Texts texts(Standard standard, Locale locale, String currency) {
    Texts t = texts.get();
    if (t == null || t.standard != standard || !t.locale.equals(locale)) {
      t = new Texts(standard, locale, currency);
      texts.set(t); // racing threads may each make one: the same texts
    }
    return t;
  }

  /**
   * The texts of a standard's checks as JSON values, quoted and encoded once per run (a finding has
   * eight of them, a province's run millions of findings). Read-only once made.
   */
  private static final class Texts {
    final Standard standard;
    final Locale locale;
    final SerializedString currency;
    private final java.util.IdentityHashMap<Check, CheckText> checks =
        new java.util.IdentityHashMap<>();

    Texts(Standard standard, Locale locale, String currency) {
      this.standard = standard;
      this.locale = locale;
      this.currency = encoded(currency);
      for (Check c : standard.checks()) {
        checks.put(c, CheckText.of(c, locale));
      }
    }

    CheckText of(Check c) {
      CheckText t = checks.get(c);
      return t != null ? t : CheckText.of(c, locale); // a check from elsewhere: made each time
    }

    /**
     * A finding's object as it stands in a machine's part (UTF-8, indented), kept by what it shows
     * ({@link FindingKey}; at most {@link #FINDINGS_KEPT}): a fleet's machines have the same few
     * thousand findings (100,000 generated machines, 2.5 million findings). {@code null} for one
     * with a waiver or once the cache is full: the caller writes it.
     */
    byte[] finding(Finding x, Formats f) throws IOException {
      Formats owner = findingsFormats;
      if (owner == null) {
        synchronized (this) {
          if (findingsFormats == null) {
            findingsFormats = f;
          }
          owner = findingsFormats;
        }
      }
      if (x.waiver() != null || owner != f) {
        return null; // the kept objects are the messages of the formats they were made with
      }
      FindingKey key = new FindingKey(x);
      byte[] kept = findings.get(key);
      if (kept != null || findings.size() >= FINDINGS_KEPT) {
        return kept;
      }
      ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
      try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
        // Two objects deep, as in a part: the machine (an item of "machines") and the finding.
        g.setPrettyPrinter(new IndentedJson(2));
        JsonRenderer.finding(g, x, this, f);
      }
      kept = bytes.toByteArray();
      byte[] before = findings.putIfAbsent(key, kept);
      return before != null ? before : kept;
    }

    private static final int FINDINGS_KEPT = 16_384;

    /** The formats the kept findings were written with (their reasons' and notes' texts). */
    private volatile Formats findingsFormats;

    private final java.util.Map<FindingKey, byte[]> findings =
        new java.util.concurrent.ConcurrentHashMap<>();
  }

  /** One check's texts as JSON values; {@code null} where the field is JSON null. */
  private record CheckText(
      SerializedString id,
      SerializedString title,
      SerializedString severity,
      SerializedString metric,
      SerializedString op,
      SerializedString unit,
      SerializedString action,
      SerializedString costKey) {
    static CheckText of(Check c, Locale locale) {
      Check.Remediation r = c.remediation();
      return new CheckText(
          encoded(c.id()),
          encoded(c.title() == null ? null : c.title().in(locale)),
          encoded(c.severity().name()),
          encoded(c.metric().path()),
          encoded(c.op().symbol()),
          encoded(c.unit()),
          encoded(r == null || r.action() == null ? null : r.action().in(locale)),
          encoded(r == null ? null : r.costKey()));
    }
  }

  /**
   * A text quoted and encoded once. A lone surrogate (not Unicode; a hand-edited standard could
   * hold one) becomes {@code ?}, as a UTF-8 writer made it before; Jackson's encoder refuses it.
   */
  private static SerializedString encoded(String text) {
    return text == null ? null : new SerializedString(withoutLoneSurrogates(text));
  }

  static String withoutLoneSurrogates(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : !Character.isLowSurrogate(c)
                  || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
      if (!paired && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(paired ? c : '?');
      }
    }
    return out == null ? text : out.toString();
  }

  private static final SerializedString[] STATE_NAMES =
      java.util.Arrays.stream(State.values())
          .map(st -> new SerializedString(st.name()))
          .toArray(SerializedString[]::new);

  /** A machine's object; the findings the run keeps are held apart in {@code shared}. */
  private static void machine(
      JsonGenerator g, MachineResult r, Texts texts, Formats f, Locale locale, Shared shared)
      throws IOException {
    Snapshot snap = r.snapshot();
    g.writeStartObject();
    text(g, K_SOURCE, r.source());
    text(g, K_SNAPSHOT_ID, snap.snapshotId().toString());
    text(g, K_TAKEN_AT, snap.takenAt().toString());
    g.writeFieldName(K_UNIT);
    g.writeStartObject();
    text(g, K_CODE, snap.unit() == null ? null : snap.unit().code());
    text(g, K_NAME, snap.unit() == null ? null : snap.unit().name());
    text(g, K_LEVEL, snap.unit() == null ? null : snap.unit().level());
    g.writeEndObject();
    text(g, K_HOSTNAME, snap.machine().hostname());
    text(g, K_MACHINE_ID, snap.machine().machineId());
    text(g, K_ROLE, snap.machine().role());
    text(g, K_VERDICT, r.verdict().name());
    g.writeFieldName(K_AGE_DAYS);
    g.writeNumber(r.ageDays());
    g.writeFieldName(K_STALE);
    g.writeBoolean(r.stale());
    g.writeFieldName(K_COUNTS);
    g.writeStartObject();
    for (State st : State.values()) {
      g.writeFieldName(COUNT_KEYS[st.ordinal()]);
      g.writeNumber(r.count(st));
    }
    g.writeEndObject();
    g.writeFieldName(K_FINDINGS);
    g.writeStartArray();
    for (Finding x : r.findings()) {
      byte[] kept = texts.finding(x, f);
      if (kept != null) {
        shared.add(kept);
      } else {
        finding(g, x, texts, f);
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding x, Texts texts, Formats f)
      throws IOException {
    CheckText c = texts.of(x.check());
    g.writeStartObject();
    text(g, K_CHECK_ID, c.id());
    text(g, K_TITLE, c.title());
    text(g, K_STATE, STATE_NAMES[x.state().ordinal()]);
    text(g, K_SEVERITY, c.severity());
    g.writeFieldName(K_WEIGHT);
    g.writeNumber(x.check().weight());
    text(g, K_METRIC, c.metric());
    text(g, K_OP, c.op());
    g.writeFieldName(K_REQUIRED);
    raw(g, x.required());
    g.writeFieldName(K_MEASURED);
    raw(g, x.measured());
    text(g, K_UNIT, c.unit());
    if (x.shortfall() != null) {
      g.writeFieldName(K_SHORTFALL);
      g.writeNumber(x.shortfall());
      text(g, K_SHORTFALL_UNIT, x.shortfallUnit());
    }
    if (x.reason() != null) {
      text(g, K_REASON_KEY, x.reason().key());
      text(g, K_REASON, f.message(x.reason()));
    }
    if (x.note() != null) {
      text(g, K_NOTE, f.message(x.note()));
    }
    if (x.waiver() != null) {
      g.writeFieldName(K_WAIVER);
      g.writeStartObject();
      waiver(g, x);
      g.writeEndObject();
    }
    if (x.check().remediation() != null) {
      g.writeFieldName(K_REMEDIATION);
      g.writeStartObject();
      text(g, K_ACTION, c.action());
      text(g, K_COST_KEY, c.costKey());
      if (x.unitCost() != null) {
        g.writeFieldName(K_UNIT_COST);
        g.writeNumber(x.unitCost());
        text(g, K_CURRENCY, texts.currency);
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

  /** A text field encoded ahead, {@code null} written as JSON null. */
  private static void text(JsonGenerator g, SerializableString name, SerializableString value)
      throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  /** A text field, {@code null} written as JSON null. */
  private static void text(JsonGenerator g, SerializableString name, String value)
      throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
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
