package vn.hatang.cli.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.StoreException;

/** Snapshots read straight from a collector's store (SQLite data folder or PostgreSQL). */
public final class StoreSource implements SnapshotSource {
  private static final int PAGE = 500;

  private final Store store;
  private final String name;

  /**
   * @param store the store, closed with this source
   * @param name how it is named in messages
   */
  public StoreSource(Store store, String name) {
    this.store = store;
    this.name = name;
  }

  @Override
  public void each(Filter filter, Sink sink) throws SourceException, IOException {
    long after = 0;
    while (true) {
      Store.Page page;
      try {
        page = store.list(filter.unitCode(), filter.sinceTakenAt(), after, PAGE);
      } catch (StoreException e) {
        throw new SourceException("source.storeFailed", name, e.getMessage());
      }
      for (Store.Entry e : page.items()) {
        sink.accept(
            new Item(
                e.snapshotId(),
                e.unitCode(),
                e.machineId(),
                e.takenAt(),
                e.json().getBytes(StandardCharsets.UTF_8)));
      }
      if (page.next() == null) {
        return;
      }
      after = page.next();
    }
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public void close() {
    store.close();
  }
}
