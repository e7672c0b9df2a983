package vn.hatang.core.snapshot;

/**
 * One line's measurement. Filled by line measurement; snapshots without measured lines carry an
 * empty list.
 *
 * @param name line name ({@code internet}, {@code dedicated}, ...)
 * @param endpoint the measurement endpoint URL
 * @param status {@code OK} or the reason class of a failure
 * @param reason why the line could not be measured
 * @param downloadMbps download goodput in megabits per second
 * @param uploadMbps upload goodput in megabits per second, as counted by the receiver
 * @param latencyMs median latency in milliseconds
 * @param jitterMs mean absolute difference of consecutive latency samples, in milliseconds
 */
public record LineMeasurement(
    String name,
    String endpoint,
    String status,
    String reason,
    Double downloadMbps,
    Double uploadMbps,
    Double latencyMs,
    Double jitterMs) {}
