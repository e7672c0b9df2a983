package vn.hatang.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.TextTable.Cell;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waivers;

/** Table cells and JSON texts made once and reused give the output made afresh. */
class TableCellsTest {

  @Test
  void aCellIsItsTextNeutralisedNormalisedAndCutWithItsWidth() {
    String decomposed = "Tru\u031Bo\u031B\u0300ng"; // "Trường", marks apart
    for (String raw :
        List.of(
            "U48001-CHUTICH-01",
            "x".repeat(60),
            "PC\u001b[31mRED",
            decomposed,
            "Sở Nội vụ — Ủy ban nhân dân xã Ia Chư, tỉnh Gia Lai (mới)",
            "数据专线数据专线数据专线数据专线数据专线数据专线数据专线",
            "≥ 95.6 Mbps")) {
      for (int max : new int[] {0, 4, 24}) {
        Cell cell = Cell.of(raw, max);
        String expected = TextWidth.nfc(Safe.text(raw));
        if (max > 0) {
          expected = TextWidth.truncate(expected, max);
        }
        assertThat(cell.text()).as("%s / %d", raw, max).isEqualTo(expected);
        assertThat(cell.width()).as("%s / %d", raw, max).isEqualTo(TextWidth.of(expected));
        if (max > 0) {
          assertThat(cell.width()).isLessThanOrEqualTo(max);
        }
      }
    }
    assertThat(Cell.of(decomposed, 0).width()).isEqualTo(6);
    assertThat(Cell.of("abcdef", 4)).isEqualTo(new Cell("abc…", 4));
    assertThat(Cell.of(null, 4)).isEqualTo(Cell.EMPTY);
  }

  /**
   * Cells written as bytes give the UTF-8 of the text rendering: padding, right alignment, wide and
   * combining characters, and trailing whitespace dropped whatever it is (padding, an empty last
   * column, an ideographic space, a cell of spaces only).
   */
  @Test
  void cellsWrittenAsBytesAreTheTextInUtf8() throws Exception {
    List<List<Cell[]>> tables =
        List.of(
            List.of(
                cells("CHECK", "STATE", "N"),
                cells("RAM", "FAIL", "4"),
                cells("Tên máy — Trường", "", "12345"),
                cells("数据专线", "UNKNOWN", "")),
            List.of(cells("A", "B"), cells("x", "   "), cells("", ""), cells("y\u3000", "z\u3000")),
            bigTable(),
            List.of(
                cells("only"),
                cells("   "),
                new Cell[] {new Cell("trail  ", 7)},
                new Cell[] {new Cell("", 0)}));
    for (List<Cell[]> rows : tables) {
      int cols = rows.get(0).length;
      for (boolean[] right : List.of(new boolean[cols], rightAll(cols), rightLast(cols))) {
        for (String indent : List.of("", "  ", "\u3000")) {
          StringBuilder text = new StringBuilder();
          TextTable.renderCells(rows, right, indent, null, text);
          ByteArrayBuilder bytes = new ByteArrayBuilder();
          TextTable.renderCells(rows, right, new Cell(indent, TextWidth.of(indent)), bytes);
          assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
              .as("%s %s [%s]", rows.size(), Arrays.toString(right), indent)
              .isEqualTo(text.toString());
        }
      }
    }
  }

  /** More than the 64 KiB written at a time. */
  private static List<Cell[]> bigTable() {
    List<Cell[]> rows = new ArrayList<>();
    rows.add(cells("ĐƠN VỊ", "MÁY", "ĐẠT"));
    for (int i = 0; i < 3000; i++) {
      rows.add(cells("Ủy ban nhân dân xã " + (i % 7), "PC-" + i, i % 3 == 0 ? "" : "" + i));
    }
    return rows;
  }

  private static Cell[] cells(String... texts) {
    Cell[] out = new Cell[texts.length];
    for (int i = 0; i < texts.length; i++) {
      out[i] = new Cell(texts[i], TextWidth.of(texts[i]));
    }
    return out;
  }

  private static boolean[] rightAll(int n) {
    boolean[] b = new boolean[n];
    Arrays.fill(b, true);
    return b;
  }

  private static boolean[] rightLast(int n) {
    boolean[] b = new boolean[n];
    b[n - 1] = true;
    return b;
  }

