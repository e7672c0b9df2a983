package vn.hatang.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;

class SnapshotTest {

  @Test
  void identityKeepsTheHeaderAndTheMachineAndDropsEverySection() {
    Snapshot full = Fixtures.snapshot(Fixtures.COMPLIANT);
    // The fixture has every section, so "null afterwards" shows identity() dropped it.
    assertThat(full.computerSystem()).isNotNull();
    assertThat(full.os()).isNotNull();
    assertThat(full.cpu()).isNotNull();
    assertThat(full.memory()).isNotNull();
    assertThat(full.storage()).isNotNull();
    assertThat(full.peripherals()).isNotNull();
    assertThat(full.antivirus()).isNotNull();
    assertThat(full.lines()).isNotEmpty();
    assertThat(full.diagnostics()).isNotNull();

    Snapshot id = full.identity();

    assertThat(id.schemaVersion()).isEqualTo(full.schemaVersion());
    assertThat(id.snapshotId()).isEqualTo(full.snapshotId());
    assertThat(id.takenAt()).isEqualTo(full.takenAt());
    assertThat(id.agent()).isEqualTo(full.agent());
    assertThat(id.unit()).isNotNull().isEqualTo(full.unit());
    assertThat(id.machine()).isEqualTo(full.machine());
    assertThat(id.computerSystem()).isNull();
    assertThat(id.os()).isNull();
    assertThat(id.cpu()).isNull();
    assertThat(id.memory()).isNull();
    assertThat(id.storage()).isNull();
    assertThat(id.peripherals()).isNull();
    assertThat(id.antivirus()).isNull();
    // The constructor reads an absent list of lines as "none measured".
    assertThat(id.lines()).isEmpty();
    assertThat(id.diagnostics()).isNull();
  }

  @Test
  void identityOfAnIdentityIsEqualToIt() {
    Snapshot id = Fixtures.snapshot(Fixtures.COMPLIANT).identity();
    assertThat(id.identity()).isEqualTo(id);
  }
}
