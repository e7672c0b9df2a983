package vn.hatang.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.State;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.report.MachineStatus;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.PeriodReport.Counts;
import vn.hatang.core.standard.LocalizedText;
import vn.hatang.core.standard.Operator;
import vn.hatang.core.standard.ScoreModel;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.UnitMetric;

class ScoresTest {
  private static final LocalizedText T = new LocalizedText("Tiêu chí", "Criterion");

  private static final ScoreModel MODEL =
      new ScoreModel(
          new LocalizedText("CCHC", "PAR"),
          List.of("commune", "ward"),
          List.of(
              new ScoreModel.Criterion(
                  "pcs",
                  T,
                  2,
                  ScoreModel.Formula.RATIO,
                  null,
                  UnitMetric.COMPLIANT_PERCENT,
                  null,
                  null,
                  null,
                  null,
                  1),
              new ScoreModel.Criterion(
                  "ram",
                  T,
                  1,
                  ScoreModel.Formula.THRESHOLD,
                  "ram.min",
                  null,
                  null,
                  null,
                  Operator.GE,
                  80.0,
                  2),
              new ScoreModel.Criterion(
                  "report",
                  T,
                  1,
                  ScoreModel.Formula.RELATIVE,
                  null,
                  UnitMetric.REPORTING_PERCENT,
                  null,
                  null,
                  null,
                  null,
                  3)));

  private static Standard standard() {
    Standard s = Fixtures.defaultStandard();
    return new Standard(
        s.id(),
        s.version(),
        s.title(),
        s.issuer(),
        s.legalBasis(),
        s.effectiveFrom(),
        s.supersedes(),
        s.freshnessDays(),
        s.checks(),
        s.unitChecks(),
        MODEL,
        s.plan(),
        s.reference(),
        s.sha256(),
        s.source());
  }

  private static PeriodReport.MachineRow pc(
      String unit, String id, MachineStatus status, String... failing) {
    List<PeriodReport.Problem> problems = new ArrayList<>();
    for (String c : failing) {
      problems.add(new PeriodReport.Problem(c, "high", State.FAIL, null, null, null, null, null));
    }
    return new PeriodReport.MachineRow(
        id,
        id,
        "desktop",
        unit,
        unit,
        id,
        "2026-11-20T09:00+07:00",
        status,
        failing.length == 0 ? State.PASS : State.FAIL,
        "vn-basic-it@2025.1",
        problems);
  }

  private static PeriodReport.UnitRow unit(String code, String level, Counts own) {
    return new PeriodReport.UnitRow(code, code, level, "52", 1, null, own, own, List.of());
  }

  @Test
  void pointsPerCriterionRankedWithinALevel() {
    // A: 4 PCs seen of 4, 3 compliant, all reporting; one lacks RAM (75 % pass ram.min).
    // B: 2 seen of 4 expected, both compliant, 1 reporting and 1 silent.
    // C: a ward, nothing seen, 3 expected.
    PeriodReport report =
        new PeriodReport(
            1,
            "2026-11",
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30),
            List.of(),
            "vn-basic-it@2025.1",
            List.of(
                new PeriodReport.UnitRow(
                    "52", "Tỉnh", "province", null, 0, null, Counts.ZERO, Counts.ZERO, List.of()),
                unit("A", "commune", new Counts(4, 4, 4, 0, 0, 0, 3, 1, 0, 0, 3)),
                unit("B", "commune", new Counts(4, 2, 1, 0, 1, 2, 1, 0, 0, 0, 1)),
                unit("C", "ward", new Counts(3, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0))),
            List.of(
                pc("A", "a1", MachineStatus.REPORTING),
                pc("A", "a2", MachineStatus.REPORTING),
                pc("A", "a3", MachineStatus.REPORTING),
                pc("A", "a4", MachineStatus.REPORTING, "ram.min"),
                pc("B", "b1", MachineStatus.REPORTING),
                pc("B", "b2", MachineStatus.MISSING, "ram.min")),
            List.of(),
            6,
            List.of());
    List<Scores.UnitScore> scores = Scores.score(report, standard());
    assertThat(scores)
        .extracting(Scores.UnitScore::code, Scores.UnitScore::level, Scores.UnitScore::rank)
        .containsExactly(tuple("A", "commune", 1), tuple("B", "commune", 2), tuple("C", "ward", 1));
    Scores.UnitScore a = scores.get(0);
    // pcs: 2 × 75 %; ram: 75 % < 80 → 0; report: 100 % of the best (A itself) → 1.
    assertThat(a.parts()).extracting(Scores.Part::points).containsExactly(1.5, 0.0, 1.0);
    assertThat(a.points()).isCloseTo(2.5, within(1e-9));
    assertThat(a.maxPoints()).isEqualTo(4.0);
    Scores.UnitScore b = scores.get(1);
    // pcs: 2 × 1/4; ram: b1 judged and fine (b2 silent is not judged) → 100 % → 1;
    // report: 25 % vs A's 100 % → 0.25.
    assertThat(b.parts()).extracting(Scores.Part::points).containsExactly(0.5, 1.0, 0.25);
    Scores.UnitScore c = scores.get(2);
    assertThat(c.parts()).extracting(Scores.Part::figure).containsExactly(0.0, null, 0.0);
    assertThat(c.points()).isZero();

    String vi =
        ScoreTable.render(
            "2026-11",
            "vn-basic-it@2025.1",
            scores,
            new Formats(Messages.of(Locale.forLanguageTag("vi"), Messages.CORE_BUNDLE)));
    assertThat(vi)
        .contains("Điểm chỉ số cải cách hành chính kỳ 2026-11")
        .contains("chưa có số liệu")
        .contains("2,5 / 4");
    assertThat(ScoreTable.csv("2026-11", scores))
        .contains("2026-11,A,A,commune,1,pcs,75,1.5,2,2.5\r\n");
  }
}
