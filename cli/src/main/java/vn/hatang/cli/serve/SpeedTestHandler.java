package vn.hatang.cli.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The speed-test protocol, version 1:
 *
 * <ul>
 *   <li>{@code GET /api/v1/speed/download?bytes=N}: N incompressible bytes;
 *   <li>{@code POST /api/v1/speed/upload}: the body is counted and discarded; the answer gives the
 *       total, the first and last byte's server times and a sample of the total every 100 ms;
 *   <li>{@code GET /api/v1/speed/ping}: 204, for latency;
 * </ul>
 *
 * Other paths are left to the next handler (the collector, or a JSON 404).
 *
 * <p>Downloads and uploads together are limited to {@link ServeOptions#maxConcurrentTests()} at
 * once (beyond: 429 with {@code Retry-After}) and to {@link ServeOptions#maxTestDuration()} each.
 * Fully asynchronous: no thread waits on a slow client. Thread-safe.
 */
final class SpeedTestHandler extends Handler.Abstract.NonBlocking {
  static final String DOWNLOAD = "/api/v1/speed/download";
  static final String UPLOAD = "/api/v1/speed/upload";
  static final String PING = "/api/v1/speed/ping";

  /** Size of the random source written over and over; large enough to defeat compression. */
  static final int SOURCE_BYTES = 4 << 20;

  /** Bytes per write of a download: large for throughput, small enough to stop on time. */
  private static final int WRITE_BYTES = 1 << 20;

  private static final HttpField NO_STORE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
  private static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  private static final HttpField OCTETS =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/octet-stream");

  private final ServeOptions options;
  private final Metrics metrics;
  private final Semaphore tests;
  private final ByteBuffer source;

  SpeedTestHandler(ServeOptions options, Metrics metrics) {
    this.options = options;
    this.metrics = metrics;
    this.tests = new Semaphore(options.maxConcurrentTests());
    byte[] random = new byte[SOURCE_BYTES];
    // Incompressible is all the test bytes need (a compressing proxy must not inflate the
    // figures); they protect nothing. SplittableRandom fills 4 MiB in ~20 ms where SecureRandom
    // took ~0.6 s on this machine (several seconds under load), before the server listened.
    new SplittableRandom().nextBytes(random);
    // Direct, so that plain-HTTP writes go to the socket without a copy into a temporary buffer.
    ByteBuffer direct = ByteBuffer.allocateDirect(SOURCE_BYTES);
    direct.put(random).flip();
    this.source = direct.asReadOnlyBuffer();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    String method = request.getMethod();
    switch (path == null ? "" : path) {
      case PING -> {
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
          return notAllowed(response, callback, "GET, HEAD");
        }
        metrics.speedTest("ping");
        response.setStatus(HttpStatus.NO_CONTENT_204);
        response.getHeaders().put(NO_STORE);
        callback.succeeded();
      }
      case DOWNLOAD -> {
        if (!HttpMethod.GET.is(method)) {
          return notAllowed(response, callback, "GET");
        }
        metrics.speedTest("download");
        download(request, response, callback);
      }
      case UPLOAD -> {
        if (!HttpMethod.POST.is(method)) {
          return notAllowed(response, callback, "POST");
        }
        metrics.speedTest("upload");
        upload(request, response, callback);
      }
      default -> {
        return false; // not a speed-test path: the collector's, or 404
      }
    }
    return true;
  }

  private void download(Request request, Response response, Callback callback) {
    String text = Request.extractQueryParameters(request).getValue("bytes");
    long bytes;
    try {
      bytes = text == null ? -1 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      bytes = -1;
    }
    if (bytes < 1 || bytes > options.maxDownloadBytes()) {
      error(
          response,
          callback,
          HttpStatus.BAD_REQUEST_400,
          "bytes must be an integer from 1 to " + options.maxDownloadBytes());
      return;
    }
    if (!admit(request, response, callback)) {
      return;
    }
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(OCTETS).put(NO_STORE).put(HttpHeader.CONTENT_LENGTH, bytes);
    Sender sender = new Sender(response, callback, bytes);
    // Past the time limit, close the connection: the client sees a short body, never a hang.
    Scheduler.Task limit =
        request
            .getComponents()
            .getScheduler()
            .schedule(
                () -> {
                  sender.abort(new TimeoutException("download time limit"));
                  request.getConnectionMetaData().getConnection().getEndPoint().close();
                },
                options.maxTestDuration().toMillis(),
                TimeUnit.MILLISECONDS);
    Request.addCompletionListener(request, failure -> limit.cancel());
    sender.iterate();
  }

  private void upload(Request request, Response response, Callback callback) {
    if (request.getLength() > options.maxUploadBytes()) {
      tooLarge(response, callback);
      return;
    }
    if (!admit(request, response, callback)) {
      return;
    }
    long deadlineMs = System.currentTimeMillis() + options.maxTestDuration().toMillis();
    new Receiver(request, response, callback, deadlineMs).run();
  }

  /** Takes a test slot until the exchange completes, or answers 429. */
  private boolean admit(Request request, Response response, Callback callback) {
    if (!tests.tryAcquire()) {
      metrics.speedBusy();
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
      error(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, "busy");
      return false;
    }
    AtomicBoolean released = new AtomicBoolean();
    Request.addCompletionListener(
        request,
        failure -> {
          if (released.compareAndSet(false, true)) {
            tests.release();
          }
        });
    return true;
  }

  private boolean notAllowed(Response response, Callback callback, String allow) {
    response.getHeaders().put(HttpHeader.ALLOW, allow);
    error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "method not allowed");
    return true;
  }

  private void tooLarge(Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    error(
        response,
        callback,
        HttpStatus.PAYLOAD_TOO_LARGE_413,
        "upload larger than " + options.maxUploadBytes() + " bytes");
  }

  private static void error(Response response, Callback callback, int status, String message) {
    json(response, callback, status, "{\"error\":\"" + message + "\"}");
  }

  private static void json(Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    response.getHeaders().put(JSON).put(NO_STORE);
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** Writes a download's body from the random source, one large write at a time. */
  private final class Sender extends IteratingCallback {
    private final Response response;
    private final Callback callback;
    private long remaining;
    private int offset;

    Sender(Response response, Callback callback, long bytes) {
      this.response = response;
      this.callback = callback;
      this.remaining = bytes;
    }

    @Override
    protected Action process() {
      if (remaining == 0) {
        return Action.SUCCEEDED;
      }
      int n = (int) Math.min(remaining, WRITE_BYTES);
      if (offset + n > SOURCE_BYTES) {
        offset = 0;
      }
      ByteBuffer slice = source.slice(offset, n);
      offset += n;
      remaining -= n;
      response.write(remaining == 0, slice, this);
      return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
      callback.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
      callback.failed(cause);
    }
  }

  /**
   * Reads an upload's body as the chunks arrive (one clock read and one addition per chunk),
   * discarding it, then answers with the count and samples.
   */
  private final class Receiver implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long deadlineMs;
    private final UploadCounter counter = new UploadCounter();

    Receiver(Request request, Response response, Callback callback, long deadlineMs) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.deadlineMs = deadlineMs;
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          callback.failed(chunk.getFailure());
          return;
        }
        long nowMs = System.currentTimeMillis();
        counter.add(chunk.remaining(), nowMs);
        boolean last = chunk.isLast();
        chunk.release();
        if (counter.bytes() > options.maxUploadBytes()) {
          tooLarge(response, callback);
          return;
        }
        if (last || nowMs >= deadlineMs) {
          if (!last) {
            // Time is up: answer with what arrived and drop the rest with the connection.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
          }
          json(response, callback, HttpStatus.OK_200, counter.toJson());
          return;
        }
      }
    }
  }
}
