package vn.hatang.agent.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.collect.SnapshotCollector;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.spool.Backoff;
import vn.hatang.agent.spool.Notices;
import vn.hatang.agent.spool.Spool;
import vn.hatang.agent.spool.SpoolState;
import vn.hatang.agent.spool.StateStore;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

/**
 * One scheduled run of the agent: collect (lines only when the last measurement is older than
 * {@code lineIntervalHours}) → write the snapshot into the spool → upload the spool, oldest first,
 * unless a backoff or a {@code Retry-After} says not yet. The state between runs is in {@code
 * state.json}. Not thread-safe: one run at a time.
 */
public final class RunCycle {
  /** The lock file under the spool root, held for the whole run. */
  public static final String LOCK = "run.lock";

  /** The longest wait a run can set: the backoff's 24 h × 1.5. */
  static final Duration LONGEST_WAIT = Backoff.MAX.multipliedBy(3).dividedBy(2);

  private final SnapshotCollector collector;
  private final Function<AgentConfig, List<LineMeasurement>> lineMeter;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Notices notices;
  private final Messages messages;

  /**
   * What the run did.
   *
   * @param spooled the snapshot file written into the spool, or {@code null} when another run held
   *     the spool (this one did nothing)
   * @param linesMeasured whether lines were measured in this run
   * @param upload the upload round, or {@code null} when none ran (no collector, or not yet)
   * @param postponedUntil when the upload was skipped for a backoff, until when; else {@code null}
   * @param queued snapshots in the spool after the run
   */
  public record Result(
      Path spooled,
      boolean linesMeasured,
      UploadRound.Summary upload,
      Instant postponedUntil,
      int queued) {}

  /**
   * @param collector takes the snapshot
   * @param lineMeter measures the configured lines (never throws)
   * @param clock the time of the run, the backoff and the line interval
   * @param random a number in {@code [0, 1)}, for the backoff's jitter
   * @param notices told of evictions, rejections, postponed uploads
   * @param messages renders reasons into rejection files
   */
  public RunCycle(
      SnapshotCollector collector,
      Function<AgentConfig, List<LineMeasurement>> lineMeter,
      Clock clock,
      DoubleSupplier random,
      Notices notices,
      Messages messages) {
    this.collector = collector;
    this.lineMeter = lineMeter;
    this.clock = clock;
    this.random = random;
    this.notices = notices;
    this.messages = messages;
  }

  /**
   * Runs once.
   *
   * @param spoolDir the spool root
   * @throws AgentException (exit 4) when the snapshot cannot be written into the spool; (exit 3)
   *     when the token or CA file cannot be used (the snapshot is spooled by then)
   */
  public Result run(AgentConfig config, Path spoolDir) throws AgentException {
    return run(config, spoolDir, false);
  }

