package vn.hatang.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.report.FolderWalks;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.PartRenderer;
import vn.hatang.core.render.ReportRenderer;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waivers;
import vn.hatang.core.waiver.WaiversLoader;

/**
 * A spooled run writes exactly what rendering the whole report writes, in every text format and
 * language, with colours or not: machines in another order on disk than in the report, an invalid
 * file, a copy, a waiver applied and one expired.
 */
class SpooledRunTest {
  private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

  @TempDir Path dir;

  private Path inputs() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    // File names sort against the report's order (unit code, hostname).
    Files.write(in.resolve("a-old.json"), Fixtures.bytes(Fixtures.OLD));
    Files.write(in.resolve("b-missing.json"), Fixtures.bytes(Fixtures.MISSING));
    Files.write(in.resolve("c-disk.json"), Fixtures.bytes(Fixtures.DISK_UNKNOWN));
    Files.write(in.resolve("d-compliant.json"), Fixtures.bytes(Fixtures.COMPLIANT));
    Files.write(in.resolve("e-copy.json"), Fixtures.bytes(Fixtures.OLD));
    Files.writeString(in.resolve("f-bad.json"), "{ \"schemaVersion\": 1,");
    String tpm12 =
        new String(Fixtures.bytes(Fixtures.COMPLIANT), StandardCharsets.UTF_8)
            .replace("\"tpmVersion\": \"2.0\"", "\"tpmVersion\": \"1.2\"")
            .replace("7d4f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b", "7d4f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a70")
            .replace("QN-VANTHU-01", "QN-VANTHU-02")
            .replace("5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f40", "5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f41");
    Files.writeString(in.resolve("g-tpm12.json"), tpm12, StandardCharsets.UTF_8);
    return in;
  }

  private Waivers waivers(Standard standard) throws Exception {
    Path w = dir.resolve("waivers.yaml");
    Files.writeString(
        w,
        """
        - check: tpm.version
          scope: machine
          target: 5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f41
          justification: Bo mạch cũ chỉ có TPM 1.2
          approvedBy: Nguyễn Văn A
          approvedOn: 2026-11-01
          expires: 2027-03-31
        - check: ram.min
          scope: machine
          target: c0ffee00112233445566778899aabbcc
          justification: Chờ ngân sách
          approvedBy: Trần Thị B
          approvedOn: 2026-01-01
          expires: 2026-06-30
          planItem: NC-2026-01
        """,
        StandardCharsets.UTF_8);
    return WaiversLoader.load(w, "waivers.yaml", standard);
  }

  @Test
  void writesWhatTheWholeReportRenders() throws Exception {
    Path in = inputs();
    Standard standard = Fixtures.defaultStandard();
    Waivers waivers = waivers(standard);
    List<String> paths = List.of(in.toString(), in.resolve("a-old.json").toString());
    CheckService.Result whole =
        CheckService.check(
            new CheckService.Inputs(paths, new ByteArrayInputStream(new byte[0]), List.of()),
            standard,
            DATE,
            waivers);
    CheckReport report = whole.report();
    assertThat(report.machines()).hasSize(5);
    assertThat(report.errors()).hasSize(1);
    assertThat(report.expiredWaivers()).hasSize(1);
    assertThat(whole.notices()).hasSize(2);
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("vi"))) {
      for (String format : List.of("table", "json", "csv")) {
        for (boolean colour : List.of(false, true)) {
          Formats f =
              new Formats(Messages.of(locale, HatangMain.BUNDLE))
                  .withColour(colour && format.equals("table"));
          PartRenderer renderer = (PartRenderer) ReportRenderer.forFormat(format);
          CheckService.Spooled spooled =
              CheckService.spool(
                  // the folder walked ahead on a thread of its own (above: on this one), same
                  // output
                  new CheckService.Inputs(
                      paths,
                      new ByteArrayInputStream(new byte[0]),
                      List.of(),
                      FileProgress.NONE,
                      FolderWalks.start(paths)),
                  standard,
                  DATE,
                  waivers,
                  new SpooledRun(renderer, f, standard, DATE, colour ? dir : null));
          java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
          Path file = spooled.run().file();
          try (SpooledRun run = spooled.run()) {
            run.writeTo(out);
            assertThat(run.summary().exitCode(false)).isEqualTo(report.exitCode(false));
            assertThat(run.summary().exitCode(true)).isEqualTo(report.exitCode(true));
            assertThat(run.summary().expiredWaivers()).isEqualTo(report.expiredWaivers());
            assertThat(run.summary().errors()).isEqualTo(report.errors());
          }
          assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
              .as("%s %s colour=%s", locale, format, colour)
              .isEqualTo(renderer.render(report, f));
          assertThat(spooled.notices()).isEqualTo(whole.notices());
          assertThat(file).as("the temporary file is gone").doesNotExist();
        }
      }
    }
  }

  /**
   * More machines than the chunks read ahead at once, in an order of files that is not the report's
   * (hostnames shuffled): the parts come back in report order, each whole.
   */
  @Test
  void manyChunksReadAheadComeBackInReportOrder() throws Exception {
    Path in = Files.createDirectories(dir.resolve("many"));
    String template = new String(Fixtures.bytes("old-pc.json"), StandardCharsets.UTF_8);
    int machines = SpooledRun.CHUNK * (SpooledRun.AHEAD + 2) + 17;
    java.util.Random random = new java.util.Random(52);
    for (int i = 0; i < machines; i++) {
      String json =
          template
              .replace("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", new java.util.UUID(52, i).toString())
              .replace("NC-KETOAN", "PC-" + random.nextInt(1_000_000))
              .replace("c0ffee00112233445566778899aabbcc", String.format("%032x", i));
      Files.writeString(in.resolve(String.format("pc-%05d.json", i)), json);
    }
    Standard standard = Fixtures.defaultStandard();
    List<String> paths = List.of(in.toString());
    CheckReport report =
        CheckService.check(
                new CheckService.Inputs(paths, new ByteArrayInputStream(new byte[0]), List.of()),
                standard,
                DATE,
                Waivers.NONE)
            .report();
    assertThat(report.machines()).hasSize(machines);
    for (String format : List.of("table", "json")) {
      Formats f = new Formats(Messages.of(Locale.ENGLISH, HatangMain.BUNDLE));
      PartRenderer renderer = (PartRenderer) ReportRenderer.forFormat(format);
      CheckService.Spooled spooled =
          CheckService.spool(
              new CheckService.Inputs(paths, new ByteArrayInputStream(new byte[0]), List.of()),
              standard,
              DATE,
              Waivers.NONE,
              new SpooledRun(renderer, f, standard, DATE, null));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (SpooledRun run = spooled.run()) {
        run.writeTo(out);
      }
      assertThat(out.toString(StandardCharsets.UTF_8))
          .as(format)
          .isEqualTo(renderer.render(report, f));
    }
  }

  @Test
  void nothingJudgedIsAnInputError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Standard standard = Fixtures.defaultStandard();
    Formats f = new Formats(Messages.of(Locale.ENGLISH, HatangMain.BUNDLE));
    CheckService.Spooled spooled =
        CheckService.spool(
            new CheckService.Inputs(
                List.of(empty.toString()), new ByteArrayInputStream(new byte[0]), List.of()),
            standard,
            DATE,
            Waivers.NONE,
            new SpooledRun(
                (PartRenderer) ReportRenderer.forFormat("json"), f, standard, DATE, null));
    try (SpooledRun run = spooled.run()) {
      assertThat(run.summary().errors())
          .singleElement()
          .satisfies(e -> assertThat(e.message().key()).isEqualTo("input.none"));
      assertThat(run.summary().exitCode(false).code()).isEqualTo(3);
    }
  }

  /** A renderer that fails half-way (a bug) leaves no temporary file behind. */
  @Test
  void aFailingRunLeavesNoTemporaryFile() throws Exception {
    Path in = inputs();
    Standard standard = Fixtures.defaultStandard();
    Formats f = new Formats(Messages.of(Locale.ENGLISH, HatangMain.BUNDLE));
    PartRenderer json = (PartRenderer) ReportRenderer.forFormat("json");
    PartRenderer failing =
        new PartRenderer() {
          private final java.util.concurrent.atomic.AtomicInteger parts =
              new java.util.concurrent.atomic.AtomicInteger();

          @Override
          public byte[] part(vn.hatang.core.check.MachineResult r, Standard std, Formats formats) {
            if (parts.incrementAndGet() == 3) {
              throw new IllegalStateException("renderer bug");
            }
            return json.part(r, std, formats);
          }

          @Override
          public void write(
              vn.hatang.core.render.RunSummary summary,
              Formats formats,
              java.util.Iterator<byte[]> texts,
              java.io.OutputStream out)
              throws java.io.IOException {
            json.write(summary, formats, texts, out);
          }
        };
    SpooledRun run = new SpooledRun(failing, f, standard, DATE, dir);
    Path file = run.file();
    if (System.getProperty("os.name").startsWith("Linux")) {
      // Opened to be deleted on close: on Linux the name goes at once, so not even a killed
      // process leaves the file.
      assertThat(file).doesNotExist();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                CheckService.spool(
                    new CheckService.Inputs(
                        List.of(in.toString()), new ByteArrayInputStream(new byte[0]), List.of()),
                    standard,
                    DATE,
                    Waivers.NONE,
                    run))
        .hasMessageContaining("renderer bug");
    assertThat(file).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".parts"));
    }
  }
}
