package vn.hatang.agent.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import vn.hatang.agent.line.Throughput.Sample;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.LineMeasurement;

/**
 * Measures one line against a {@code hatang serve} endpoint: idle latency, then download with
 * loaded latency, then upload, each direction over {@code streams} HTTP/1.1 connections for {@code
 * seconds}. The arithmetic is in {@link Throughput}; this class does the I/O.
 *
 * <p>{@link #measure} never throws: whatever goes wrong becomes a measurement whose status says why
 * ({@code DNS}, {@code REFUSED}, {@code TIMEOUT}, {@code TLS}, {@code HTTP_ERROR}, {@code BUSY},
 * {@code STALLED}, {@code ERROR}), and each attempt returns within {@link LineSpec#hardDeadline()}
 * (a busy server may add {@link #BUSY_RETRIES} waits of at most 1.5 × {@link
 * #MAX_RETRY_AFTER_SECONDS}). Thread-safe: every call builds its own HTTP client.
 */
public final class LineMeter {
  /** Connect timeout of every connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Read and write timeout: a stream that moves no byte for this long during a transfer makes the
   * line {@code STALLED}.
   */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  static final String PING_PATH = "/api/v1/speed/ping";
  static final String DOWNLOAD_PATH = "/api/v1/speed/download";
  static final String UPLOAD_PATH = "/api/v1/speed/upload";

  static final int CHUNK_BYTES = 64 * 1024;
  static final long SAMPLE_MS = 100;
  static final long STAGGER_MS = 100;
  static final int PINGS = 21;

  /**
   * Pings sent and dropped before the measured ones: the first sets up the connection, the others
   * let the agent's JVM compile its request path (a cold agent reads about 1 ms high).
   */
  static final int WARM_UP_PINGS = 10;

  static final long LOADED_PING_MS = 250;

  /** Size of one download request; a stream that finishes it early asks again. */
  static final long REQUEST_BYTES = 256L * 1024 * 1024;

  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON = 1000;

  /** A busy server (HTTP 429) is asked again at most this many times per line. */
  static final int BUSY_RETRIES = 2;

  /** The longest {@code Retry-After} waited for, in seconds; a longer one ends the line as BUSY. */
  static final int MAX_RETRY_AFTER_SECONDS = 60;

  /** Waited when a 429 carries no usable {@code Retry-After}, in seconds. */
  static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

  private final Messages messages;
  private final Progress progress;
  private final LongSupplier nanoClock;
  private final Function<LineSpec, Duration> hardDeadline;

  /**
   * @param messages renders the reasons of failed measurements
   * @param progress told how far each line has got
   */
  public LineMeter(Messages messages, Progress progress) {
    this(messages, progress, System::nanoTime, LineSpec::hardDeadline);
  }

  /**
   * As {@link #LineMeter(Messages, Progress)}, with the clock that times everything and the hard
   * deadline of one attempt at a line.
   */
  LineMeter(
      Messages messages,
      Progress progress,
      LongSupplier nanoClock,
      Function<LineSpec, Duration> hardDeadline) {
    this.messages = messages;
    this.progress = progress;
    this.nanoClock = nanoClock;
    this.hardDeadline = hardDeadline;
  }

  /**
   * Measures the lines one after the other (lines measured together would share this PC's network
   * card and CPU); never throws.
   */
  public List<LineMeasurement> measureAll(List<LineSpec> specs) {
    List<LineMeasurement> out = new ArrayList<>();
    for (LineSpec spec : specs) {
      out.add(measure(spec));
    }
    return out;
  }

