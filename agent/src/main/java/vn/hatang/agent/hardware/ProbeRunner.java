package vn.hatang.agent.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import vn.hatang.core.snapshot.Diagnostics;

/**
 * Runs probes one at a time, each isolated: a probe that throws is recorded as {@code FAILED} (or
 * {@code UNSUPPORTED}) with its reason, and its value becomes {@code null}. Thread-safe: probes may
 * run on several threads; one runner per collection.
 */
public final class ProbeRunner {
  private static final int MAX_ERROR_LENGTH = 500;

  private final List<Diagnostics.Probe> probes = new ArrayList<>();

  /**
   * Runs one probe and records its outcome.
   *
   * @param name probe name for the diagnostics
   * @param probe the work; may return {@code null} for "read, nothing to report"
   * @return the probe's value, or {@code null} when it failed
   */
  public <T> T run(String name, Callable<T> probe) {
    long start = System.nanoTime();
    try {
      T value = probe.call();
      record(name, "OK", start, null);
      return value;
    } catch (UnsupportedProbeException e) {
      record(name, "UNSUPPORTED", start, e.getMessage());
    } catch (Exception | LinkageError e) {
      // LinkageError: a missing native library must not end the collection.
      record(name, "FAILED", start, describe(e));
    }
    return null;
  }

  /** The outcomes so far, in the order the probes finished. */
  public synchronized List<Diagnostics.Probe> probes() {
    return List.copyOf(probes);
  }

  private synchronized void record(String name, String status, long start, String error) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    probes.add(new Diagnostics.Probe(name, status, ms, error));
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    String text =
        message == null || message.isBlank()
            ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + message.strip();
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }
}
