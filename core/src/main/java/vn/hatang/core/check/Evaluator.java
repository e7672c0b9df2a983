package vn.hatang.core.check;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.Metric;
import vn.hatang.core.standard.MetricValue;
import vn.hatang.core.standard.Operator;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardLoader;
import vn.hatang.core.standard.Unit;
import vn.hatang.core.waiver.Waivers;

/**
 * Judges a snapshot against a standard on an evaluation date: {@code (snapshot, standard, date) →
 * findings}. A pure function: no I/O, no clock (the date is an argument). Stateless and
 * thread-safe.
 *
 * <p>Rules: a check whose applicability cannot be decided (unit level, role or OS family unknown)
 * is UNKNOWN, never silently skipped; a value that cannot be read is UNKNOWN with the reason;
 * string comparisons ignore case; {@code date after} is strict (on the end-of-support day itself an
 * OS counts as unsupported).
 */
public final class Evaluator {
  /** Compiled {@code matches} patterns: a standard has a handful, judged on every snapshot. */
  private static final Map<String, Pattern> MATCHES_PATTERNS = new ConcurrentHashMap<>();

  private Evaluator() {}

  /**
   * Evaluates one snapshot.
   *
   * @param source where the snapshot came from, for people
   * @param snapshot the snapshot
   * @param standard the standard
   * @param evaluationDate the day to judge on (OS support, date checks)
   */
  public static MachineResult evaluate(
      String source, Snapshot snapshot, Standard standard, LocalDate evaluationDate) {
    return evaluate(source, snapshot, standard, evaluationDate, Waivers.NONE);
  }

  /**
   * Evaluates one snapshot and applies waivers: a FAIL with a waiver in force on the evaluation
   * date (approved on or before it, expiring on or after it) becomes WAIVED; a FAIL whose waiver
   * has expired stays FAIL and carries that waiver, so outputs can say it expired. UNKNOWN, PASS
   * and NOT_APPLICABLE findings are never waived.
   *
   * @param source where the snapshot came from, for people
   * @param snapshot the snapshot
   * @param standard the standard
   * @param evaluationDate the day to judge on (OS support, date checks, waivers)
   * @param waivers the waivers to apply ({@link Waivers#NONE} for none)
   */
  public static MachineResult evaluate(
      String source,
      Snapshot snapshot,
      Standard standard,
      LocalDate evaluationDate,
      Waivers waivers) {
    Objects.requireNonNull(snapshot);
    Objects.requireNonNull(standard);
    Objects.requireNonNull(evaluationDate);
    Objects.requireNonNull(waivers);
    String machineId = snapshot.machine().machineId();
    String unitCode = snapshot.unit() == null ? null : snapshot.unit().code();
    List<Finding> findings = new ArrayList<>();
    State verdict = State.NOT_APPLICABLE;
    for (Check check : standard.checks()) {
      Finding f = evaluate(snapshot, standard, check, evaluationDate);
      if (f.state() == State.FAIL && !waivers.isEmpty()) {
        f = applyWaiver(f, waivers, machineId, unitCode, evaluationDate);
      }
      findings.add(f);
      verdict = verdict.worst(f.state());
    }
    long age = ChronoUnit.DAYS.between(snapshot.takenAt().toLocalDate(), evaluationDate);
    return new MachineResult(
        source, snapshot, verdict, findings, age, age > standard.freshnessDays());
  }

  private static Finding applyWaiver(
      Finding f, Waivers waivers, String machineId, String unitCode, LocalDate date) {
    String id = f.check().id();
    var inForce = waivers.inForce(id, machineId, unitCode, date);
    if (inForce.isPresent()) {
      return f.waivedBy(inForce.get());
    }
    return waivers.expired(id, machineId, unitCode, date).map(f::withExpiredWaiver).orElse(f);
  }

