package vn.hatang.agent.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.config.AgentConfigLoader;
import vn.hatang.agent.spool.Notices;
import vn.hatang.agent.spool.Rejections;
import vn.hatang.agent.upload.SnapshotFiles;
import vn.hatang.agent.upload.UploadRound;
import vn.hatang.agent.upload.Uploader;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;

/**
 * {@code hatang-agent upload DIR}: sends a folder of snapshots (an offline PC's, carried on a USB
 * key) to the collector, oldest first. Exit 0 when every one was acknowledged, 1 when some were
 * kept or rejected.
 */
@Command(name = "upload", mixinStandardHelpOptions = true, resourceBundle = AgentMain.BUNDLE)
public final class UploadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
  Path config;

  @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "upload.param.dir")
  Path dir;

  private final Map<String, String> env;
  private final Clock clock;

  /** A command reading the process environment and the system clock. */
  public UploadCommand() {
    this(System.getenv(), Clock.systemDefaultZone());
  }

  /** A command reading this environment and clock. */
  public UploadCommand(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  @Override
  public Integer call() throws AgentException {
    Messages messages = Messages.of(Locale.getDefault(), AgentMain.BUNDLE);
    PrintWriter err = spec.commandLine().getErr();
    Notices notices = (key, args) -> err.println(messages.get(key, args));
    AgentConfig loaded = AgentConfigLoader.resolve(config, env, System.getProperty("os.name", ""));
    if (loaded.collector() == null) {
      throw new AgentException(ExitCode.INVALID_INPUT, "upload.error.noCollector");
    }
    if (!Files.isDirectory(dir)) {
      throw new AgentException(ExitCode.USAGE, "upload.error.notDirectory", dir.toString());
    }
    List<Path> files;
    try {
      files = SnapshotFiles.oldestFirst(dir);
    } catch (IOException e) {
      throw new AgentException(
          ExitCode.INVALID_INPUT, e, "upload.error.list", dir.toString(), e.toString());
    }
    UploadRound.Summary summary;
    try (Uploader uploader = Uploader.create(loaded.collector(), clock, notices)) {
      summary =
          new UploadRound(uploader, notices, messages, clock)
              .run(files, dir.resolve(Rejections.FOLDER));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        messages.get("run.summary", summary.uploaded(), summary.kept(), summary.rejected()));
    out.flush();
    return summary.kept() == 0 && summary.rejected() == 0
        ? ExitCode.OK.code()
        : ExitCode.DEFICIENCIES.code();
  }
}
