package vn.hatang.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hatang.core.Fixtures;

class SnapshotCodecTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "compliant-pc.json",
        "old-pc.json",
        "disk-unknown-pc.json",
        "missing-sections-pc.json"
      })
  void roundTripKeepsEveryValue(String name) throws Exception {
    Snapshot first = SnapshotCodec.read(Fixtures.bytes(name), name);
    byte[] written = SnapshotCodec.write(first);
    Snapshot second = SnapshotCodec.read(written, "rewritten");
    assertThat(second).isEqualTo(first);
    assertThat(SnapshotCodec.validate(SnapshotCodec.mapper().readTree(written))).isEmpty();
    // The same bytes again: writing is deterministic.
    assertThat(SnapshotCodec.write(second)).isEqualTo(written);
  }

  /**
   * The first {@code length} bytes of a longer buffer read as those bytes alone: what follows them
   * (an earlier, longer file's bytes) is not read, and a bad prefix gets the error its bytes alone
   * get.
   */
  @Test
  void aBuffersFirstBytesReadAsThoseBytesAlone() throws Exception {
    byte[] json = Fixtures.bytes("old-pc.json");
    byte[] buffer = java.util.Arrays.copyOf(json, json.length + 1000);
    java.util.Arrays.fill(buffer, json.length, buffer.length, (byte) '}');
    assertThat(SnapshotCodec.read(buffer, json.length, "buffer"))
        .isEqualTo(SnapshotCodec.read(json, "alone"));
    byte[] bad = Fixtures.bytes("malformed.json");
    byte[] badBuffer = java.util.Arrays.copyOf(bad, bad.length + 1000);
    SnapshotException alone =
        catchThrowableOfType(SnapshotException.class, () -> SnapshotCodec.read(bad, "x"));
    SnapshotException inBuffer =
        catchThrowableOfType(
            SnapshotException.class, () -> SnapshotCodec.read(badBuffer, bad.length, "x"));
    assertThat(inBuffer.key()).isEqualTo(alone.key());
    assertThat(inBuffer.where()).isEqualTo(alone.where());
    assertThat(inBuffer.args()).isEqualTo(alone.args());
  }

  @Test
  void readsTheFieldsOfTheContract() {
    Snapshot s = Fixtures.snapshot(Fixtures.COMPLIANT);
    assertThat(s.schemaVersion()).isEqualTo(1);
    assertThat(s.snapshotId()).hasToString("7d4f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b");
    assertThat(s.takenAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    assertThat(s.unit().name()).isEqualTo("Phường Quy Nhơn");
    assertThat(s.memory().installedBytes()).isEqualTo(16L * 1024 * 1024 * 1024);
    assertThat(s.storage().disks().get(0).type()).isEqualTo(DiskType.SSD);
    assertThat(s.peripherals().usbDevices().get(0).vendorId()).isEqualTo("096e");
    assertThat(s.lines())
        .extracting(LineMeasurement::name)
        .containsExactly("internet", "dedicated");
    LineMeasurement dedicated = s.lines().get(1);
    assertThat(dedicated.uploadMbps()).isEqualTo(190.8);
    assertThat(dedicated.upload().intervalMs()).isEqualTo(250);
    assertThat(dedicated.latencySamplesMs()).containsExactly(6.1, 6.5, 5.9, 6.2);
    assertThat(Fixtures.snapshot(Fixtures.MISSING).lines()).isEmpty();
  }

  @Test
  void absentValuesStayAbsentNotZero() throws Exception {
    Snapshot s = Fixtures.snapshot(Fixtures.MISSING);
    assertThat(s.cpu()).isNull();
    assertThat(s.memory()).isNull();
    assertThat(s.antivirus()).isNull();
    String json = new String(SnapshotCodec.write(s), StandardCharsets.UTF_8);
    assertThat(json)
        .doesNotContain("\"cpu\" :")
        .doesNotContain("\"memory\" :")
        .doesNotContain("null");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    SnapshotException e =
        catchThrowableOfType(
            SnapshotException.class,
            () -> SnapshotCodec.read(Fixtures.bytes("malformed.json"), "malformed.json"));
    assertThat(e.where()).isEqualTo("5:3");
    assertThat(e.key()).isEqualTo("snapshot.error.json");
  }

  @Test
  void futureSchemaVersionIsRefusedClearly() {
    SnapshotException e =
        catchThrowableOfType(
            SnapshotException.class,
            () -> SnapshotCodec.read(Fixtures.bytes("future-version.json"), "f.json"));
    assertThat(e.key()).isEqualTo("snapshot.error.futureVersion");
    assertThat(e.where()).isEqualTo("$.schemaVersion");
    assertThat(e.args()).containsExactly(2, 1);
  }

  @Test
  void schemaViolationNamesTheJsonPath() {
    SnapshotException e =
        catchThrowableOfType(
            SnapshotException.class,
            () -> SnapshotCodec.read(Fixtures.bytes("schema-violation.json"), "v.json"));
    assertThat(e.key()).isEqualTo("snapshot.error.schema");
    assertThat(e.where()).isEqualTo("$.memory.totalBytes");
  }

  @Test
  void unknownPropertyAndBadIdAreRejected() {
    String base = new String(Fixtures.bytes(Fixtures.COMPLIANT), StandardCharsets.UTF_8);
    SnapshotException unknown =
        catchThrowableOfType(
            SnapshotException.class,
            () ->
                SnapshotCodec.read(
                    base.replace("\"lines\"", "\"evil\": 1, \"lines\"")
                        .getBytes(StandardCharsets.UTF_8),
                    "u"));
    assertThat(unknown.where()).isEqualTo("$");
    assertThat(unknown.args().get(0).toString()).contains("evil");
    SnapshotException badMac =
        catchThrowableOfType(
            SnapshotException.class,
            () ->
                SnapshotCodec.read(
                    base.replace("a4:bb:6d:12:34:56", "<script>").getBytes(StandardCharsets.UTF_8),
                    "m"));
    assertThat(badMac.where()).isEqualTo("$.peripherals.networkInterfaces[0].mac");
  }

  @Test
  void oversizedInputIsRefusedBeforeParsing() {
    byte[] big = new byte[SnapshotCodec.MAX_BYTES + 2];
    SnapshotException e =
        catchThrowableOfType(SnapshotException.class, () -> SnapshotCodec.read(big, "big"));
    assertThat(e.key()).isEqualTo("snapshot.error.tooLarge");
    assertThat(e.args()).containsExactly((long) big.length, SnapshotCodec.MAX_BYTES);
    // One byte past the limit is all a bounded read (a pipe, standard input) says: no size told.
    SnapshotException over =
        catchThrowableOfType(
            SnapshotException.class,
            () -> SnapshotCodec.read(big, SnapshotCodec.MAX_BYTES + 1, "stdin"));
    assertThat(over.key()).isEqualTo("snapshot.error.overLimit");
    assertThat(over.args()).containsExactly(SnapshotCodec.MAX_BYTES);
    assertThat(
            catchThrowableOfType(
                    SnapshotException.class,
                    () -> SnapshotCodec.readHeader(new byte[SnapshotCodec.MAX_BYTES + 1], "upload"))
                .key())
        .isEqualTo("snapshot.error.overLimit");
  }

  @Test
  void emptyAndNonObjectInputs() {
    assertThat(
            catchThrowableOfType(
                    SnapshotException.class, () -> SnapshotCodec.read(new byte[0], "e"))
                .key())
        .isEqualTo("snapshot.error.empty");
    assertThat(
            catchThrowableOfType(
                    SnapshotException.class,
                    () -> SnapshotCodec.read("[1]".getBytes(StandardCharsets.UTF_8), "a"))
                .key())
        .isEqualTo("snapshot.error.notObject");
  }

  @Test
  void jsonPointerBecomesJsonPath() {
    assertThat(SnapshotCodec.jsonPath("/memory/modules/0/type"))
        .isEqualTo("$.memory.modules[0].type");
    assertThat(SnapshotCodec.jsonPath("")).isEqualTo("$");
  }
}