  static Finding evaluate(Snapshot s, Standard standard, Check check, LocalDate date) {
    Long unitCost = unitCost(standard, check);
    Object required = required(check, date);
    Message applicability = applicability(s, check.appliesTo());
    if (applicability != null) {
      State st =
          applicability.key().startsWith("reason.na.") ? State.NOT_APPLICABLE : State.UNKNOWN;
      return new Finding(check, st, null, required, null, null, applicability, null, unitCost);
    }
    Metric metric = check.metric();
    MetricValue v = metric.read(s, standard.reference(), check.lineName());
    if (!v.known()) {
      return new Finding(
          check,
          State.UNKNOWN,
          null,
          required,
          null,
          null,
          new Message(v.key(), v.args()),
          null,
          unitCost);
    }
    Message note = v.key() == null ? null : new Message(v.key(), v.args());
    Object measured = v.value();
    Unit unit = check.unit() == null ? null : Unit.parse(check.unit()).orElseThrow();
    if (measured instanceof Double d && unit != null) {
      measured = unit.fromBase(d);
    }
    boolean pass;
    Double shortfall = null;
    String shortfallUnit = null;
    Operator op = check.op();
    switch (op) {
      case GE, GT, LE, LT -> {
        double m = (Double) measured;
        double r = ((Number) required).doubleValue();
        pass =
            switch (op) {
              case GE -> m >= r;
              case GT -> m > r;
              case LE -> m <= r;
              default -> m < r;
            };
        if (!pass && m != r) {
          // At equality a strict > or < fails with nothing to make up in this unit.
          shortfall = Math.abs(r - m);
          shortfallUnit = check.unit();
        }
      }
      case EQ, NE -> {
        boolean eq =
            metric.kind() == Metric.Kind.VERSION
                ? compareVersions(versionText(measured), text(required)) == 0
                : sameValue(measured, required);
        pass = op == Operator.EQ ? eq : !eq;
      }
      case IN, NOT_IN -> {
        Object m = measured;
        boolean in = ((List<?>) required).stream().anyMatch(x -> sameValue(m, listItem(m, x)));
        pass = op == Operator.IN ? in : !in;
      }
      case MATCHES ->
          pass =
              MATCHES_PATTERNS
                  .computeIfAbsent(
                      (String) required,
                      r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                  .matcher(text(measured))
                  .find();
      case VERSION_GE -> pass = compareVersions(versionText(measured), text(required)) >= 0;
      case DATE_AFTER, DATE_BEFORE -> {
        LocalDate m = (LocalDate) measured;
        LocalDate r = (LocalDate) required;
        pass = op == Operator.DATE_AFTER ? m.isAfter(r) : m.isBefore(r);
        if (!pass) {
          shortfall = (double) Math.abs(ChronoUnit.DAYS.between(m, r)) + 1;
          shortfallUnit = "days";
        }
      }
      default -> throw new IllegalStateException(op.name());
    }
    return new Finding(
        check,
        pass ? State.PASS : State.FAIL,
        measured,
        required,
        shortfall,
        shortfallUnit,
        null,
        note,
        unitCost);
  }

  private static Object required(Check check, LocalDate date) {
    return StandardLoader.EVALUATION_DATE.equals(check.value()) ? date : check.value();
  }

  private static Long unitCost(Standard standard, Check check) {
    if (check.remediation() == null
        || check.remediation().costKey() == null
        || standard.reference().prices() == null) {
      return null;
    }
    var item = standard.reference().prices().items().get(check.remediation().costKey());
    return item == null ? null : item.unitCost();
  }

  /** Null when the check applies; else a reason ({@code reason.na.*} = not applicable). */
  private static Message applicability(Snapshot s, Check.AppliesTo a) {
    if (!a.unitLevels().isEmpty()) {
      String level = s.unit() == null ? null : s.unit().level();
      if (level == null) {
        return Message.of("reason.unitLevelUnknown");
      }
      if (!anyIgnoringCase(a.unitLevels(), level)) {
        return Message.of("reason.na.unitLevel", level);
      }
    }
    if (!a.roles().isEmpty()) {
      String role = s.machine().role();
      if (role == null) {
        return Message.of("reason.roleUnknown");
      }
      if (!anyIgnoringCase(a.roles(), role)) {
        return Message.of("reason.na.role", role);
      }
    }
    if (!a.tags().isEmpty()
        && s.machine().tags().stream().noneMatch(t -> anyIgnoringCase(a.tags(), t))) {
      return Message.of("reason.na.tags", String.join(", ", a.tags()));
    }
    if (!a.osFamilies().isEmpty()) {
      String family = s.os() == null ? null : s.os().family();
      if (family == null) {
        return Message.of("reason.osUnknown");
      }
      if (!anyIgnoringCase(a.osFamilies(), family)) {
        return Message.of("reason.na.osFamily", family);
      }
    }
    return null;
  }

  /** Whether a list holds a word, ignoring case (a loop: judged for every check of every PC). */
  private static boolean anyIgnoringCase(List<String> words, String word) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  /** A list item of {@code in}: a number when the measured value is one, else the text. */
  private static Object listItem(Object measured, Object item) {
    if (measured instanceof Double) {
      try {
        return Double.valueOf(String.valueOf(item));
      } catch (NumberFormatException e) {
        return item;
      }
    }
    return item;
  }

  private static boolean sameValue(Object measured, Object required) {
    if (measured instanceof Double m && required instanceof Number r) {
      return Math.abs(m - r.doubleValue()) < 1e-9;
    }
    if (measured instanceof Boolean m) {
      return m.toString().equalsIgnoreCase(String.valueOf(required));
    }
    return text(measured).equalsIgnoreCase(text(required));
  }

  /** A version reading; "none" (for example no TPM) counts as version 0. */
  private static String versionText(Object o) {
    String t = text(o);
    return "none".equalsIgnoreCase(t.trim()) ? "0" : t;
  }

  private static String text(Object o) {
    if (o instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(o);
  }

  /**
   * Compares dotted versions numerically ({@code 2.0} = {@code 2}, {@code 10.0.19045} &gt; {@code
   * 10.0.9600}); non-numeric parts compare as text.
   */
  public static int compareVersions(String a, String b) {
    String[] x = versionParts(a.trim());
    String[] y = versionParts(b.trim());
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c;
      if (isSmallNumber(p) && isSmallNumber(q)) {
        c = Long.compare(Long.parseLong(p), Long.parseLong(q));
      } else {
        c = p.toLowerCase(Locale.ROOT).compareTo(q.toLowerCase(Locale.ROOT));
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * A version cut at dots, hyphens, underscores and spaces, as {@code Pattern.split} cuts it
   * (trailing empty parts dropped), without a regular expression: judged on every snapshot.
   */
  private static String[] versionParts(String v) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.' || c == '-' || c == '_' || c == ' ') {
        parts.add(v.substring(start, i));
        start = i + 1;
      }
    }
    if (parts.isEmpty()) {
      return new String[] {v}; // no separator: the text itself, even empty
    }
    parts.add(v.substring(start));
    int n = parts.size();
    while (n > 0 && parts.get(n - 1).isEmpty()) {
      n--;
    }
    return parts.subList(0, n).toArray(new String[0]);
  }

  /** 1 to 18 ASCII digits: fits a long (what {@code \\d{1,18}} matched, without a regex). */
  private static boolean isSmallNumber(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
