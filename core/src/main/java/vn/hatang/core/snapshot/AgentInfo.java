package vn.hatang.core.snapshot;

/**
 * The program that wrote a snapshot.
 *
 * @param name program name, {@code hatang-agent}
 * @param version program version
 */
public record AgentInfo(String name, String version) {}