  /**
   * Measures one line; never throws. A server that answers 429 (busy) is asked again after its
   * {@code Retry-After} plus up to half as much again at random (so that the PCs it turned away
   * together do not come back together), at most {@link #BUSY_RETRIES} times and only when it asks
   * for at most {@link #MAX_RETRY_AFTER_SECONDS}. Each attempt returns within the line's hard
   * deadline.
   */
  public LineMeasurement measure(LineSpec spec) {
    long start = now();
    for (int attempt = 0; ; attempt++) {
      Attempt result = attempt(spec, start);
      OptionalLong wait = result.retryAfterSeconds();
      if (attempt >= BUSY_RETRIES || wait.isEmpty()) {
        return result.measurement();
      }
      long waitMs = wait.getAsLong() * 1000;
      waitMs += (long) (ThreadLocalRandom.current().nextDouble() * waitMs / 2);
      try {
        sleepUntil(now() + waitMs * 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result.measurement();
      }
    }
  }

  /** One attempt's outcome, and when it was refused as busy, how long to wait before the next. */
  private record Attempt(LineMeasurement measurement, OptionalLong retryAfterSeconds) {
    static Attempt of(LineMeasurement measurement) {
      return new Attempt(measurement, OptionalLong.empty());
    }
  }

  private Attempt attempt(LineSpec spec, long start) {
    Duration deadline = hardDeadline.apply(spec);
    Run run;
    try {
      run = new Run(spec, start, deadline);
    } catch (IOException | RuntimeException e) {
      return Attempt.of(failed(spec, Failures.classify(e, spec.endpoint()), start));
    }
    ExecutorService main = Executors.newSingleThreadExecutor(daemon("line-" + spec.name()));
    try {
      Future<LineMeasurement> result = main.submit(run::measure);
      return Attempt.of(result.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      run.abort();
      return Attempt.of(
          failed(
              spec,
              new LineFailure(
                  "TIMEOUT", "line.reason.deadline", String.valueOf(deadline.toSeconds())),
              start));
    } catch (ExecutionException e) {
      run.abort();
      LineFailure failure = Failures.classify(e.getCause(), spec.endpoint());
      return new Attempt(failed(spec, failure, start), retryAfter(failure));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.abort();
      return Attempt.of(failed(spec, Failures.classify(e, spec.endpoint()), start));
    } finally {
      main.shutdownNow();
      run.close();
      progress.update(spec.name(), Progress.Phase.DONE, 1);
    }
  }

  /**
   * Seconds to wait before asking a busy server again: its {@code Retry-After} in seconds (an HTTP
   * date or nothing counts as {@link #DEFAULT_RETRY_AFTER_SECONDS}); empty when the failure is not
   * BUSY or the server asks for longer than {@link #MAX_RETRY_AFTER_SECONDS}.
   */
  static OptionalLong retryAfter(LineFailure failure) {
    if (!"BUSY".equals(failure.status())) {
      return OptionalLong.empty();
    }
    long seconds;
    try {
      seconds = Long.parseLong(failure.args().get(failure.args().size() - 1).trim());
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      seconds = DEFAULT_RETRY_AFTER_SECONDS;
    }
    if (seconds > MAX_RETRY_AFTER_SECONDS) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, seconds));
  }

