package vn.hatang.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.hatang.cli.check.CheckService;
import vn.hatang.cli.check.FileProgress;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.Message;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;

/**
 * Reads snapshots one at a time from files, folders (recursively, {@code *.json}), standard input
 * and stored items, and hands each valid one to a consumer: nothing is kept but the ids seen and
 * where (a snapshot named twice is taken once). An unreadable input is recorded with its place and
 * the others are still read.
 *
 * <p>Work that depends on one snapshot alone (a report judging it) can be done <em>ahead</em>, on
 * the threads that parse a folder's files: the consumer then gets each snapshot with what {@code
 * ahead} made of it, still in file order.
 *
 * @param <T> what {@code ahead} makes of a snapshot
 */
public final class SnapshotStream<T> {
  /** Work on one snapshot read from {@code source}; thread-safe. */
  @FunctionalInterface
  public interface Ahead<T> {
    T apply(String source, Snapshot snapshot);
  }

  private final Ahead<T> ahead;
  private final BiConsumer<Snapshot, T> consumer;
  private final List<InputError> errors = new ArrayList<>();
  private final List<InputError> notices = new ArrayList<>();
  private final Map<UUID, String> seen = new HashMap<>();
  private long read;
  private FileProgress progress = FileProgress.NONE;
  private FolderWalks walks = FolderWalks.NONE;

  /**
   * @param ahead thread-safe work on one snapshot, done as it is parsed (may return {@code null})
   * @param consumer takes each valid snapshot, in input order, with what {@code ahead} made of it
   */
  public SnapshotStream(Function<Snapshot, T> ahead, BiConsumer<Snapshot, T> consumer) {
    this((source, s) -> ahead.apply(s), consumer);
  }

  /**
   * @param ahead thread-safe work on one snapshot and where it was read, done as it is parsed
   * @param consumer takes each valid snapshot, in input order, with what {@code ahead} made of it
   */
  public SnapshotStream(Ahead<T> ahead, BiConsumer<Snapshot, T> consumer) {
    this.ahead = ahead;
    this.consumer = consumer;
  }

  /** A stream that hands each valid snapshot to {@code consumer}, with nothing done ahead. */
  public static SnapshotStream<Void> of(Consumer<Snapshot> consumer) {
    return new SnapshotStream<>(s -> null, (s, nothing) -> consumer.accept(s));
  }

  /** Tells {@code progress} how far through each folder the stream is. */
  public SnapshotStream<T> progress(FileProgress p) {
    this.progress = p;
    return this;
  }

  /** Inputs that could not be read, in order. */
  public List<InputError> errors() {
    return List.copyOf(errors);
  }

  /** Snapshots skipped as already read. */
  public List<InputError> notices() {
    return List.copyOf(notices);
  }

  /** Takes the folders' file lists from {@code w} where they were walked ahead. */
  public SnapshotStream<T> walks(FolderWalks w) {
    this.walks = w;
    return this;
  }

  /** Valid snapshots handed on. */
  public long read() {
    return read;
  }

  /** Reads a path: a file, a folder, or {@code -} for {@code stdin}. */
  public void path(String p, InputStream stdin) {
    if (p.equals("-")) {
      take(CheckService.STDIN, name -> SnapshotCodec.read(CheckService.readBounded(stdin), name));
      return;
    }
    Path path = Path.of(p);
    if (!Files.isDirectory(path)) {
      take(p, name -> SnapshotCodec.read(CheckService.readFile(path), name));
      return;
    }
    // A pipeline: the next batch of a folder's files is read, parsed and worked on ahead on a pool
    // of one thread per processor (independent per file; the codec and `ahead` are thread-safe)
    // while this thread hands on the current one, in file order, so that the consumer sees what a
    // sequential read gives it. Not the common pool: it has one thread fewer than processors, so
    // that on two the parsing had one thread while this one mostly waited.
    FolderWalks.Listing walked = walks.take(p);
    List<Path> found;
    if (walked != null) {
      errors.addAll(walked.errors());
      found = walked.files();
    } else {
      found = CheckService.jsonFiles(path, errors, p);
    }
    // Each file's input made when its batch is parsed, on the parsing threads.
    List<Input> files =
        new AbstractList<>() {
          @Override
          public Input get(int i) {
            Path f = found.get(i);
            return new Input(f.toString(), name -> readBuffered(f, name));
          }

          @Override
          public int size() {
            return found.size();
          }
        };
    pipeline(files);
  }

  /**
   * Reads snapshots already fetched (a collector's, a store's), in this order, parsed ahead in
   * parallel as a folder's files are.
   *
   * @param items each one's source (for messages) and bytes
   */
  public void stored(List<Map.Entry<String, byte[]>> items) {
    List<Input> inputs = new ArrayList<>(items.size());
    for (Map.Entry<String, byte[]> item : items) {
      byte[] json = item.getValue();
      inputs.add(new Input(item.getKey(), name -> SnapshotCodec.read(json, name)));
    }
    pipeline(inputs);
  }

  /** One input: how it is named, and how to fetch its bytes. */
  private record Input(String source, Source snapshot) {}

