package vn.hatang.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@code hatang} in-process and keeps what it printed. */
record Cli(int exit, String out, String err, byte[] bytes) {
  Cli(int exit, String out, String err) {
    this(exit, out, err, new byte[0]);
  }

  /**
   * Runs with standard output also as bytes (binary formats), going to a terminal or not; {@link
   * #bytes} holds what was written there, text and bytes, as {@code main} has it; {@link #out} is
   * that read as UTF-8.
   */
  static Cli runBinary(boolean terminal, String... args) {
    return runTerminal(Map.of(), terminal, args);
  }

  /** As {@link #runBinary}, with an environment ({@code NO_COLOR}, {@code TERM}). */
  static Cli runTerminal(Map<String, String> env, boolean terminal, String... args) {
    StringWriter err = new StringWriter();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    // As main: the text writer and the byte stream are one standard output.
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    int code =
        HatangMain.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            out,
            new PrintWriter(err, true),
            env,
            new HatangMain.Stdout(bytes, terminal));
    out.flush();
    return new Cli(
        code, bytes.toString(StandardCharsets.UTF_8), err.toString(), bytes.toByteArray());
  }

  static Cli run(String... args) {
    return runWithInput("", Map.of(), args);
  }

  static Cli runWithInput(String stdin, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        HatangMain.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            env);
    return new Cli(code, out.toString(), err.toString());
  }
}
