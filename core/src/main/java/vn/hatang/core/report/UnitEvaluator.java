package vn.hatang.core.report;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import vn.hatang.core.check.Message;
import vn.hatang.core.check.State;
import vn.hatang.core.standard.Operator;
import vn.hatang.core.standard.UnitCheck;
import vn.hatang.core.standard.UnitMetric;

/**
 * Judges unit-scoped checks on a unit's facts. Pure: the facts, the unit's expected counts and its
 * attested equipment come in; nothing is read from files or the clock.
 */
public final class UnitEvaluator {
  private UnitEvaluator() {}

  /**
   * The unit as the units file describes it.
   *
   * @param code unit code
   * @param level its level ({@code commune}, ...), or {@code null} when not known
   * @param expectedStaff staff expected, or {@code null}
   * @param expectedMachines machines expected, or {@code null}
   */
  public record UnitInfo(
      String code, String level, Integer expectedStaff, Integer expectedMachines) {}

  /**
   * Judges one check.
   *
   * @param attested the unit's attested count of an item, if any
   */
  public static UnitFinding evaluate(
      UnitCheck check, UnitInfo unit, UnitFacts facts, Function<String, OptionalInt> attested) {
    if (!check.unitLevels().isEmpty()) {
      if (unit.level() == null) {
        return unknown(check, Message.of("reason.unit.levelUnknown", unit.code()));
      }
      if (!check.unitLevels().contains(unit.level())) {
        return new UnitFinding(
            check,
            State.NOT_APPLICABLE,
            null,
            null,
            null,
            0,
            null,
            Message.of("reason.unit.levelNotConcerned", unit.level()),
            null);
      }
    }
    UnitMetric metric = check.metric();
    return switch (metric) {
      case EQUIPMENT_COUNT -> {
        int seen = facts.equipmentSeen(check.item());
        OptionalInt att = attested.apply(check.item());
        if (att.isEmpty() && noneJudged(facts)) {
          // No machine of the unit speaks for it and nobody attested: not known, not zero.
          yield unknown(check, Message.of("reason.unit.nothingSeen", unit.code()));
        }
        int count = Math.max(seen, att.orElse(0));
        Message note =
            att.isPresent()
                ? Message.of("note.unit.seenAttested", seen, att.getAsInt())
                : Message.of("note.unit.seen", seen);
        yield count(check, unit, count, note);
      }
      case COMPUTERS_COUNT -> {
        if (noneJudged(facts)) {
          yield unknown(check, Message.of("reason.unit.nothingSeen", unit.code()));
        }
        long n =
            facts.machines().stream()
                .filter(m -> m.status() != MachineStatus.MISSING)
                .filter(m -> "desktop".equals(m.role()) || "laptop".equals(m.role()))
                .count();
        yield count(check, unit, (int) n, null);
      }
      case COMPLIANT_PERCENT, REPORTING_PERCENT -> percent(check, unit, facts);
      case LINE_DOWNLOAD, LINE_UPLOAD, LINE_LATENCY, LINE_JITTER -> line(check, facts);
    };
  }

  private static boolean noneJudged(UnitFacts facts) {
    return facts.machines().stream().allMatch(m -> m.status() == MachineStatus.MISSING);
  }

  /** Whether a machine verdict counts as compliant: PASS, or every failure waived. */
  public static boolean compliant(State verdict) {
    return verdict == State.PASS || verdict == State.WAIVED;
  }

  private static UnitFinding count(UnitCheck check, UnitInfo unit, int count, Message note) {
    double required = check.value();
    if (check.perStaff() != null) {
      if (unit.expectedStaff() == null) {
        return unknown(check, Message.of("reason.unit.noStaff", unit.code()));
      }
      required = check.value() * Math.ceil(unit.expectedStaff() / check.perStaff());
    }
    return judge(check, count, required, null, note);
  }

  private static UnitFinding percent(UnitCheck check, UnitInfo unit, UnitFacts facts) {
    List<UnitFacts.MachineFact> machines = facts.machines();
    int expected = Math.max(unit.expectedMachines() == null ? 0 : unit.expectedMachines(), 0);
    int denominator = Math.max(expected, machines.size());
    if (denominator == 0) {
      return unknown(check, Message.of("reason.unit.noMachines", unit.code()));
    }
    long n =
        check.metric() == UnitMetric.COMPLIANT_PERCENT
            ? machines.stream()
                .filter(m -> m.status() != MachineStatus.MISSING && compliant(m.verdict()))
                .count()
            : machines.stream().filter(m -> m.status() == MachineStatus.REPORTING).count();
    double pct = 100.0 * n / denominator;
    return judge(
        check, pct, check.requiredBase(), null, Message.of("note.unit.ofMachines", n, denominator));
  }

  private static UnitFinding line(UnitCheck check, UnitFacts facts) {
    List<Double> values = facts.lineValues(check.lineName(), check.metric());
    UnitCheck.Statistic st =
        check.statistic() == null
            ? UnitCheck.Statistic.defaultFor(check.metric())
            : check.statistic();
    if (values.size() < st.minSamples()) {
      return new UnitFinding(
          check,
          State.UNKNOWN,
          null,
          check.requiredBase(),
          null,
          0,
          values.size(),
          Message.of("reason.unit.fewSamples", check.lineName(), values.size(), st.minSamples()),
          null);
    }
    double v = LineStatistic.quantile(values, st.quantile()).orElseThrow();
    return judge(check, v, check.requiredBase(), values.size(), null);
  }

  private static UnitFinding judge(
      UnitCheck check, double measured, double required, Integer samples, Message note) {
    boolean pass =
        switch (check.op()) {
          case GE -> measured >= required;
          case GT -> measured > required;
          case LE -> measured <= required;
          case LT -> measured < required;
          case EQ -> measured == required;
          default -> throw new IllegalStateException("not numeric: " + check.op());
        };
    if (pass) {
      return new UnitFinding(check, State.PASS, measured, required, null, 0, samples, null, note);
    }
    double shortfall = Math.abs(required - measured);
    boolean countable = check.metric().dimension() == vn.hatang.core.standard.Unit.Dimension.COUNT;
    int quantity =
        countable && (check.op() == Operator.GE || check.op() == Operator.GT)
            ? (int) Math.max(1, Math.ceil(check.op() == Operator.GT ? shortfall + 1 : shortfall))
            : 1;
    return new UnitFinding(
        check, State.FAIL, measured, required, shortfall, quantity, samples, null, note);
  }

  private static UnitFinding unknown(UnitCheck check, Message reason) {
    return new UnitFinding(check, State.UNKNOWN, null, null, null, 0, null, reason, null);
  }
}
