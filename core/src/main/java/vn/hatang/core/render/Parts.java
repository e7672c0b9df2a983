package vn.hatang.core.render;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Where a renderer writes one machine's part before its exact bytes are copied out: one buffer per
 * thread, emptied for each part. A check renders a part per machine on every parsing thread, and a
 * new 4 KiB (table) or 16 KiB (JSON) builder each time was a sixth of its allocation.
 */
final class Parts {
  private Parts() {}

  private static final ThreadLocal<ByteArrayBuilder> BUILDERS =
      ThreadLocal.withInitial(() -> new ByteArrayBuilder(16 * 1024));

  /**
   * This thread's builder, empty. It keeps its largest block from part to part; take the part out
   * with {@link ByteArrayBuilder#toByteArray()} before asking again on the same thread.
   */
  static ByteArrayBuilder builder() {
    ByteArrayBuilder b = BUILDERS.get();
    b.reset();
    return b;
  }
}
