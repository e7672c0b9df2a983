package vn.hatang.cli.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the bytes of one upload and samples the running total every {@value #INTERVAL_MS} ms of
 * server time. The sample times lie on a grid of whole multiples of the interval since the epoch,
 * so that the samples of parallel uploads share their times and can be summed.
 *
 * <p>Pure: the caller passes the arrival time of each chunk; one call per chunk, no per-byte work.
 * Not thread-safe (one upload is read by one thread at a time).
 */
final class UploadCounter {
  /** The sampling interval, in milliseconds. */
  static final long INTERVAL_MS = 100;

  private long bytes;
  private long firstByteAtMs = -1;
  private long lastByteAtMs = -1;
  private long nextSampleAtMs;
  private final List<long[]> samples = new ArrayList<>();

  /**
   * Records a chunk.
   *
   * @param count bytes in the chunk
   * @param nowMs when it arrived, in epoch milliseconds of the server clock
   */
  void add(long count, long nowMs) {
    if (count <= 0) {
      return;
    }
    if (firstByteAtMs < 0) {
      firstByteAtMs = nowMs;
      nextSampleAtMs = Math.floorDiv(nowMs, INTERVAL_MS) * INTERVAL_MS + INTERVAL_MS;
    }
    // A grid time reached by this chunk's arrival gets the total before the chunk.
    while (nextSampleAtMs <= nowMs) {
      samples.add(new long[] {nextSampleAtMs, bytes});
      nextSampleAtMs += INTERVAL_MS;
    }
    bytes += count;
    lastByteAtMs = nowMs;
  }

  /** Bytes counted so far. */
  long bytes() {
    return bytes;
  }

  /**
   * The samples {@code [tMs, cumulativeBytes]}: every grid time between the first and the last
   * byte, then the last byte's time with the total. Times strictly increase, totals never decrease.
   */
  List<long[]> samples() {
    List<long[]> all = new ArrayList<>(samples.size() + 1);
    for (long[] s : samples) {
      all.add(s.clone());
    }
    if (bytes > 0) {
      if (!all.isEmpty() && all.get(all.size() - 1)[0] == lastByteAtMs) {
        all.remove(all.size() - 1);
      }
      all.add(new long[] {lastByteAtMs, bytes});
    }
    return all;
  }

  /**
   * The upload result as JSON: {@code {"bytes", "firstByteAtMs", "lastByteAtMs", "intervalMs",
   * "samples"}}; the two times are {@code null} when no byte arrived.
   */
  String toJson() {
    StringBuilder json = new StringBuilder(64 + 32 * samples.size());
    json.append("{\"bytes\":").append(bytes);
    json.append(",\"firstByteAtMs\":").append(bytes > 0 ? Long.toString(firstByteAtMs) : "null");
    json.append(",\"lastByteAtMs\":").append(bytes > 0 ? Long.toString(lastByteAtMs) : "null");
    json.append(",\"intervalMs\":").append(INTERVAL_MS);
    json.append(",\"samples\":[");
    List<long[]> all = samples();
    for (int i = 0; i < all.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append('[').append(all.get(i)[0]).append(',').append(all.get(i)[1]).append(']');
    }
    return json.append("]}").toString();
  }
}
