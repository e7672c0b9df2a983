package vn.hatang.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.Storage;

/** Which disk the system-disk checks read. */
class SystemDiskTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDiskMarkedSystemThenTheSystemVolumesThenTheOnlyFixedOne() throws Exception {
    // Marked: the second of two fixed disks.
    assertThat(name(snapshot(disk("A", false, false), disk("B", false, true)), "B")).isTrue();
    // The system volume names it.
    assertThat(name(snapshot("C", disk("A", false, null), disk("C", false, null)), "C")).isTrue();
    // The only fixed disk, a USB stick beside it (before or after).
    assertThat(name(snapshot(disk("USB", true, null), disk("D", false, null)), "D")).isTrue();
    assertThat(name(snapshot(disk("D", null, null), disk("USB", true, null)), "D")).isTrue();
    // Two fixed disks and nothing to tell them apart; no fixed disk; no disk.
    assertThat(Metric.systemDisk(snapshot(disk("A", false, null), disk("B", null, null)))).isNull();
    assertThat(Metric.systemDisk(snapshot(disk("USB", true, null)))).isNull();
    assertThat(Metric.systemDisk(snapshot())).isNull();
  }

  private static boolean name(Snapshot s, String expected) {
    Storage.Disk d = Metric.systemDisk(s);
    return d != null && d.name().equals(expected);
  }

  private static ObjectNode disk(String name, Boolean removable, Boolean system) {
    ObjectNode d = JSON.createObjectNode().put("name", name).put("type", "SSD");
    if (removable != null) {
      d.put("removable", removable);
    }
    if (system != null) {
      d.put("system", system);
    }
    return d;
  }

  private static Snapshot snapshot(ObjectNode... disks) throws Exception {
    return snapshot(null, disks);
  }

  private static Snapshot snapshot(String volumeDisk, ObjectNode... disks) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    ObjectNode storage = JSON.createObjectNode();
    ArrayNode list = storage.putArray("disks");
    for (ObjectNode d : disks) {
      list.add(d);
    }
    if (volumeDisk != null) {
      storage.putObject("systemVolume").put("mount", "C:\\").put("disk", volumeDisk);
    }
    root.set("storage", storage);
    return SnapshotCodec.read(JSON.writeValueAsBytes(root), "test.json");
  }
}
