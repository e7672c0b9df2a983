package vn.hatang.cli.serve;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import vn.hatang.cli.store.Store;

/**
 * The collector's counters, rendered in the Prometheus text exposition format 0.0.4 for {@code GET
 * /metrics}. Thread-safe.
 */
public final class Metrics {
  /** Content type of {@link #render}. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> speedTests = new ConcurrentHashMap<>();
  private final LongAdder speedBusy = new LongAdder();

  /** A snapshot was accepted: {@code stored} or {@code duplicate}. */
  void received(String outcome) {
    received.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  /** An upload was refused, for this reason (the {@code status} of the answer). */
  void rejected(String reason) {
    rejected.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  /** A speed test started: {@code download}, {@code upload} or {@code ping}. */
  void speedTest(String kind) {
    speedTests.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** A speed test was refused because the server was busy (429). */
  void speedBusy() {
    speedBusy.increment();
  }

  /** The counters, and the store's size when it answers ({@code hatang_store_up} says). */
  String render(Store store) {
    StringBuilder out = new StringBuilder();
    family(
        out,
        "hatang_snapshots_received_total",
        "counter",
        "Snapshots accepted, by outcome.",
        "outcome",
        received);
    family(
        out,
        "hatang_snapshots_rejected_total",
        "counter",
        "Uploads refused, by reason.",
        "reason",
        rejected);
    family(
        out,
        "hatang_speed_tests_total",
        "counter",
        "Speed-test requests served, by kind.",
        "kind",
        speedTests);
    out.append("# HELP hatang_speed_tests_busy_total Speed tests refused as busy (429).\n")
        .append("# TYPE hatang_speed_tests_busy_total counter\n")
        .append("hatang_speed_tests_busy_total ")
        .append(speedBusy.sum())
        .append('\n');
    if (store != null) {
      Store.Stats stats = null;
      try {
        stats = store.stats();
      } catch (Exception e) {
        // Reported as hatang_store_up 0.
      }
      gauge(
          out, "hatang_store_up", "Whether the store answered this scrape.", stats == null ? 0 : 1);
      if (stats != null) {
        gauge(out, "hatang_store_snapshots", "Snapshots in the store.", stats.snapshots());
        gauge(out, "hatang_store_bytes", "Bytes of snapshot JSON in the store.", stats.bytes());
      }
    }
    return out.toString();
  }

  private static void family(
      StringBuilder out,
      String name,
      String type,
      String help,
      String label,
      Map<String, LongAdder> values) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(values).entrySet()) {
      // Label values are this program's own words; escaped all the same.
      String value = e.getKey().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
      out.append(
          String.format(Locale.ROOT, "%s{%s=\"%s\"} %d\n", name, label, value, e.getValue().sum()));
    }
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    out.append(name).append(' ').append(value).append('\n');
  }
}
