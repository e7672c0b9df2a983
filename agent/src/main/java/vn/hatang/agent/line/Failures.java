package vn.hatang.agent.line;

import java.io.InterruptedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Sorts what went wrong during a measurement into the statuses of {@link
 * vn.hatang.core.snapshot.LineMeasurement}. Pure and thread-safe.
 */
public final class Failures {
  private Failures() {}

  /**
   * The failure for a throwable: our own {@link LineFailure} as it is, else by the first known type
   * in the cause chain ({@code DNS}, {@code REFUSED}, {@code TIMEOUT}, {@code TLS}), else {@code
   * ERROR}.
   *
   * @param e what was thrown
   * @param endpoint the line's endpoint, for the reason
   */
  public static LineFailure classify(Throwable e, String endpoint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LineFailure failure) {
        return failure;
      }
      if (t instanceof UnknownHostException) {
        return new LineFailure("DNS", "line.reason.dns", host(endpoint));
      }
      if (t instanceof SSLException) {
        return new LineFailure("TLS", "line.reason.tls", endpoint, message(t));
      }
      if (t instanceof BindException) {
        return new LineFailure("ERROR", "line.reason.bind", message(t));
      }
      // SocketTimeoutException (connect, read, write) is an InterruptedIOException, and so is
      // OkHttp's call timeout.
      if (t instanceof InterruptedIOException
          || (t instanceof ConnectException && message(t).contains("timed out"))) {
        return new LineFailure("TIMEOUT", "line.reason.timeout", endpoint);
      }
      if (t instanceof NoRouteToHostException) {
        return new LineFailure("ERROR", "line.reason.noRoute", endpoint);
      }
      if (t instanceof ConnectException) {
        return new LineFailure("REFUSED", "line.reason.refused", endpoint);
      }
    }
    return new LineFailure("ERROR", "line.reason.error", e.getClass().getSimpleName(), message(e));
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? "" : t.getMessage();
  }

  private static String host(String endpoint) {
    try {
      String host = java.net.URI.create(endpoint).getHost();
      return host == null ? endpoint : host;
    } catch (IllegalArgumentException e) {
      return endpoint;
    }
  }
}
