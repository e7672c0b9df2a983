package vn.hatang.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.standard.Problem;

class UnitsLoaderTest {
  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  List<Problem> problems(Path f) {
    return UnitsLoader.validate(f.toString());
  }

  static final String GOOD =
      """
      units:
        - code: "52"
          name: "Tỉnh Gia Lai"
          level: province
          validFrom: 2025-07-01
        - code: "21583"
          name: "Phường Quy Nhơn"
          level: ward
          parentCode: "52"
          validFrom: 2025-07-01
          head: {name: "Nguyễn Văn A", title: "Chủ tịch", email: "a@example.gov.vn"}
          expectedStaff: 45
          expectedMachines: 40
        - code: 00070
          name: "Văn phòng"
          level: office
          parentCode: "21583"
          validFrom: 2025-07-01
      """;

  @Test
  void readsEveryFieldOfYaml() throws Exception {
    UnitRegistry r = UnitsLoader.load(write("u.yaml", GOOD), "u.yaml");
    AdminUnit qn = r.resolve("21583", LocalDate.of(2026, 1, 1)).orElseThrow();
    assertThat(qn.head())
        .isEqualTo(new AdminUnit.Head("Nguyễn Văn A", "Chủ tịch", "a@example.gov.vn"));
    assertThat(qn.expectedStaff()).isEqualTo(45);
    assertThat(qn.expectedMachines()).isEqualTo(40);
    // An unquoted code keeps its text: no octal or number conversion.
    assertThat(r.codes()).contains("00070");
    assertThat(r.levels()).containsExactly("province", "ward", "office");
  }

  @Test
  void yamlProblemsHaveTheirPlace() throws Exception {
    Path f =
        write(
            "bad.yaml",
            """
            units:
              - code: "5 2"
                name: "Tỉnh"
                level: Province
                validFrom: 2025-13-01
                colour: red
              - name: "Xã"
                level: commune
                expectedStaff: -3
                head: {name: "B", email: "b at x"}
            """);
    List<Problem> p = problems(f);
    assertThat(p)
        .extracting(Problem::place, Problem::key)
        .containsExactly(
            tuple(f + ":6:5", "units.error.unknownKey"),
            tuple(f + ":2:11", "units.error.badCode"),
            tuple(f + ":4:12", "units.error.badLevel"),
            tuple(f + ":5:16", "units.error.expectedDate"),
            tuple(f + ":7:5", "units.error.missingKey"),
            tuple(f + ":10:30", "units.error.badEmail"),
            tuple(f + ":9:20", "units.error.expectedCount"));
  }

  @Test
  void yamlSyntaxErrorsAndValidationErrorsHaveTheirPlace() throws Exception {
    Path syntax = write("s.yaml", "units:\n  - code: \"1\n");
    assertThat(problems(syntax)).extracting(Problem::key).containsExactly("units.error.yaml");
    assertThat(problems(syntax).get(0).line()).isGreaterThan(0);
    Path overlap =
        write(
            "o.yaml",
            """
            units:
              - {code: "1", name: "A", level: province, validTo: 2025-06-30}
              - {code: "1", name: "B", level: province, validFrom: 2025-06-30}
              - {code: "2", name: "C", level: commune, parentCode: "9"}
            """);
    assertThat(problems(overlap))
        .extracting(Problem::place, Problem::key)
        .containsExactly(tuple(overlap + ":3:5", "units.error.overlap"));
    Path parent =
        write(
            "p.yaml",
            """
            units:
              - {code: "2", name: "C", level: commune, parentCode: "9"}
            """);
    assertThat(problems(parent))
        .extracting(Problem::place, Problem::key)
        .containsExactly(tuple(parent + ":2:5", "units.error.parentMissing"));
    assertThat(problems(write("e.yaml", "")))
        .extracting(Problem::key)
        .containsExactly("units.error.empty");
    assertThat(problems(write("x.txt", GOOD)))
        .extracting(Problem::key)
        .containsExactly("units.error.extension");
  }

