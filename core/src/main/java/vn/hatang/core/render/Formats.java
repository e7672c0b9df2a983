package vn.hatang.core.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.Message;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.Operator;

/**
 * Words and numbers of a finding for people, in the reader's language (Vietnamese writes 3,8 and
 * 650.000). Machine-readable outputs use the raw values instead. Thread-safe.
 */
public final class Formats {
  private final Messages messages;
  private final Locale locale;
  private final boolean colour;

  /** {@link #number}'s three patterns and {@link #money}'s, made once (a number per cell). */
  private final DecimalFormat[] numbers;

  private final char zeroDigit;
  private final char groupingSeparator;

  public Formats(Messages messages) {
    this(messages, false);
  }

  private Formats(Messages messages, boolean colour) {
    this.messages = messages;
    this.locale = messages.locale();
    this.colour = colour;
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
    this.zeroDigit = symbols.getZeroDigit();
    this.groupingSeparator = symbols.getGroupingSeparator();
    this.numbers =
        new DecimalFormat[] {
          new DecimalFormat("#,##0.###", symbols),
          new DecimalFormat("#,##0.##", symbols),
          new DecimalFormat("#,##0.#", symbols),
          new DecimalFormat("#,##0", symbols)
        };
  }

  /** These formats, with state words coloured on a terminal or not ({@link Terminal#colour}). */
  public Formats withColour(boolean on) {
    return new Formats(messages, on);
  }

  /** Whether human outputs colour state words (standard output is a terminal). */
  public boolean colour() {
    return colour;
  }

  public Messages messages() {
    return messages;
  }

  /** A number with at most one decimal (two under 10), trailing zeros dropped. */
  public String number(double value) {
    if (value >= 1 && value < 1e15 && value == Math.rint(value) && zeroDigit == '0') {
      return grouped((long) value); // a whole number, as the formats below write it
    }
    double a = Math.abs(value);
    DecimalFormat f = numbers[a < 1 ? 0 : a < 10 ? 1 : 2];
    synchronized (f) { // DecimalFormat is not thread-safe
      return f.format(value);
    }
  }

  /** Digits grouped by three with this language's separator (650.000, 650,000). */
  private String grouped(long n) {
    String digits = Long.toString(n);
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    if (first == digits.length()) {
      return digits;
    }
    StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
    b.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) {
      b.append(groupingSeparator).append(digits, i, i + 3);
    }
    return b.toString();
  }

  /** A value with its unit, or a word for booleans, or the text itself; "—" for null. */
  public String value(Object value, String unit) {
    if (value == null) {
      return "—";
    }
    if (value instanceof Double d) {
      if (unit != null && unit.endsWith(" nominal")) {
        // People read line speeds as goodput: 28.7 Mbps, not "30 Mbps nominal".
        double goodput = vn.hatang.core.standard.Unit.parse(unit).orElseThrow().toBase(d);
        return number(goodput) + " Mbps";
      }
      return unit == null ? number(d) : number(d) + " " + unit;
    }
    if (value instanceof Boolean b) {
      return messages.get(b ? "value.yes" : "value.no");
    }
    if (value instanceof LocalDate d) {
      return date(d);
    }
    if (value instanceof List<?> l) {
      return l.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    return Safe.text(String.valueOf(value));
  }

  /** The measured value of a finding. */
  public String measured(Finding f) {
    return value(f.measured(), f.check().unit());
  }

  /** The requirement: operator and value ({@code >= 8 GiB}). */
  public String required(Check check, Object required) {
    Object shown = required instanceof Number n ? n.doubleValue() : required;
    String text = operator(check.op()) + " " + value(shown, check.unit());
    if (shown instanceof Double d && check.unit() != null && check.unit().endsWith(" nominal")) {
      // ">= 95.6 Mbps (100 Mbps nominal)": the goodput compared, then the line rate written.
      String nominal = number(d) + " " + check.unit().replace(" nominal", "");
      return messages.get("value.nominal", text, nominal);
    }
    return text;
  }

  /** An operator for people: symbols as they are, words ({@code date after}) in the language. */
  public String operator(vn.hatang.core.standard.Operator op) {
    String key = "op." + op.name();
    return messages.has(key) ? messages.get(key) : op.symbol();
  }

  /** The shortfall of a failing finding ("4 GiB short"), or "" when none. */
  public String shortfall(Finding f) {
    if (f.shortfall() == null) {
      return "";
    }
    String amount =
        "days".equals(f.shortfallUnit())
            ? number(f.shortfall())
            : value(f.shortfall(), f.shortfallUnit());
    Operator op = f.check().op();
    String key =
        switch (op) {
          case LE, LT -> "shortfall.over";
          case DATE_AFTER, DATE_BEFORE -> "shortfall.days";
          default -> "shortfall.short";
        };
    return messages.get(key, amount);
  }

  /** The finding's reason, or its shortfall; then how the value was read, if that matters. */
  public String reasonOrShortfall(Finding f) {
    String main = f.reason() != null ? message(f.reason()) : shortfall(f);
    if (f.note() == null || !f.note().key().equals("note.memoryOsVisible")) {
      return main;
    }
    String note = message(f.note());
    return main.isEmpty() ? note : main + "; " + note;
  }

  /** A message in this language. */
  public String message(Message m) {
    return Safe.text(messages.get(m.key(), m.args().toArray()));
  }

  /** The remediation with its unit cost, or "". */
  public String remediation(Finding f, String currency) {
    Check.Remediation r = f.check().remediation();
    if (r == null || r.action() == null) {
      return "";
    }
    String action = r.action().in(locale);
    if (f.unitCost() == null || f.unitCost() == 0) {
      return action;
    }
    return messages.get("remediation.withCost", action, money(f.unitCost(), currency));
  }

  /** An amount of money ({@code 650.000 ₫} in Vietnamese, {@code 650,000 VND} in English). */
  public String money(long amount, String currency) {
    DecimalFormat f = numbers[3];
    String digits;
    synchronized (f) {
      digits = f.format(amount);
    }
    String c = currency == null ? "" : currency;
    if ("VND".equals(c) && "vi".equals(locale.getLanguage())) {
      return digits + " ₫";
    }
    return digits + (c.isEmpty() ? "" : " " + c);
  }

  /**
   * One notice per waiver that has expired for findings of a run, for stderr: {@code
   * waivers.yaml:12:3: waiver of 'tpm.version' for machine ... expired (last day 2026-10-31): 1
   * finding(s) count as FAIL again}.
   */
  public List<String> expiredWaiverNotices(Map<vn.hatang.core.waiver.Waiver, Long> expired) {
    return expired.entrySet().stream()
        .map(
            e ->
                Safe.text(e.getKey().place())
                    + ": "
                    + Safe.text(
                        messages.get(
                            "waiver.notice.expired",
                            e.getKey().checkId(),
                            messages.get("waiver.scope." + e.getKey().scope().word()),
                            e.getKey().target(),
                            e.getKey().expires().toString(),
                            e.getValue())))
        .toList();
  }

  /** A day for people: {@code 25/11/2026} in Vietnamese, {@code 2026-11-25} in English. */
  public String date(LocalDate day) {
    return "vi".equals(locale.getLanguage())
        ? String.format(
            Locale.ROOT, "%02d/%02d/%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear())
        : day.toString();
  }

  /** The state's word. */
  public String state(vn.hatang.core.check.State s) {
    return messages.get("state." + s.name());
  }
}