  /**
   * One renderer judging machine after machine, two evaluation days (another requirement for the
   * dated check), in both languages, gives each machine the part a fresh renderer gives it alone.
   */
  @Test
  void partsFromKeptCellsAreThePartsMadeAfresh() throws Exception {
    Standard std = Fixtures.defaultStandard();
    List<MachineResult> machines = new ArrayList<>();
    for (java.time.LocalDate day :
        List.of(GoldenTest.DAY, GoldenTest.DAY.plusDays(400), GoldenTest.DAY.minusDays(900))) {
      for (String name :
          List.of(
              "old-pc.json",
              "compliant-pc.json",
              "disk-unknown-pc.json",
              "missing-sections-pc.json")) {
        machines.add(
            Evaluator.evaluate(
                name, SnapshotCodec.read(Fixtures.bytes(name), name), std, day, Waivers.NONE));
      }
    }
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("vi"))) {
      Formats f = new Formats(Messages.of(locale));
      TableRenderer shared = new TableRenderer();
      List<String> parts = new ArrayList<>();
      for (MachineResult r : machines) {
        String kept = new String(shared.part(r, std, f), StandardCharsets.UTF_8);
        String fresh = new String(new TableRenderer().part(r, std, f), StandardCharsets.UTF_8);
        assertThat(kept).as("%s %s", locale, r.source()).isEqualTo(fresh);
        parts.add(kept);
      }
      // The days do make different tables of the same machine (the test can tell them apart).
      assertThat(parts.get(0)).isNotEqualTo(parts.get(4)).isNotEqualTo(parts.get(8));
      assertThat(String.join("", parts)).contains("HDD");
    }
  }

  /**
   * One JSON renderer taking machines judged by two versions of the standard, in two languages,
   * turn about, gives each the part a fresh renderer gives it.
   */
  @Test
  void jsonPartsFromKeptTextsAreThePartsMadeAfresh(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    // The default standard, and a copy whose checks read otherwise.
    Path original = Fixtures.standardsDir().resolve("vn-basic-it/2025.1.yaml");
    java.nio.file.Files.createDirectories(dir.resolve("vn-basic-it"));
    for (String ref : List.of("os-lifecycle", "cpu-generations", "prices-vnd-2025")) {
      java.nio.file.Files.copy(
          Fixtures.standardsDir().resolve("reference/" + ref + ".yaml"),
          java.nio.file.Files.createDirectories(dir.resolve("reference")).resolve(ref + ".yaml"));
    }
    Path other = dir.resolve("vn-basic-it/2025.1.yaml");
    java.nio.file.Files.writeString(
        other,
        java.nio.file.Files.readString(original)
            .replace("CPU generation", "Processor generation")
            .replace("Thay máy tính mới", "Mua máy tính khác"));
    List<Standard> standards =
        List.of(
            Fixtures.defaultStandard(),
            vn.hatang.core.standard.StandardLoader.load(other, other.toString()));
    List<Formats> formats =
        List.of(
            new Formats(Messages.of(Locale.ENGLISH)),
            new Formats(Messages.of(Locale.forLanguageTag("vi"))));
    JsonRenderer shared = new JsonRenderer();
    List<String> parts = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (Standard std : standards) {
        for (Formats f : formats) {
          for (String name : List.of("old-pc.json", "compliant-pc.json", "disk-unknown-pc.json")) {
            MachineResult r =
                Evaluator.evaluate(
                    name,
                    SnapshotCodec.read(Fixtures.bytes(name), name),
                    std,
                    GoldenTest.DAY,
                    Waivers.NONE);
            String kept = new String(shared.part(r, std, f), StandardCharsets.UTF_8);
            String fresh = new String(new JsonRenderer().part(r, std, f), StandardCharsets.UTF_8);
            assertThat(kept)
                .as("%s %s %s", std.ref(), f.messages().locale(), name)
                .isEqualTo(fresh);
            parts.add(kept);
          }
        }
      }
    }
    // The versions and languages do make different parts (the test can tell them apart).
    assertThat(parts.get(0)).as("en / vi").isNotEqualTo(parts.get(3));
    assertThat(parts.get(6)).as("another standard").contains("Processor generation");
  }

  /**
   * A part is written in its thread's buffer, emptied for each: a machine's table and JSON part
   * after a longer one (the longest first) are the bytes a thread of its own writes, nothing of the
   * one before left in them.
   */
  @Test
  void aPartAfterALongerOneOnTheSameThreadIsThePartAlone() throws Exception {
    Standard std = Fixtures.defaultStandard();
    Formats f = new Formats(Messages.of(Locale.forLanguageTag("vi")));
    List<MachineResult> machines = new ArrayList<>();
    for (String name : List.of("old-pc.json", "disk-unknown-pc.json", "missing-sections-pc.json")) {
      machines.add(
          Evaluator.evaluate(
              name,
              SnapshotCodec.read(Fixtures.bytes(name), name),
              std,
              GoldenTest.DAY,
              Waivers.NONE));
    }
    for (PartRenderer renderer : List.of(new TableRenderer(), new JsonRenderer())) {
      List<byte[]> alone = new ArrayList<>();
      for (MachineResult r : machines) {
        byte[][] made = new byte[1][];
        Thread t = new Thread(() -> made[0] = renderer.part(r, std, f));
        t.start();
        t.join();
        alone.add(made[0]);
      }
      List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
      order.sort((a, b) -> alone.get(b).length - alone.get(a).length);
      assertThat(alone.get(order.get(0)).length)
          .as("the parts differ in length")
          .isGreaterThan(alone.get(order.get(2)).length);
      for (int round = 0; round < 2; round++) {
        for (int i : order) {
          assertThat(renderer.part(machines.get(i), std, f))
              .as("%s %s", renderer.getClass().getSimpleName(), machines.get(i).source())
              .isEqualTo(alone.get(i));
        }
      }
    }
  }

  /**
   * Deficiency tables are kept by what their rows show: a machine whose findings differ from an
   * earlier one's in any value a row shows (measured, required, shortfall and its unit, reason, the
   * note shown, unit cost, state) gets its own table, the one a fresh renderer makes.
   */
  @Test
  void aTableKeptForOneMachineIsNotGivenToAnotherWithOtherValues() throws Exception {
    Standard std = Fixtures.defaultStandard();
    Formats f = new Formats(Messages.of(Locale.ENGLISH));
    MachineResult base =
        Evaluator.evaluate(
            "old-pc.json",
            SnapshotCodec.read(Fixtures.bytes("old-pc.json"), "old-pc.json"),
            std,
            GoldenTest.DAY,
            Waivers.NONE);
    int i = 0;
    while (base.findings().get(i).state() != vn.hatang.core.check.State.FAIL
        || base.findings().get(i).shortfall() == null) {
      i++;
    }
    vn.hatang.core.check.Finding x = base.findings().get(i);
    vn.hatang.core.check.Message why = vn.hatang.core.check.Message.of("reason.valueMissing", "x");
    vn.hatang.core.check.Message os = vn.hatang.core.check.Message.of("note.memoryOsVisible", 7.5);
    List<vn.hatang.core.check.Finding> variants =
        List.of(
            x,
            finding(
                x,
                x.state(),
                12345.0,
                x.required(),
                x.shortfall(),
                x.shortfallUnit(),
                null,
                null,
                x.unitCost()),
            finding(
                x,
                x.state(),
                x.measured(),
                99999.0,
                x.shortfall(),
                x.shortfallUnit(),
                null,
                null,
                x.unitCost()),
            finding(
                x,
                x.state(),
                x.measured(),
                x.required(),
                x.shortfall() + 1,
                x.shortfallUnit(),
                null,
                null,
                x.unitCost()),
            finding(
                x,
                x.state(),
                x.measured(),
                x.required(),
                x.shortfall(),
                "GB",
                null,
                null,
                x.unitCost()),
            finding(
                x,
                x.state(),
                x.measured(),
                x.required(),
                x.shortfall(),
                x.shortfallUnit(),
                null,
                os,
                x.unitCost()),
            finding(
                x,
                x.state(),
                x.measured(),
                x.required(),
                x.shortfall(),
                x.shortfallUnit(),
                null,
                null,
                777L),
            finding(
                x,
                vn.hatang.core.check.State.UNKNOWN,
                null,
                x.required(),
                null,
                null,
                why,
                null,
                x.unitCost()));
    for (java.util.function.Supplier<PartRenderer> fresh :
        List.<java.util.function.Supplier<PartRenderer>>of(TableRenderer::new, JsonRenderer::new)) {
      PartRenderer shared = fresh.get();
      boolean table = shared instanceof TableRenderer;
      List<String> parts = new ArrayList<>();
      for (vn.hatang.core.check.Finding v : variants) {
        List<vn.hatang.core.check.Finding> findings = new ArrayList<>(base.findings());
        findings.set(i, v);
        MachineResult r =
            new MachineResult(
                base.source(), base.snapshot(), base.verdict(), findings, base.ageDays(), false);
        String kept = new String(shared.part(r, std, f), StandardCharsets.UTF_8);
        PartRenderer.Pieces pieces = shared.pieces(r, std, f);
        assertThat(pieces.shared().length)
            .as("kept and shared: the table, or each finding")
            .isEqualTo(table ? 1 : findings.size());
        assertThat(new String(pieces.part(), StandardCharsets.UTF_8)).isEqualTo(kept);
        assertThat(kept)
            .as("%s variant %d", shared.getClass().getSimpleName(), parts.size())
            .isEqualTo(new String(fresh.get().part(r, std, f), StandardCharsets.UTF_8));
        parts.add(kept);
      }
      for (int a = 0; a < parts.size(); a++) {
        for (int b = a + 1; b < parts.size(); b++) {
          assertThat(parts.get(a)).as("variants %d and %d", a, b).isNotEqualTo(parts.get(b));
        }
      }
      // And the first again: its part, from what is kept.
      assertThat(new String(shared.part(base, std, f), StandardCharsets.UTF_8))
          .isEqualTo(parts.get(0));
    }
  }

  private static vn.hatang.core.check.Finding finding(
      vn.hatang.core.check.Finding x,
      vn.hatang.core.check.State state,
      Object measured,
      Object required,
      Double shortfall,
      String shortfallUnit,
      vn.hatang.core.check.Message reason,
      vn.hatang.core.check.Message note,
      Long unitCost) {
    return new vn.hatang.core.check.Finding(
        x.check(), state, measured, required, shortfall, shortfallUnit, reason, note, unitCost);
  }
}