  /**
   * Runs once, uploading now when {@code force} even during a backoff or a collector's {@code
   * Retry-After} (for a person at the PC after the collector is back; the schedule never forces).
   *
   * @param spoolDir the spool root
   * @throws AgentException as {@link #run(AgentConfig, Path)}
   */
  public Result run(AgentConfig config, Path spoolDir, boolean force) throws AgentException {
    // One run at a time per spool: a manual run during the scheduled one would send the same
    // files twice and overwrite the other's state.
    Path lockFile = spoolDir.resolve(LOCK);
    try {
      Files.createDirectories(spoolDir);
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = tryLock(channel)) {
        if (lock == null) {
          notices.notice("run.busy", lockFile.toString());
          return new Result(null, false, null, null, 0);
        }
        return locked(config, spoolDir, force);
      }
    } catch (IOException e) {
      throw new AgentException(
          ExitCode.INTERNAL, e, "run.error.spool", spoolDir.toString(), e.toString());
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another run in this JVM
    }
  }

  private Result locked(AgentConfig config, Path spoolDir, boolean force) throws AgentException {
    AgentConfig.Spool bounds = config.spoolOrDefaults();
    Spool spool =
        new Spool(spoolDir, bounds.maxFilesOrDefault(), bounds.maxBytesOrDefault(), notices);
    StateStore store = new StateStore(spool.stateFile(), notices);
    SpoolState state = store.read();

    boolean measure = !config.lines().isEmpty() && linesDue(state, config, clock.instant());
    List<LineMeasurement> lines = measure ? lineMeter.apply(config) : List.of();
    if (measure) {
      state = state.withLinesMeasuredAt(clock.instant());
    }
    Snapshot snapshot = collector.collect(config, spoolDir, lines);
    Path spooled;
    try {
      spooled = spool.add(snapshot, SnapshotCodec.write(snapshot));
    } catch (IOException e) {
      throw new AgentException(
          ExitCode.INTERNAL, e, "run.error.spool", spool.queueDir().toString(), e.toString());
    }
    save(store, state);

    if (config.collector() == null) {
      notices.notice("run.noCollector", spool.queueDir().toString());
      return new Result(spooled, measure, null, null, queued(spool));
    }
    Instant now = clock.instant();
    if (!force && !uploadDue(state, now)) {
      notices.notice(
          "run.postponed", shown(state.nextUploadAt()), state.uploadFailures(), queued(spool));
      return new Result(spooled, measure, null, state.nextUploadAt(), queued(spool));
    }
    UploadRound.Summary summary;
    try (Uploader uploader = Uploader.create(config.collector(), clock, notices)) {
      List<Path> files;
      try {
        files = spool.files();
      } catch (IOException e) {
        throw new AgentException(
            ExitCode.INTERNAL, e, "run.error.spool", spool.queueDir().toString(), e.toString());
      }
      summary = new UploadRound(uploader, notices, messages, clock).run(files, spool.rejectedDir());
    }
    now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (summary.failed()) {
      state = state.afterFailure(Backoff.next(now, state.uploadFailures() + 1, random));
      notices.notice("run.backoff", shown(state.nextUploadAt()), state.uploadFailures());
    } else if (summary.stoppedOn() == Outcome.RATE_LIMITED) {
      state = state.waitUntil(now.plusSeconds(summary.retryAfterSeconds()));
    } else {
      state = state.afterSuccess();
    }
    save(store, state);
    return new Result(spooled, measure, summary, null, queued(spool));
  }

  /** An instant as people read it: local time to the second, with its offset. */
  private String shown(Instant instant) {
    return instant
        .atZone(clock.getZone())
        .toOffsetDateTime()
        .truncatedTo(ChronoUnit.SECONDS)
        .toString();
  }

  /**
   * Whether the upload may run now: no wait set, or its end has come. A wait that ends further
   * ahead than any backoff or {@code Retry-After} could set (the clock was set back since) is
   * ignored rather than honoured for months.
   */
  static boolean uploadDue(SpoolState state, Instant now) {
    Instant next = state.nextUploadAt();
    return next == null || !now.isBefore(next) || next.isAfter(now.plus(LONGEST_WAIT));
  }

  /** Whether lines are due: never measured, interval 0, or the interval has passed. */
  static boolean linesDue(SpoolState state, AgentConfig config, Instant now) {
    int hours = config.scheduleOrDefaults().lineIntervalOrDefault();
    Instant last = state.lastLineMeasurementAt();
    return hours == 0
        || last == null
        || last.isAfter(now) // a clock set back: measure rather than wait for years
        || !now.isBefore(last.plus(Duration.ofHours(hours)));
  }

  private void save(StateStore store, SpoolState state) {
    try {
      store.write(state);
    } catch (IOException e) {
      // The snapshot is spooled; a lost state costs an early upload or line measurement only.
      notices.notice("spool.state.writeError", store.file().toString(), e.toString());
    }
  }

  private static int queued(Spool spool) {
    try {
      return spool.files().size();
    } catch (IOException e) {
      return 0;
    }
  }
}
