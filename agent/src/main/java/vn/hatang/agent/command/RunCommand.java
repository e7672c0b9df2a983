package vn.hatang.agent.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.AgentVersion;
import vn.hatang.agent.collect.SnapshotCollector;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.config.AgentConfigLoader;
import vn.hatang.agent.hardware.OshiHardwareProbe;
import vn.hatang.agent.spool.Notices;
import vn.hatang.agent.upload.RunCycle;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;

/**
 * {@code hatang-agent run}: the scheduled task. Sleeps a random delay, collects, spools the
 * snapshot and uploads the spool. Exit 0 once the snapshot is spooled, uploaded or not.
 */
@Command(name = "run", mixinStandardHelpOptions = true, resourceBundle = AgentMain.BUNDLE)
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
  Path config;

  @Option(names = "--no-delay", descriptionKey = "run.option.noDelay")
  boolean noDelay;

  @Option(names = "--force", descriptionKey = "run.option.force")
  boolean force;

  private final Map<String, String> env;
  private final Clock clock;

  /** A command reading the process environment and the system clock. */
  public RunCommand() {
    this(System.getenv(), Clock.systemDefaultZone());
  }

  /** A command reading this environment and clock. */
  public RunCommand(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  @Override
  public Integer call() throws AgentException {
    Messages messages = Messages.of(Locale.getDefault(), AgentMain.BUNDLE);
    PrintWriter err = spec.commandLine().getErr();
    Notices notices = (key, args) -> err.println(messages.get(key, args));
    AgentConfig loaded = AgentConfigLoader.resolve(config, env, System.getProperty("os.name", ""));
    int delaySeconds = loaded.scheduleOrDefaults().randomDelayOrDefault();
    if (!noDelay && delaySeconds > 0) {
      long ms = (long) (ThreadLocalRandom.current().nextDouble() * delaySeconds * 1000);
      notices.notice("run.delay", ms / 1000);
      err.flush();
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    RunCycle cycle =
        new RunCycle(
            new SnapshotCollector(new OshiHardwareProbe(), clock, AgentVersion.version()),
            c -> new LineOptions().measure(c, err),
            clock,
            () -> ThreadLocalRandom.current().nextDouble(),
            notices,
            messages);
    RunCycle.Result result = cycle.run(loaded, ConfigOptions.spoolDir(loaded, env), force);
    PrintWriter out = spec.commandLine().getOut();
    if (result.spooled() == null) {
      return ExitCode.OK.code(); // another run holds the spool; it said so on stderr
    }
    if (result.upload() == null) {
      out.println(
          messages.get("run.summary.spooled", result.spooled().toString(), result.queued()));
    } else {
      out.println(
          messages.get(
              "run.summary",
              result.upload().uploaded(),
              result.upload().kept(),
              result.upload().rejected()));
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
