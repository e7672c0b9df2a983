package vn.hatang.core.snapshot;

import java.util.List;

/**
 * A machine's identity.
 *
 * @param hostname the host name the OS reports
 * @param machineId stable id derived from hardware (see {@code docs/snapshot.md}); survives renames
 *     and reinstalls when the hardware reports a real UUID or serial
 * @param machineIdSource what the id was derived from: {@code hardware} (UUID and/or serial) or
 *     {@code mac} (first physical MAC address), or {@code random} as a last resort
 * @param role {@code desktop}, {@code laptop}, {@code server} or {@code virtual}, or {@code null}
 *     when it cannot be told
 * @param tags free labels from the agent's configuration
 */
public record Machine(
    String hostname, String machineId, String machineIdSource, String role, List<String> tags) {
  public Machine {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