  private void pipeline(List<Input> inputs) {
    if (inputs.isEmpty()) {
      return;
    }
    // A worker thread that dies of an error outside its task (out of memory in the pool's own
    // code) takes its queued work with it, and that work's future would never complete: its error
    // is kept, and the wait below throws it here instead of waiting for ever.
    AtomicReference<Throwable> died = new AtomicReference<>();
    ForkJoinPool pool =
        new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            ForkJoinPool.defaultForkJoinWorkerThreadFactory,
            (thread, error) -> died.compareAndSet(null, error),
            false);
    try {
      pipeline(inputs, pool, died);
    } finally {
      pool.shutdownNow();
      progress.finished();
    }
  }

  private void pipeline(List<Input> files, ForkJoinPool pool, AtomicReference<Throwable> died) {
    CompletableFuture<List<Parsed<T>>> next = parseAsync(files, 0, pool);
    for (int from = 0; from < files.size(); from += BATCH) {
      // What parse does not turn into an input error (a bug, out of memory): as if read here.
      List<Parsed<T>> current = joinHere(next, died);
      next = parseAsync(files, from + BATCH, pool);
      progress.files(from, files.size());
      current.forEach(this::deliver);
    }
  }

  /**
   * Waits for work done on another thread; what it threw is thrown here as it was (unchecked), as
   * if the work had been done on this thread.
   */
  public static <V> V joinHere(CompletableFuture<V> work) {
    return joinHere(work, new AtomicReference<>());
  }

  /**
   * {@link #joinHere(CompletableFuture)}, for work on a pool whose threads may die: once one has
   * died (its error in {@code died}), the wait ends with that error rather than lasting for ever.
   */
  static <V> V joinHere(CompletableFuture<V> work, AtomicReference<Throwable> died) {
    try {
      while (true) {
        try {
          return work.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
          Throwable error = died.get();
          if (error instanceof Error err) {
            throw err;
          }
          if (error != null) {
            throw new IllegalStateException("a worker thread died", error);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a worker thread", e);
    } catch (ExecutionException e) {
      // What the work threw, as it was (unchecked).
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new CompletionException(e.getCause());
    }
  }

  private CompletableFuture<List<Parsed<T>>> parseAsync(
      List<Input> files, int from, ForkJoinPool pool) {
    if (from >= files.size()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<Input> batch = files.subList(from, Math.min(files.size(), from + BATCH));
    return CompletableFuture.supplyAsync(
        () -> batch.parallelStream().map(in -> parse(in.source(), in.snapshot())).toList(), pool);
  }

  /** Files parsed in parallel at a time: bounds the snapshots held before they are handed on. */
  public static final int BATCH = 256;

  /** How one input's snapshot is read and parsed. */
  private interface Source {
    Snapshot read(String name) throws IOException, SnapshotException;
  }

  /**
   * Each parsing thread's buffer for a folder's files, read into one after another (at 100,000
   * files, a new array for each was a fifth of what a run allocated).
   */
  private static final ThreadLocal<CheckService.ReadBuffer> BUFFERS =
      ThreadLocal.withInitial(CheckService.ReadBuffer::new);

  private static Snapshot readBuffered(Path file, String name)
      throws IOException, SnapshotException {
    CheckService.ReadBuffer buffer = BUFFERS.get();
    CheckService.readFile(file, buffer);
    return SnapshotCodec.read(buffer.bytes(), buffer.length(), name);
  }

  private void take(String source, Source snapshot) {
    deliver(parse(source, snapshot));
  }

  /** One input read: its snapshot and what was made of it ahead, or why there is none. */
  private record Parsed<T>(String source, Snapshot snapshot, T ahead, InputError error) {}

  /**
   * Reads and parses one input and does the work ahead; touches no state of the stream but the
   * thread-safe {@code ahead} (runs in parallel).
   */
  private Parsed<T> parse(String source, Source snapshot) {
    Snapshot s;
    try {
      s = snapshot.read(source);
    } catch (SnapshotException e) {
      return failed(source, new InputError(source, e.where(), new Message(e.key(), e.args())));
    } catch (NoSuchFileException e) {
      return failed(source, new InputError(source, null, Message.of("input.notFound")));
    } catch (IOException e) {
      return failed(
          source,
          new InputError(
              source, null, Message.of("snapshot.error.io", String.valueOf(e.getMessage()))));
    }
    return new Parsed<>(source, s, ahead.apply(source, s), null);
  }

  private Parsed<T> failed(String source, InputError error) {
    return new Parsed<>(source, null, null, error);
  }

  private void deliver(Parsed<T> p) {
    if (p.error() != null) {
      errors.add(p.error());
      return;
    }
    Snapshot s = p.snapshot();
    String first = seen.putIfAbsent(s.snapshotId(), p.source());
    if (first != null) {
      notices.add(
          new InputError(
              p.source(), null, Message.of("input.duplicate", s.snapshotId().toString(), first)));
      return;
    }
    read++;
    consumer.accept(s, p.ahead());
  }
}
