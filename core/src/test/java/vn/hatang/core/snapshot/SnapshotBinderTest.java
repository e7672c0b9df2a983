package vn.hatang.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written binder against Jackson's: on a snapshot where every field of every record is set
 * (sibling fields of one type hold different values, so a swap shows), both give the same snapshot.
 * A field added to a record and forgotten by the binder leaves a {@code null} (or refuses the
 * document): this test fails until the binder and the fixture have it.
 */
class SnapshotBinderTest {

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = SnapshotBinderTest.class.getResourceAsStream("/snapshots/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void bindsEveryFieldAsJacksonDoes() throws Exception {
    byte[] bytes = fixture("every-field-pc.json");
    Snapshot jackson = SnapshotCodec.readThorough(bytes, "every-field-pc.json");
    assertThat(unset(jackson, "$"))
        .as("the fixture sets every field of every record (add the new ones to it)")
        .isEmpty();
    Snapshot binder = SnapshotCodec.readStreaming(bytes);
    assertThat(binder).isNotNull().isEqualTo(jackson);
  }

  /** Paths of the record components left null, and of lists left empty, anywhere in the value. */
  static List<String> unset(Object value, String path) throws ReflectiveOperationException {
    List<String> out = new ArrayList<>();
    if (value == null) {
      out.add(path);
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.add(path + "[]");
      }
      for (int i = 0; i < list.size(); i++) {
        out.addAll(unset(list.get(i), path + "[" + i + "]"));
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        out.addAll(unset(c.getAccessor().invoke(value), path + "." + c.getName()));
      }
    }
    return out;
  }
}
