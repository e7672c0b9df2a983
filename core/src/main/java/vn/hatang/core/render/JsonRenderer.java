package vn.hatang.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hatang.core.check.CheckReport;
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
public final class JsonRenderer implements ReportRenderer {
  /** Version of the result format. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String render(CheckReport report, Formats f) {
    Locale locale = f.messages().locale();
    JsonNodeFactory nf = JsonNodeFactory.instance;
    ObjectNode root = nf.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    Standard std = report.standard();
    ObjectNode s = root.putObject("standard");
    s.put("id", std.id());
    s.put("version", std.version());
    s.put("sha256", std.sha256());
    s.put("source", std.source());
    s.put("title", std.title() == null ? null : std.title().in(locale));
    root.put("evaluationDate", report.evaluationDate().toString());
    ObjectNode sum = root.putObject("summary");
    sum.put("machines", report.machines().size());
    for (State st : State.values()) {
      sum.put(key(st), report.count(st));
    }
    sum.put("expiredWaivers", report.expiredWaiverCount());
    sum.put("invalidInputs", report.errors().size());
    sum.put("stale", report.staleCount());
    ArrayNode machines = root.putArray("machines");
    String currency = std.reference().prices() == null ? null : std.reference().prices().currency();
    for (MachineResult r : report.machines()) {
      Snapshot snap = r.snapshot();
      ObjectNode mo = machines.addObject();
      mo.put("source", r.source());
      mo.put("snapshotId", snap.snapshotId().toString());
      mo.put("takenAt", snap.takenAt().toString());
      ObjectNode unit = mo.putObject("unit");
      unit.put("code", snap.unit() == null ? null : snap.unit().code());
      unit.put("name", snap.unit() == null ? null : snap.unit().name());
      unit.put("level", snap.unit() == null ? null : snap.unit().level());
      mo.put("hostname", snap.machine().hostname());
      mo.put("machineId", snap.machine().machineId());
      mo.put("role", snap.machine().role());
      mo.put("verdict", r.verdict().name());
      mo.put("ageDays", r.ageDays());
      mo.put("stale", r.stale());
      ObjectNode counts = mo.putObject("counts");
      for (State st : State.values()) {
        counts.put(key(st), r.count(st));
      }
      ArrayNode findings = mo.putArray("findings");
      for (Finding x : r.findings()) {
        ObjectNode fo = findings.addObject();
        fo.put("checkId", x.check().id());
        fo.put("title", x.check().title() == null ? null : x.check().title().in(locale));
        fo.put("state", x.state().name());
        fo.put("severity", x.check().severity().name());
        fo.put("weight", x.check().weight());
        fo.put("metric", x.check().metric().path());
        fo.put("op", x.check().op().symbol());
        fo.set("required", raw(nf, x.required()));
        fo.set("measured", raw(nf, x.measured()));
        fo.put("unit", x.check().unit());
        if (x.shortfall() != null) {
          fo.put("shortfall", x.shortfall());
          fo.put("shortfallUnit", x.shortfallUnit());
        }
        if (x.reason() != null) {
          fo.put("reasonKey", x.reason().key());
          fo.put("reason", f.message(x.reason()));
        }
        if (x.note() != null) {
          fo.put("note", f.message(x.note()));
        }
        if (x.waiver() != null) {
          waiver(fo.putObject("waiver"), x);
        }
        if (x.check().remediation() != null) {
          ObjectNode rem = fo.putObject("remediation");
          rem.put(
              "action",
              x.check().remediation().action() == null
                  ? null
                  : x.check().remediation().action().in(locale));
          rem.put("costKey", x.check().remediation().costKey());
          if (x.unitCost() != null) {
            rem.put("unitCost", x.unitCost());
            rem.put("currency", currency);
          }
        }
      }
    }
    ArrayNode errors = root.putArray("errors");
    for (InputError e : report.errors()) {
      ObjectNode eo = errors.addObject();
      eo.put("source", e.source());
      eo.put("where", e.where());
      eo.put("key", e.message().key());
      eo.put("message", f.message(e.message()));
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A finding's waiver: applied (state WAIVED) or expired (state FAIL again). */
  private static void waiver(ObjectNode wo, Finding x) {
    Waiver w = x.waiver();
    wo.put("status", x.waiverExpired() ? "expired" : "applied");
    wo.put("scope", w.scope().word());
    wo.put("target", w.target());
    wo.put("justification", w.justification());
    wo.put("approvedBy", w.approvedBy());
    wo.put("approvedOn", w.approvedOn().toString());
    wo.put("expires", w.expires().toString());
    wo.put("planItem", w.planItem());
    wo.put("place", w.place());
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

  private static com.fasterxml.jackson.databind.JsonNode raw(JsonNodeFactory nf, Object v) {
    if (v == null) {
      return nf.nullNode();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? nf.numberNode((long) d) : nf.numberNode(d);
    }
    if (v instanceof Boolean b) {
      return nf.booleanNode(b);
    }
    if (v instanceof LocalDate d) {
      return nf.textNode(d.toString());
    }
    if (v instanceof List<?> l) {
      ArrayNode a = nf.arrayNode();
      l.forEach(x -> a.add(String.valueOf(x)));
      return a;
    }
    return nf.textNode(String.valueOf(v));
  }
}
