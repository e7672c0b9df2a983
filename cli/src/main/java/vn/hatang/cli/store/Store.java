package vn.hatang.cli.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the collector keeps snapshots and tokens: SQLite ({@code --data DIR}) or PostgreSQL ({@code
 * --db jdbc:postgresql://...}). The contract is in {@code docs/collector.md}: snapshots are kept
 * verbatim beside indexed columns, unique by snapshot id, and {@link #put} returns only once the
 * snapshot is durable. Times are kept to the millisecond (what is read back is truncated so).
 * Implementations are thread-safe; open one with {@link Stores#open}.
 */
public interface Store extends AutoCloseable {
  /** {@code sqlite} or {@code postgresql}. */
  String kind();

  /**
   * Stores a snapshot unless one with the same id is stored already (that one is kept). Returns
   * only once the row is committed.
   *
   * @param snapshot what to store (the store assigns its sequence)
   * @param receivedAt when the collector received it
   * @throws StoreException when the store cannot be written
   */
  PutResult put(NewSnapshot snapshot, Instant receivedAt) throws StoreException;

  /**
   * Snapshots in the order they were received, after the cursor {@code afterSeq} (0 for the first
   * page).
   *
   * @param unitCode only this unit's, or {@code null} for all
   * @param sinceTakenAt only those taken at or after this, or {@code null}
   * @param afterSeq the cursor: only entries with a larger sequence
   * @param limit most entries returned (1 to 1000)
   * @throws IllegalArgumentException when {@code limit} is outside 1 to 1000
   */
  Page list(String unitCode, Instant sinceTakenAt, long afterSeq, int limit) throws StoreException;

  /**
   * The latest snapshot (by taken-at, then sequence) of each machine of a unit, ordered by machine
   * id.
   */
  List<Entry> latestPerMachine(String unitCode) throws StoreException;

  /** The snapshot with this id. */
  Optional<Entry> get(String snapshotId) throws StoreException;

  /** How many snapshots and how many bytes of JSON the store holds. */
  Stats stats() throws StoreException;

  /** Adds a token (its hash only); a token with the same id or hash already stored fails. */
  void addToken(Token token) throws StoreException;

  /** The token whose SHA-256 (lowercase hex of the whole token text) is this. */
  Optional<Token> tokenByHash(String sha256Hex) throws StoreException;

  /** Every token, oldest first. */
  List<Token> tokens() throws StoreException;

  /** Marks the token with this id revoked at {@code at}; false when there is no such token. */
  boolean revokeToken(String id, Instant at) throws StoreException;

  /** Whether the store answers now (for {@code /healthz}). */
  boolean healthy();

  @Override
  void close();

  /** The outcome of {@link #put}. */
  enum PutResult {
    STORED,
    DUPLICATE
  }

  /**
   * A snapshot to store.
   *
   * @param snapshotId the snapshot's id (unique)
   * @param unitCode its unit code ({@code unit.code}), or {@code null}
   * @param machineId its machine id
   * @param takenAt when it was taken
   * @param utf8 the snapshot verbatim, UTF-8 JSON text as received (stored without decoding it)
   */
  record NewSnapshot(
      String snapshotId, String unitCode, String machineId, Instant takenAt, byte[] utf8) {

    /** A snapshot given as text. */
    public NewSnapshot(
        String snapshotId, String unitCode, String machineId, Instant takenAt, String json) {
      this(snapshotId, unitCode, machineId, takenAt, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The snapshot as text. */
    public String json() {
      return new String(utf8, StandardCharsets.UTF_8);
    }
  }

  /**
   * A stored snapshot.
   *
   * @param seq insertion order, the paging cursor
   * @param snapshotId the snapshot's id
   * @param unitCode its unit code, or {@code null}
   * @param machineId its machine id
   * @param takenAt when it was taken
   * @param receivedAt when the collector received it
   * @param sizeBytes bytes of UTF-8 JSON
   * @param sha256 lowercase hex SHA-256 of the JSON bytes
   * @param json the snapshot verbatim
   */
  record Entry(
      long seq,
      String snapshotId,
      String unitCode,
      String machineId,
      Instant takenAt,
      Instant receivedAt,
      long sizeBytes,
      String sha256,
      String json) {}

  /**
   * One page of {@link #list}.
   *
   * @param items the entries, in sequence order
   * @param next the cursor of the next page, or {@code null} when this is the last
   */
  record Page(List<Entry> items, Long next) {}

  /**
   * Snapshot count and JSON bytes.
   *
   * @param snapshots how many snapshots
   * @param bytes the sum of their sizes
   */
  record Stats(long snapshots, long bytes) {}

  /**
   * An access token, without its secret.
   *
   * @param id the public id ({@code hat_<id>_...})
   * @param sha256 lowercase hex SHA-256 of the whole token text
   * @param scope {@code upload} or {@code read}
   * @param unitCode the unit it is bound to, or {@code null} (read tokens for every unit)
   * @param label a free label, or {@code null}
   * @param createdAt when it was created
   * @param expiresAt when it stops working, or {@code null}
   * @param revokedAt when it was revoked, or {@code null}
   */
  record Token(
      String id,
      String sha256,
      String scope,
      String unitCode,
      String label,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt) {
    /** Whether it may be used at {@code now}. */
    public boolean activeAt(Instant now) {
      return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
  }
}
