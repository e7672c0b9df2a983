package vn.hatang.agent.line;

import java.io.IOException;

/** Starts {@link SpeedTestServer}s for tests in other packages. */
public final class SpeedTestServers {
  private SpeedTestServers() {}

  /** A speed endpoint on loopback limited to {@code mbps}; close it when done. */
  public static AutoCloseable start(double mbps) throws IOException {
    return new SpeedTestServer(mbps);
  }

  /** The base URL of a server from {@link #start}. */
  public static String url(AutoCloseable server) {
    return ((SpeedTestServer) server).url();
  }
}