  @Test
  void readsCsvWithQuotesAndSuccessors() throws Exception {
    Path f =
        write(
            "u.csv",
            "\uFEFFcode,name,level,parentCode,validFrom,validTo,successors,headName,expectedMachines\r\n"
                + "52,Tỉnh Bình Định,province,,,2025-06-30,52,,\r\n"
                + "52,Tỉnh Gia Lai,province,,2025-07-01,,,,\r\n"
                + "21562,\"Phường Hải Cảng, cũ\",ward,52,,2025-06-30,21583;21553,,\r\n"
                + "21583,\"Phường \"\"Quy Nhơn\"\"\",ward,52,2025-07-01,,,\"Nguyễn Văn A\",40\r\n"
                + "21553,Phường Quy Nhơn Bắc,ward,52,2025-07-01,,,,\r\n");
    UnitRegistry r = UnitsLoader.load(f, "u.csv");
    assertThat(r.all()).hasSize(5);
    assertThat(r.resolve("21583", LocalDate.of(2025, 7, 1)).orElseThrow().name())
        .isEqualTo("Phường \"Quy Nhơn\"");
    assertThat(r.successorsOn("21562", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1)))
        .extracting(AdminUnit::code)
        .containsExactly("21553", "21583");
  }

  @Test
  void csvProblemsHaveLineAndColumn() throws Exception {
    Path f =
        write(
            "bad.csv",
            "code,name,level,validFrom,expectedStaff\n"
                + "52,Tỉnh,province,2025-7-1,\n"
                + "53,Tỉnh,Province,,x\n"
                + "54,Tỉnh,province\n"
                + "55,\"Hai\ndòng\",province,,\n"
                + "56,Tỉnh,province,,-1\n");
    assertThat(problems(f))
        .extracting(Problem::place, Problem::key)
        .containsExactly(
            tuple(f + ":2:18", "units.error.expectedDate"),
            tuple(f + ":3:9", "units.error.badLevel"),
            tuple(f + ":3:19", "units.error.expectedCount"),
            tuple(f + ":4:1", "units.error.csvFieldCount"),
            tuple(f + ":5:4", "units.error.badName"),
            tuple(f + ":7:19", "units.error.expectedCount"));
    Path header = write("h.csv", "code,name,kind\n1,A,b\n");
    assertThat(problems(header))
        .extracting(Problem::place, Problem::key)
        .containsExactly(
            tuple(header + ":1:11", "units.error.unknownColumn"),
            tuple(header + ":1:1", "units.error.missingColumn"));
    Path quote = write("q.csv", "code,name,level\n1,\"A,province\n2,B,c\n");
    assertThat(problems(quote))
        .extracting(Problem::place, Problem::key)
        .containsExactly(tuple(quote + ":2:3", "units.error.csvUnclosedQuote"));
    Path stray = write("r.csv", "code,name,level\n1,A\"x,province\n");
    assertThat(problems(stray))
        .extracting(Problem::place, Problem::key)
        .containsExactly(tuple(stray + ":2:4", "units.error.csvStrayQuote"));
    Path after = write("a.csv", "code,name,level\n1,\"A\"x,province\n");
    assertThat(problems(after))
        .extracting(Problem::place, Problem::key)
        .containsExactly(tuple(after + ":2:6", "units.error.csvAfterQuote"));
  }

  @Test
  void sizeLimitsAreClearErrors() throws Exception {
    StringBuilder sb = new StringBuilder("code,name,level\n");
    for (int i = 0; i <= UnitsLoader.MAX_ROWS; i++) {
      sb.append(i).append(",U,office\n");
    }
    assertThat(problems(write("many.csv", sb.toString())))
        .extracting(Problem::key, Problem::line)
        .containsExactly(tuple("units.error.tooManyRows", UnitsLoader.MAX_ROWS + 2));
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[(int) UnitsLoader.MAX_BYTES + 1]);
    assertThat(problems(big)).extracting(Problem::key).containsExactly("units.error.tooLarge");
    assertThat(problems(dir.resolve("none.yaml")))
        .extracting(Problem::key)
        .containsExactly("units.error.notFound");
    Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', (byte) 0xE9});
    assertThat(problems(dir.resolve("latin1.yaml")))
        .extracting(Problem::key)
        .containsExactly("units.error.notUtf8");
  }

  @Test
  void writtenYamlAndCsvReadBackTheSame() throws Exception {
    UnitRegistry sample = UnitsLoader.load(UnitsLoader.BUNDLED_SAMPLE);
    Path yaml = write("again.yaml", UnitsWriter.yaml(sample.all(), List.of("copy")));
    Path csv = write("again.csv", UnitsWriter.csv(sample.all()));
    assertThat(UnitsLoader.load(yaml, "again.yaml").all()).isEqualTo(sample.all());
    assertThat(UnitsLoader.load(csv, "again.csv").all()).isEqualTo(sample.all());
    assertThat(UnitsWriter.json(sample.all())).contains("\"name\" : \"Phường Quy Nhơn\"");
  }

  @Test
  void bundledNamesOutsideTheFolderAreRefused() {
    assertThat(UnitsLoader.validate("bundled:../pom.xml"))
        .extracting(Problem::key)
        .containsExactly("units.error.notFound");
    assertThat(UnitsLoader.validate("bundled:units/none.yaml"))
        .extracting(Problem::key)
        .containsExactly("units.error.notFound");
  }
}
