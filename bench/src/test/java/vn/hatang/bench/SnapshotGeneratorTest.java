package vn.hatang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Peripherals;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

class SnapshotGeneratorTest {
  static final LocalDate FROM = LocalDate.of(2026, 10, 1);
  static final SnapshotGenerator.Options OPTIONS =
      new SnapshotGenerator.Options(42, 60, 1500, 30, FROM);

  @TempDir static Path tmp;
  static Path first;
  static SnapshotGenerator.Summary summary;
  static Map<Path, Snapshot> snapshots = new TreeMap<>();

  @BeforeAll
  static void generate() throws Exception {
    first = tmp.resolve("a");
    summary = new SnapshotGenerator(OPTIONS).writeTo(first);
    for (Path f : files(first)) {
      // The contract's own reader: size, JSON, version and every schema rule.
      snapshots.put(f, SnapshotCodec.read(Files.readAllBytes(f), f.toString()));
    }
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void sameSeedGivesTheSameBytes() throws Exception {
    Path again = tmp.resolve("b");
    new SnapshotGenerator(OPTIONS).writeTo(again);
    List<Path> a = files(first);
    List<Path> b = files(again);
    assertThat(b.stream().map(again::relativize).map(Path::toString))
        .containsExactlyElementsOf(a.stream().map(first::relativize).map(Path::toString).toList());
    for (int i = 0; i < a.size(); i++) {
      assertThat(Files.readAllBytes(b.get(i)))
          .as(b.get(i).toString())
          .isEqualTo(Files.readAllBytes(a.get(i)));
    }
  }

  @Test
  void anotherSeedGivesOtherSnapshots() throws Exception {
    Path other = tmp.resolve("c");
    new SnapshotGenerator(new SnapshotGenerator.Options(43, 60, 1500, 30, FROM)).writeTo(other);
    Set<String> names = new HashSet<>();
    for (Path f : files(other)) {
      names.add(f.getFileName().toString());
    }
    assertThat(names).hasSize(1500);
    assertThat(snapshots.keySet().stream().map(p -> p.getFileName().toString()))
        .noneMatch(names::contains);
  }

  @Test
  void countsAreWhatWasAsked() throws Exception {
    assertThat(snapshots).hasSize(1500);
    assertThat(summary.snapshots()).isEqualTo(1500);
    assertThat(summary.units()).isEqualTo(60);
    try (Stream<Path> units = Files.list(first)) {
      assertThat(units.filter(Files::isDirectory).count()).isEqualTo(60);
    }
    Set<String> machines = new HashSet<>();
    for (Map.Entry<Path, Snapshot> e : snapshots.entrySet()) {
      Snapshot s = e.getValue();
      // OUT/UNIT_CODE/SNAPSHOT_ID.json
      assertThat(e.getKey().getParent().getFileName().toString()).isEqualTo(s.unit().code());
      assertThat(e.getKey().getFileName().toString()).isEqualTo(s.snapshotId() + ".json");
      assertThat(s.unit().code()).matches("52\\d{3}");
      machines.add(s.machine().machineId());
    }
    assertThat((long) machines.size()).isEqualTo(summary.machines());
  }

  @Test
  void fleetLooksLikeOffices() {
    List<Snapshot> all = new ArrayList<>(snapshots.values());
    Map<String, Set<String>> machinesPerUnit = new HashMap<>();
    for (Snapshot s : all) {
      machinesPerUnit
          .computeIfAbsent(s.unit().code(), k -> new HashSet<>())
          .add(s.machine().machineId());
    }
    // Offices of different sizes: departments are larger than communes.
    int smallest = machinesPerUnit.values().stream().mapToInt(Set::size).min().orElseThrow();
    int largest = machinesPerUnit.values().stream().mapToInt(Set::size).max().orElseThrow();
    assertThat(smallest).isLessThanOrEqualTo(6);
    assertThat(largest).isGreaterThanOrEqualTo(20);
    assertThat(all).extracting(s -> s.machine().role()).contains("desktop", "laptop");
    assertThat(all).extracting(s -> s.unit().level()).contains("province", "commune");
    assertThat(all).extracting(s -> s.os().family()).contains("Windows", "Linux");
    assertThat(all)
        .extracting(s -> s.os().name())
        .contains("Microsoft Windows 10 Pro", "Microsoft Windows 11 Pro");
    assertThat(all)
        .extracting(s -> s.cpu().name())
        .anyMatch(n -> n.contains("i3-4"))
        .anyMatch(n -> n.contains("12th Gen"));
    assertThat(all)
        .extracting(s -> s.memory().totalBytes())
        .anyMatch(b -> b < 4L << 30)
        .anyMatch(b -> b > 15L << 30);
    assertThat(all)
        .flatExtracting(s -> s.storage().disks())
        .extracting(d -> d.type().name())
        .contains("HDD", "SSD");
    List<LineMeasurement> lines = all.stream().flatMap(s -> s.lines().stream()).toList();
    assertThat(lines).extracting(LineMeasurement::name).contains("internet", "dedicated");
    assertThat(lines).anyMatch(LineMeasurement::ok).anyMatch(l -> !l.ok());
    assertThat(lines.stream().filter(LineMeasurement::ok))
        .allMatch(l -> l.downloadMbps() > 0 && l.latencyMs() > 0 && l.jitterMs() > 0);
    assertThat(all).filteredOn(s -> s.lines().isEmpty()).isNotEmpty();
    List<Peripherals> p = all.stream().map(Snapshot::peripherals).toList();
    assertThat(p)
        .flatExtracting(Peripherals::powerSources)
        .extracting(Peripherals.PowerSource::kind)
        .contains("ups", "battery");
    assertThat(p).flatExtracting(Peripherals::printers).isNotEmpty();
    assertThat(p).flatExtracting(Peripherals::displays).isNotEmpty();
  }

  @Test
  void snapshotsSpreadOverThePeriodAndSomeMachinesGoSilent() {
    Map<String, List<OffsetDateTime>> times = new HashMap<>();
    for (Snapshot s : snapshots.values()) {
      times.computeIfAbsent(s.machine().machineId(), k -> new ArrayList<>()).add(s.takenAt());
      assertThat(s.takenAt().toLocalDate()).isBetween(FROM, FROM.plusDays(29));
      assertThat(s.takenAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
      assertThat(s.takenAt().getHour()).isBetween(7, 16);
    }
    assertThat(times.values()).anyMatch(t -> t.size() >= 2);
    // A machine with several snapshots whose last one is in the first three weeks: it stopped.
    long silent =
        times.values().stream()
            .filter(t -> t.size() >= 2)
            .filter(
                t ->
                    t.stream()
                        .max(OffsetDateTime::compareTo)
                        .orElseThrow()
                        .toLocalDate()
                        .isBefore(FROM.plusDays(21)))
            .count();
    assertThat(silent).isPositive();
    // The same machine keeps its hostname and hardware model across its snapshots.
    Map<String, Set<String>> models = new HashMap<>();
    for (Snapshot s : snapshots.values()) {
      models
          .computeIfAbsent(s.machine().machineId(), k -> new HashSet<>())
          .add(s.machine().hostname() + "|" + s.cpu().name());
    }
    assertThat(models.values()).allMatch(m -> m.size() == 1);
  }

  @Test
  void apportionKeepsTheTotalAndGivesEveryoneOne() {
    int[] shares = SnapshotGenerator.apportion(10, new double[] {1, 1, 0.35, 5});
    assertThat(shares).containsExactly(2, 2, 1, 5);
    assertThat(SnapshotGenerator.apportion(3, new double[] {9, 1, 1})).containsExactly(1, 1, 1);
    assertThat(SnapshotGenerator.apportion(7, new double[] {1, 1, 1})).containsExactly(3, 2, 2);
  }

  @Test
  void refusesAFolderThatIsNotEmptyAndBadCounts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        GenerateMain.run(
            new String[] {
              "--seed", "1", "--units", "2", "--snapshots", "5", "--out", first.toString()
            },
            Map.of("HATANG_LANG", "en"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty");
    err.reset();
    code =
        GenerateMain.run(
            new String[] {
              "--seed",
              "1",
              "--units",
              "9",
              "--snapshots",
              "5",
              "--out",
              tmp.resolve("d").toString()
            },
            Map.of("HATANG_LANG", "en"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("snapshots at least units");
    assertThat(tmp.resolve("d")).doesNotExist();
  }

  @Test
  void mainWritesTheFolder() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path dir = tmp.resolve("e");
    int code =
        GenerateMain.run(
            new String[] {
              "--seed",
              "7",
              "--units",
              "3",
              "--snapshots",
              "20",
              "--out",
              dir.toString(),
              "--days",
              "7",
              "--from",
              "2026-11-01"
            },
            Map.of("HATANG_LANG", "en"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(files(dir)).hasSize(20);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("wrote 20 snapshots")
        .contains("in 3 units");
  }
}
