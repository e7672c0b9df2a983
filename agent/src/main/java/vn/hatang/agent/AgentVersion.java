package vn.hatang.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The agent's version: the jar manifest's {@code Implementation-Version}, else the build-filtered
 * {@code version.properties} (when running from classes, as in tests).
 */
public final class AgentVersion implements IVersionProvider {
  private static final String UNKNOWN = "unknown";

  /** The version text, never {@code null}. */
  public static String version() {
    String fromManifest = AgentVersion.class.getPackage().getImplementationVersion();
    if (fromManifest != null && !fromManifest.isBlank()) {
      return fromManifest;
    }
    try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      String value = properties.getProperty("version");
      return value == null || value.startsWith("${") ? UNKNOWN : value;
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"hatang-agent " + version()};
  }
}