  private LineMeasurement failed(LineSpec spec, LineFailure failure, long start) {
    String reason = messages.get(failure.key(), failure.args().toArray());
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON);
    }
    return LineMeasurement.failed(
        spec.name(),
        spec.endpoint(),
        spec.bindAddress(),
        failure.status(),
        reason,
        millisSince(start));
  }

  private long now() {
    return nanoClock.getAsLong();
  }

  private long millisSince(long startNanos) {
    return Math.max(0, (now() - startNanos) / 1_000_000);
  }

  private void sleepUntil(long nanos) throws InterruptedException {
    long wait = nanos - now();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static Double round3(Double value) {
    return value == null ? null : round3(value.doubleValue());
  }

  private static LineMeasurement.Transfer rounded(LineMeasurement.Transfer t) {
    return new LineMeasurement.Transfer(
        round3(t.mbps()),
        t.bytes(),
        t.windowMs(),
        t.graceMs(),
        t.intervalMs(),
        t.intervalMbps().stream().map(LineMeter::round3).toList());
  }

  /** One direction's outcome: the transfer, every byte moved, and loaded latency samples. */
  private record Direction(
      LineMeasurement.Transfer transfer, long totalBytes, List<Double> pings) {}

  /** An upload stream's report from the server. */
  private record UploadReport(
      long bytes, long firstByteAtMs, long lastByteAtMs, List<Sample> samples) {}

  /** The state of one line's measurement: its client, its calls in flight, its threads. */
  private final class Run {
    private final LineSpec spec;
    private final long start;
    private final OkHttpClient client;
    private final ExecutorService workers;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean aborted = new AtomicBoolean();

    Run(LineSpec spec, long start, Duration deadline) throws IOException {
      this.spec = spec;
      this.start = start;
      this.workers = Executors.newCachedThreadPool(daemon("line-" + spec.name() + "-io"));
      // Streams plus the latency connection, in each direction.
      int connections = spec.streams() + 2;
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(connections);
      dispatcher.setMaxRequestsPerHost(connections);
      OkHttpClient.Builder builder =
          new OkHttpClient.Builder()
              .protocols(List.of(Protocol.HTTP_1_1))
              .connectTimeout(CONNECT_TIMEOUT)
              .readTimeout(READ_TIMEOUT)
              .writeTimeout(READ_TIMEOUT)
              .callTimeout(deadline)
              .retryOnConnectionFailure(false)
              .connectionPool(new ConnectionPool(connections, 1, TimeUnit.MINUTES))
              .dispatcher(dispatcher)
              .eventListenerFactory(call -> PingTiming.listenerFor(call, nanoClock));
      if (spec.bindAddress() != null) {
        builder.socketFactory(new BoundSocketFactory(InetAddress.getByName(spec.bindAddress())));
      }
      this.client = builder.build();
    }

    LineMeasurement measure() throws Exception {
      progress.update(spec.name(), Progress.Phase.LATENCY, 0);
      List<Double> idle = latency();
      double rtt = Throughput.median(idle);
      long durationMs = spec.seconds() * 1000L;
      long graceMs = Throughput.graceMs(rtt, durationMs);
      Direction down = download(graceMs);
      Direction up = upload(graceMs);
      return new LineMeasurement(
          spec.name(),
          spec.endpoint(),
          spec.bindAddress(),
          "OK",
          null,
          spec.streams(),
          down.transfer().mbps(),
          up.transfer().mbps(),
          round3(Throughput.median(idle)),
          round3(Throughput.min(idle)),
          round3(Throughput.jitter(idle)),
          round3(Throughput.median(down.pings())),
          down.totalBytes() + up.totalBytes(),
          millisSince(start),
          down.transfer(),
          up.transfer(),
          idle.stream().map(LineMeter::round3).toList());
    }

    /**
     * 20 timed pings on one warm connection, after {@link #WARM_UP_PINGS} dropped ones (the first
     * of which sets the connection up).
     */
    private List<Double> latency() throws IOException {
      List<Double> samples = new ArrayList<>();
      for (int i = 0; i < WARM_UP_PINGS; i++) {
        ping();
      }
      for (int i = 0; i < PINGS; i++) {
        double ms = ping();
        if (i > 0) {
          samples.add(ms);
        }
        progress.update(spec.name(), Progress.Phase.LATENCY, 0.05 * (i + 1) / PINGS);
      }
      return samples;
    }

    /**
     * One ping on the warm connection; its round trip in ms, from the moment the request starts to
     * be written to the moment the response headers are read (as a browser's Resource Timing counts
     * it): the client's own call set-up and clean-up stay out of the figure.
     */
    private double ping() throws IOException {
      PingTiming timing = new PingTiming();
      long t0 = now();
      Call call = newCall(request(PING_PATH).tag(PingTiming.class, timing).build());
      try (Response response = call.execute()) {
        checkStatus(response, PING_PATH);
        response.body().bytes();
      } finally {
        calls.remove(call);
      }
      long t1 = now();
      long sent = timing.sent;
      long received = timing.received;
      return (sent != 0 && received > sent ? received - sent : t1 - t0) / 1e6;
    }

    private Request.Builder request(String path) {
      return new Request.Builder()
          .url(spec.endpoint() + path)
          .header("Cache-Control", "no-store")
          // Set explicitly so that OkHttp neither asks for nor inflates gzip: we count wire bytes.
          .header("Accept-Encoding", "identity");
    }

    private Call newCall(Request request) {
      Call call = client.newCall(request);
      calls.add(call);
      if (aborted.get()) {
        call.cancel();
      }
      return call;
    }

    private void checkStatus(Response response, String path) throws LineFailure {
      if (response.code() == 429) {
        String retry = response.header("Retry-After");
        throw new LineFailure("BUSY", "line.reason.busy", path, retry == null ? "?" : retry);
      }
      if (!response.isSuccessful()) {
        throw new LineFailure(
            "HTTP_ERROR", "line.reason.http", String.valueOf(response.code()), path);
      }
    }

    private Direction download(long graceMs) throws Exception {
      long cap = spec.maxBytes() == null ? Long.MAX_VALUE : spec.maxBytes();
      long perRequest =
          spec.maxBytes() == null
              ? REQUEST_BYTES
              : Math.max(CHUNK_BYTES, Math.min(REQUEST_BYTES, cap / spec.streams()));
      AtomicLong total = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      long t0 = now();
      long deadline = t0 + spec.seconds() * 1_000_000_000L;
      List<Future<?>> streams = new ArrayList<>();
      for (int i = 0; i < spec.streams(); i++) {
        long startAt = t0 + i * STAGGER_MS * 1_000_000;
        streams.add(
            workers.submit(
                () -> {
                  sleepUntil(startAt);
                  downloadStream(perRequest, cap, total, stop, deadline);
                  return null;
                }));
      }
      Future<List<Double>> loaded = workers.submit(() -> loadedPings(stop, deadline));
      List<Sample> series = new ArrayList<>();
      series.add(new Sample(0, 0));
      try {
        for (long next = t0 + SAMPLE_MS * 1_000_000; ; next += SAMPLE_MS * 1_000_000) {
          sleepUntil(Math.min(next, deadline));
          long now = now();
          series.add(new Sample((now - t0) / 1_000_000, total.get()));
          progress.update(
              spec.name(),
              Progress.Phase.DOWNLOAD,
              0.05 + 0.45 * Math.min(1, (now - t0) / (double) (deadline - t0)));
          if (now >= deadline || total.get() >= cap || allDone(streams)) {
            break;
          }
        }
      } finally {
        stop.set(true);
        cancelAll();
      }
      for (Future<?> stream : streams) {
        join(stream);
      }
      List<Double> pings;
      try {
        pings = loaded.get(READ_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // Loaded latency is a by-product: the download's figures stand without it.
        pings = List.of();
      }
      long endMs = series.get(series.size() - 1).tMs();
      long fromMs = graceMs < endMs ? graceMs : 0;
      return new Direction(
          rounded(Throughput.transfer(series, 0, fromMs, endMs)), total.get(), pings);
    }

    /** Whether every future is done; rethrows the first failure at once. */
    private boolean allDone(List<? extends Future<?>> futures) throws Exception {
      boolean all = true;
      for (Future<?> f : futures) {
        if (f.isDone()) {
          join(f);
        } else {
          all = false;
        }
      }
      return all;
    }

    private <T> T join(Future<T> future) throws Exception {
      try {
        return future.get(READ_TIMEOUT.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      } catch (TimeoutException e) {
        throw new LineFailure("TIMEOUT", "line.reason.timeout", spec.endpoint());
      }
    }

    private void downloadStream(
        long perRequest, long cap, AtomicLong total, AtomicBoolean stop, long deadline)
        throws IOException {
      byte[] buffer = new byte[CHUNK_BYTES];
      // A stream whose response ends early asks again, so that every stream stays busy.
      while (!stop.get() && now() < deadline && total.get() < cap) {
        Call call = newCall(request(DOWNLOAD_PATH + "?bytes=" + perRequest).get().build());
        boolean inBody = false;
        try (Response response = call.execute()) {
          checkStatus(response, DOWNLOAD_PATH);
          InputStream in = response.body().byteStream();
          inBody = true;
          int n;
          while ((n = in.read(buffer)) != -1) {
            long sum = total.addAndGet(n);
            if (stop.get() || now() >= deadline || sum >= cap) {
              // Cut the body here: cancelling closes the socket instead of draining it.
              call.cancel();
              return;
            }
          }
        } catch (IOException e) {
          if (stop.get() || aborted.get() || now() >= deadline) {
            return;
          }
          if (inBody && e instanceof InterruptedIOException) {
            throw new LineFailure(
                "STALLED",
                "line.reason.stalled.download",
                String.valueOf(READ_TIMEOUT.toSeconds()));
          }
          throw e;
        } finally {
          calls.remove(call);
        }
      }
    }

    /** Pings every 250 ms while the download runs, on the idle warm connection. */
    private List<Double> loadedPings(AtomicBoolean stop, long deadline)
        throws InterruptedException {
      List<Double> samples = new ArrayList<>();
      long next = now() + LOADED_PING_MS * 1_000_000;
      while (!stop.get() && next < deadline) {
        sleepUntil(next);
        if (stop.get()) {
          break;
        }
        try {
          double ms = ping();
          if (!stop.get()) {
            samples.add(ms);
          }
        } catch (IOException e) {
          // A ping lost under load leaves a gap, not a failure.
        }
        next = Math.max(next + LOADED_PING_MS * 1_000_000, now());
      }
      return samples;
    }

    private Direction upload(long graceMs) throws Exception {
      long cap = spec.maxBytes() == null ? Long.MAX_VALUE : spec.maxBytes();
      byte[] random = new byte[1024 * 1024 + CHUNK_BYTES];
      new Random().nextBytes(random);
      AtomicLong sent = new AtomicLong();
      long t0 = now();
      long deadline = t0 + spec.seconds() * 1_000_000_000L;
      List<Future<UploadReport>> streams = new ArrayList<>();
      for (int i = 0; i < spec.streams(); i++) {
        long startAt = t0 + i * STAGGER_MS * 1_000_000;
        int offset = (i * 257 * 1024) % (1024 * 1024);
        streams.add(
            workers.submit(
                () -> {
                  sleepUntil(startAt);
                  return uploadStream(random, offset, sent, cap, deadline);
                }));
      }
      for (long next = t0 + SAMPLE_MS * 1_000_000; ; next += SAMPLE_MS * 1_000_000) {
        sleepUntil(Math.min(next, deadline));
        long now = now();
        progress.update(
            spec.name(),
            Progress.Phase.UPLOAD,
            0.5 + 0.5 * Math.min(1, (now - t0) / (double) (deadline - t0)));
        if (now >= deadline || allDone(streams)) {
          break;
        }
      }
      // The streams stop writing by themselves; their answers carry the server's counts.
      List<UploadReport> reports = new ArrayList<>();
      for (Future<UploadReport> stream : streams) {
        reports.add(join(stream));
      }
      return uploadResult(reports, graceMs);
    }

    private UploadReport uploadStream(
        byte[] random, int offset, AtomicLong sent, long cap, long deadline) throws IOException {
      RequestBody body =
          new RequestBody() {
            @Override
            public MediaType contentType() {
              return OCTET_STREAM;
            }

            @Override
            public long contentLength() {
              return -1; // chunked: the body ends at the deadline
            }

            @Override
            public boolean isOneShot() {
              return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
              int at = offset;
              try {
                while (now() < deadline && sent.get() < cap && !aborted.get()) {
                  sink.write(random, at, CHUNK_BYTES);
                  sink.flush();
                  sent.addAndGet(CHUNK_BYTES);
                  at = (at + CHUNK_BYTES) % (random.length - CHUNK_BYTES);
                }
              } catch (InterruptedIOException e) {
                throw new LineFailure(
                    "STALLED",
                    "line.reason.stalled.upload",
                    String.valueOf(READ_TIMEOUT.toSeconds()));
              }
            }
          };
      Call call = newCall(request(UPLOAD_PATH).post(body).build());
      try (Response response = call.execute()) {
        checkStatus(response, UPLOAD_PATH);
        return parseReport(response.body().bytes());
      } finally {
        calls.remove(call);
      }
    }

    private UploadReport parseReport(byte[] json) throws LineFailure {
      try {
        JsonNode root = JSON.readTree(json);
        long bytes = root.path("bytes").asLong(-1);
        List<Sample> samples = new ArrayList<>();
        for (JsonNode pair : root.path("samples")) {
          samples.add(new Sample(pair.path(0).asLong(), pair.path(1).asLong()));
        }
        if (bytes < 0 || (bytes > 0 && !root.path("firstByteAtMs").canConvertToLong())) {
          throw new LineFailure("ERROR", "line.reason.report", UPLOAD_PATH);
        }
        return new UploadReport(
            bytes,
            root.path("firstByteAtMs").asLong(),
            root.path("lastByteAtMs").asLong(),
            samples);
      } catch (IOException e) {
        if (e instanceof LineFailure failure) {
          throw failure;
        }
        throw new LineFailure("ERROR", "line.reason.report", UPLOAD_PATH);
      }
    }

    /**
     * The upload's figures from the server's counts alone: the streams' series merged on the server
     * clock, window = [earliest first byte + grace, earliest last byte]. The window ends when the
     * first stream has delivered its last byte: until then every stream was sending; after it, the
     * streams still draining their send buffers may not fill the line (a lone stream's congestion
     * window is about a quarter of the path's), and counting that tail read 2-3 points low at 20 ms
     * one-way delay.
     */
    private Direction uploadResult(List<UploadReport> reports, long graceMs) throws LineFailure {
      List<List<Sample>> series = new ArrayList<>();
      long first = Long.MAX_VALUE;
      long firstEnd = Long.MAX_VALUE;
      long lastEnd = Long.MIN_VALUE;
      long total = 0;
      for (UploadReport r : reports) {
        total += r.bytes();
        if (r.bytes() > 0) {
          series.add(
              Throughput.serverSeries(r.firstByteAtMs(), r.lastByteAtMs(), r.bytes(), r.samples()));
          first = Math.min(first, r.firstByteAtMs());
          firstEnd = Math.min(firstEnd, r.lastByteAtMs());
          lastEnd = Math.max(lastEnd, r.lastByteAtMs());
        }
      }
      if (series.isEmpty() || lastEnd <= first) {
        throw new LineFailure("ERROR", "line.reason.noUpload", UPLOAD_PATH);
      }
      long last = Throughput.windowEnd(first + graceMs, firstEnd, lastEnd);
      long from = first + graceMs < last ? first + graceMs : first;
      return new Direction(
          rounded(Throughput.transfer(Throughput.merge(series), first, from, last)),
          total,
          List.of());
    }

    private void cancelAll() {
      for (Call call : calls) {
        call.cancel();
      }
    }

    void abort() {
      aborted.set(true);
      cancelAll();
      workers.shutdownNow();
    }

    void close() {
      aborted.set(true);
      cancelAll();
      workers.shutdownNow();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
