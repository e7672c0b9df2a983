package vn.hatang.agent.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.config.AgentConfigLoader;
import vn.hatang.agent.identity.Role;

/** The configuration file and the flags that override it. */
public final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
  Path config;

  @Option(names = "--unit-code", paramLabel = "CODE", descriptionKey = "option.unitCode")
  String unitCode;

  @Option(names = "--unit-name", paramLabel = "NAME", descriptionKey = "option.unitName")
  String unitName;

  @Option(names = "--unit-level", paramLabel = "LEVEL", descriptionKey = "option.unitLevel")
  String unitLevel;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      converter = RoleConverter.class,
      descriptionKey = "option.role")
  Role role;

  @Option(names = "--tag", paramLabel = "TAG", descriptionKey = "option.tag")
  List<String> tags = new ArrayList<>();

  /**
   * The configuration with these flags applied.
   *
   * @throws AgentException (exit 3) when the file is missing or malformed
   */
  public AgentConfig load(Map<String, String> env) throws AgentException {
    AgentConfig base = AgentConfigLoader.resolve(config, env, System.getProperty("os.name", ""));
    return base.withOverrides(unitCode, unitName, unitLevel, role, tags);
  }

  /** The spool folder: configured, else the platform default. */
  public static Path spoolDir(AgentConfig config, Map<String, String> env) {
    return config.spoolDir() != null
        ? Path.of(config.spoolDir())
        : AgentConfigLoader.defaultSpoolDir(env, System.getProperty("os.name", ""));
  }
}
