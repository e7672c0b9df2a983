package vn.hatang.agent.hardware;

/**
 * Reads this machine's hardware and OS. Implementations never throw for a single unreadable value:
 * they record the failed probe and leave the value {@code null}.
 */
public interface HardwareProbe {
  /** Reads everything once. Takes from a fraction of a second to a few seconds. */
  HardwareReport collect();
}
