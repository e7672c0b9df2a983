package vn.hatang.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.identity.Role;
import vn.hatang.core.ExitCode;

/**
 * Finds and reads {@code agent.yaml}. Strict: an unknown key or a bad value is an error that names
 * the place ({@code agent.yaml:3:1: unknown key 'unitcode'}). Thread-safe.
 */
public final class AgentConfigLoader {
  /** The environment variable that names the configuration file. */
  public static final String ENV_VAR = "HATANG_AGENT_CONFIG";

  private static final ObjectMapper MAPPER =
      YAMLMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private AgentConfigLoader() {}

  /**
   * Reads the configuration: {@code explicit} when given, else {@code $HATANG_AGENT_CONFIG}, else
   * the platform default (where a missing file means "no configuration").
   *
   * @param explicit the {@code --config} file, or {@code null}
   * @param env the environment
   * @param osName the {@code os.name} system property
   * @throws AgentException (exit 3) when a named file is missing or any file is malformed
   */
  public static AgentConfig resolve(Path explicit, Map<String, String> env, String osName)
      throws AgentException {
    if (explicit != null) {
      return load(explicit);
    }
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return load(Path.of(fromEnv));
    }
    Optional<Path> fallback = defaultPath(env, osName);
    if (fallback.isPresent() && Files.exists(fallback.get())) {
      return load(fallback.get());
    }
    return AgentConfig.empty();
  }

  /**
   * The default location: {@code /etc/hatang/agent.yaml}, or {@code
   * %ProgramData%\hatang\agent.yaml} on Windows.
   */
  public static Optional<Path> defaultPath(Map<String, String> env, String osName) {
    if (osName.startsWith("Windows")) {
      String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
      return Optional.of(Path.of(programData, "hatang", "agent.yaml"));
    }
    return Optional.of(Path.of("/etc/hatang/agent.yaml"));
  }

  /**
   * The default spool folder: {@code /var/lib/hatang/agent}, or {@code %ProgramData%\hatang\agent}
   * on Windows.
   */
  public static Path defaultSpoolDir(Map<String, String> env, String osName) {
    if (osName.startsWith("Windows")) {
      String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
      return Path.of(programData, "hatang", "agent");
    }
    return Path.of("/var/lib/hatang/agent");
  }

  /**
   * Reads one file.
   *
   * @throws AgentException (exit 3) when it is missing, unreadable or malformed
   */
  public static AgentConfig load(Path file) throws AgentException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AgentException(ExitCode.INVALID_INPUT, e, "config.error.missing", file.toString());
    } catch (IOException e) {
      throw new AgentException(
          ExitCode.INVALID_INPUT, e, "config.error.io", file.toString(), e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * Parses YAML text.
   *
   * @param source the file name, for messages
   * @throws AgentException (exit 3) naming {@code source:line:col}
   */
  public static AgentConfig parse(String text, String source) throws AgentException {
    try {
      if (isEmptyDocument(text)) {
        return AgentConfig.empty();
      }
      AgentConfig config = MAPPER.readValue(text, AgentConfig.class);
      if (config == null) {
        return AgentConfig.empty();
      }
      checkLines(config, text, source);
      checkUploadSections(config, text, source);
      return config;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds() == null
              ? ""
              : e.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .collect(Collectors.toCollection(TreeSet::new))
                  .stream()
                  .collect(Collectors.joining(", "));
      throw new AgentException(
          ExitCode.INVALID_INPUT,
          shareable(e, text),
          "config.error.unknownKey",
          where(source, keyLocation(text, e.getPath(), e.getLocation())),
          e.getPropertyName(),
          known);
    } catch (JsonMappingException e) {
      StreamReadException syntax = syntaxCause(e);
      if (syntax != null) {
        throw new AgentException(
            ExitCode.INVALID_INPUT,
            shareable(e, text),
            "config.error.syntax",
            where(source, syntax.getLocation()),
            firstLine(syntax));
      }
      String path =
          e.getPath().stream()
              .map(
                  r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining())
              .replaceFirst("^\\.", "");
      if (path.isEmpty()) {
        // The whole file is a list or a single value: say so rather than quote Jackson.
        throw new AgentException(
            ExitCode.INVALID_INPUT,
            shareable(e, text),
            "config.error.notMapping",
            where(source, e.getLocation()));
      }
      if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
          && mismatch.getTargetType() != null) {
        Class<?> type = mismatch.getTargetType();
        String kind =
            type == String.class
                ? "text"
                : java.util.Collection.class.isAssignableFrom(type)
                    ? "list"
                    : Number.class.isAssignableFrom(type) || type.isPrimitive()
                        ? "number"
                        : "mapping";
        throw new AgentException(
            ExitCode.INVALID_INPUT,
            shareable(e, text),
            "config.error.expected." + kind,
            where(source, keyLocation(text, e.getPath(), e.getLocation())),
            path);
      }
      throw new AgentException(
          ExitCode.INVALID_INPUT,
          shareable(e, text),
          path.equals("role") ? "config.error.role" : "config.error.value",
          where(source, keyLocation(text, e.getPath(), e.getLocation())),
          path,
          path.equals("role") ? Role.ids() : firstLine(e));
    } catch (JsonProcessingException e) {
      throw new AgentException(
          ExitCode.INVALID_INPUT,
          shareable(e, text),
          "config.error.syntax",
          where(source, e.getLocation()),
          firstLine(e));
    } catch (IOException e) {
      throw new AgentException(
          ExitCode.INVALID_INPUT, shareable(e, text), "config.error.io", source, e.getMessage());
    }
  }

  /** Applies {@link LineRules} to every line and rejects duplicate names, naming the place. */
  private static void checkLines(AgentConfig config, String text, String source)
      throws AgentException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < config.lines().size(); i++) {
      AgentConfig.Line line = config.lines().get(i);
      Optional<LineRules.Problem> problem = LineRules.check(line);
      if (problem.isPresent()) {
        LineRules.Problem p = problem.get();
        String pointer = "/lines/" + i + (p.field() == null ? "" : "/" + p.field());
        List<Object> args = new java.util.ArrayList<>();
        args.add(where(source, locate(text, pointer)));
        args.addAll(p.args());
        throw new AgentException(ExitCode.INVALID_INPUT, p.key(), args.toArray());
      }
      if (!seen.add(line.name())) {
        throw new AgentException(
            ExitCode.INVALID_INPUT,
            "config.error.line.duplicate",
            where(source, locate(text, "/lines/" + i + "/name")),
            line.name());
      }
    }
  }

  /** Applies {@link UploadRules} to {@code collector:}, {@code schedule:} and {@code spool:}. */
  private static void checkUploadSections(AgentConfig config, String text, String source)
      throws AgentException {
    Optional<UploadRules.Problem> problem = UploadRules.check(config);
    if (problem.isPresent()) {
      UploadRules.Problem p = problem.get();
      List<Object> args = new java.util.ArrayList<>();
      args.add(where(source, locate(text, p.pointer())));
      args.addAll(p.args());
      throw new AgentException(ExitCode.INVALID_INPUT, p.key(), args.toArray());
    }
  }

  /**
   * Where the key or the mapping at a JSON pointer ({@code /lines/0/streams}, {@code /lines/0})
   * starts in the text, or {@code null}.
   */
  static JsonLocation locate(String text, String pointer) {
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if ((token == JsonToken.FIELD_NAME || token == JsonToken.START_OBJECT)
            && parser.getParsingContext().pathAsPointer().toString().equals(pointer)) {
          return parser.currentTokenLocation();
        }
      }
    } catch (IOException e) {
      // Already parsed once: cannot happen; the message then names the file only.
    }
    return null;
  }

  /**
   * The parser's exception as the cause shown by {@code --verbose}, or {@code null} when the text
   * holds an inline token: YAML parser messages quote the lines around the error.
   */
  private static Throwable shareable(Throwable e, String text) {
    return text.contains("token") ? null : e;
  }

  /** A YAML syntax error that Jackson wrapped while binding, or {@code null}. */
  private static StreamReadException syntaxCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof StreamReadException syntax) {
        return syntax;
      }
    }
    return null;
  }

  private static boolean isEmptyDocument(String text) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      return parser.nextToken() == null;
    }
  }

  /**
   * Where the key at {@code path} starts in the text. Jackson reports where it stopped reading
   * (often the next line); people want the offending key.
   */
  static JsonLocation keyLocation(
      String text, List<JsonMappingException.Reference> path, JsonLocation fallback) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
    }
    String wanted = pointer.toString();
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME
            && parser.getParsingContext().pathAsPointer().toString().equals(wanted)) {
          return parser.currentTokenLocation();
        }
      }
    } catch (IOException e) {
      // The text did parse far enough to fail on a key; keep Jackson's location.
    }
    return fallback;
  }

  /** The first line of Jackson's message, with anything shaped like a token blanked out. */
  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    int nl = message.indexOf('\n');
    return UploadRules.redact(nl < 0 ? message : message.substring(0, nl));
  }

  /** {@code source:line:col}, or {@code source} when the location is unknown. */
  static String where(String source, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return source;
    }
    return source + ":" + location.getLineNr() + ":" + location.getColumnNr();
  }
}
