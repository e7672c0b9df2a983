package vn.hatang.agent.upload;

import java.util.List;

/**
 * The result of one upload attempt. Immutable.
 *
 * @param outcome what to do with the snapshot
 * @param statusCode the HTTP status code, or 0 when no answer came (network, TLS, timeout)
 * @param answer the collector's answer body, at most {@link Uploader#MAX_ANSWER_BYTES} bytes
 * @param retryAfterSeconds for 429: seconds to wait ({@code Retry-After}, or a default), else 0
 * @param errorKey for a network error: the message key of the reason, else {@code null}
 * @param errorArgs the reason's arguments
 */
public record UploadResult(
    Outcome outcome,
    int statusCode,
    byte[] answer,
    long retryAfterSeconds,
    String errorKey,
    List<String> errorArgs) {
  public UploadResult {
    answer = answer == null ? new byte[0] : answer;
    errorArgs = errorArgs == null ? List.of() : List.copyOf(errorArgs);
  }
}
