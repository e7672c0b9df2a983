package vn.hatang.cli.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code hatang check --from} and {@code hatang export --from} read stored snapshots: a
 * collector over HTTP ({@link CollectorSource}) or its store directly ({@link StoreSource}).
 */
public interface SnapshotSource extends AutoCloseable {
  /**
   * One stored snapshot.
   *
   * @param snapshotId its id
   * @param unitCode its unit code, or {@code null}
   * @param machineId its machine id
   * @param takenAt when it was taken
   * @param json the snapshot as stored (UTF-8 JSON)
   */
  record Item(String snapshotId, String unitCode, String machineId, Instant takenAt, byte[] json) {}

  /** What to read: one unit or all, and from when on. */
  record Filter(String unitCode, Instant sinceTakenAt) {}

  /** Receives items one at a time. */
  @FunctionalInterface
  interface Sink {
    void accept(Item item) throws java.io.IOException;
  }

  /**
   * Every snapshot that passes the filter, in the order the collector received them.
   *
   * @throws SourceException when the source cannot be read (the message says which and why)
   */
  void each(Filter filter, Sink sink) throws SourceException, java.io.IOException;

  /** How the source is named in messages (never with a password or token). */
  String describe();

  @Override
  void close();

  /** The latest snapshot (by taken-at) of each machine among {@code items}, in input order. */
  static List<Item> latestPerMachine(Collection<Item> items) {
    Map<String, Item> latest = new HashMap<>();
    for (Item item : items) {
      latest.merge(item.machineId(), item, (a, b) -> b.takenAt().isAfter(a.takenAt()) ? b : a);
    }
    List<Item> out = new ArrayList<>();
    for (Item item : items) {
      if (latest.get(item.machineId()) == item) {
        out.add(item);
      }
    }
    return out;
  }
}
