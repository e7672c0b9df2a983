package vn.hatang.core.snapshot;

import java.util.List;

/**
 * One line's measurement (see {@code docs/snapshot.md}, "lines"): goodput down and up, idle and
 * loaded latency, jitter, with the per-interval samples kept for diagnosis. A line that could not
 * be measured has a {@code status} other than {@code OK}, a {@code reason}, and no figures.
 *
 * @param name line name ({@code internet}, {@code dedicated}, ...)
 * @param endpoint the measurement endpoint URL (no credentials)
 * @param localAddress the local address the measurement was bound to, or {@code null}
 * @param status {@code OK}, or why not: {@code DNS}, {@code REFUSED}, {@code TIMEOUT}, {@code TLS},
 *     {@code HTTP_ERROR}, {@code STALLED}, {@code BUSY}, {@code ERROR}
 * @param reason for people, when the status is not {@code OK}
 * @param streams parallel TCP connections per direction
 * @param downloadMbps download goodput in megabits per second (10^6 bit/s)
 * @param uploadMbps upload goodput in megabits per second, as counted by the receiver
 * @param latencyMs median idle latency in milliseconds (HTTP round trip on a warm connection)
 * @param latencyMinMs minimum idle latency in milliseconds
 * @param jitterMs mean absolute difference of consecutive idle latency samples, in milliseconds
 * @param loadedLatencyMs median latency sampled during the download, in milliseconds
 * @param bytesMoved all bytes moved by the measurement, both directions, grace periods included
 * @param durationMs how long the whole measurement took, in milliseconds
 * @param download the download's details
 * @param upload the upload's details
 * @param latencySamplesMs the idle latency samples, in milliseconds
 */
public record LineMeasurement(
    String name,
    String endpoint,
    String localAddress,
    String status,
    String reason,
    Integer streams,
    Double downloadMbps,
    Double uploadMbps,
    Double latencyMs,
    Double latencyMinMs,
    Double jitterMs,
    Double loadedLatencyMs,
    Long bytesMoved,
    Long durationMs,
    Transfer download,
    Transfer upload,
    List<Double> latencySamplesMs) {

  public LineMeasurement {
    latencySamplesMs = latencySamplesMs == null ? null : List.copyOf(latencySamplesMs);
  }

  /** A line that could not be measured. */
  public static LineMeasurement failed(
      String name,
      String endpoint,
      String localAddress,
      String status,
      String reason,
      long durationMs) {
    return new LineMeasurement(
        name,
        endpoint,
        localAddress,
        status,
        reason,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        durationMs,
        null,
        null,
        null);
  }

  /** Whether the line was measured. */
  public boolean ok() {
    return "OK".equals(status);
  }

  /**
   * One direction of a transfer.
   *
   * @param mbps goodput over the measured window, megabits per second
   * @param bytes bytes counted in the measured window
   * @param windowMs length of the measured window (after the grace period), milliseconds
   * @param graceMs the discarded start (TCP slow start), milliseconds
   * @param intervalMs length of one sample interval, milliseconds
   * @param intervalMbps goodput of each interval from the start, grace period included
   */
  public record Transfer(
      Double mbps,
      Long bytes,
      Long windowMs,
      Long graceMs,
      Integer intervalMs,
      List<Double> intervalMbps) {
    public Transfer {
      intervalMbps = intervalMbps == null ? null : List.copyOf(intervalMbps);
    }
  }
}
