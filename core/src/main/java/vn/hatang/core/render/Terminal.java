package vn.hatang.core.render;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import vn.hatang.core.check.State;

/**
 * What a terminal gets and a file or pipe does not: colours (only when standard output is a
 * terminal, {@code NO_COLOR} is not set and {@code TERM} is not {@code dumb}; see no-color.org) and
 * a progress line on standard error.
 */
public final class Terminal {
  private static final String RESET = "\u001b[0m";

  private Terminal() {}

  /** Whether standard output is a terminal, as the launcher says ({@code [ -t 1 ]}). */
  public static boolean stdoutIsTerminal() {
    return said("hatang.stdout.tty");
  }

  /** Whether standard error is a terminal, as the launcher says ({@code [ -t 2 ]}). */
  public static boolean stderrIsTerminal() {
    return said("hatang.stderr.tty");
  }

  /**
   * What the launchers pass ({@code -Dhatang.stdout.tty}, {@code -Dhatang.stderr.tty}); without it,
   * the JVM's console, which needs standard input to be a terminal too, is the best guess.
   */
  private static boolean said(String property) {
    String value = System.getProperty(property);
    return value != null ? Boolean.parseBoolean(value) : System.console() != null;
  }

  /**
   * Whether to colour standard output.
   *
   * @param env the environment ({@code NO_COLOR} set to anything non-empty turns colours off)
   * @param stdoutTerminal whether standard output is a terminal
   */
  public static boolean colour(Map<String, String> env, boolean stdoutTerminal) {
    String noColour = env.get("NO_COLOR");
    return stdoutTerminal
        && (noColour == null || noColour.isEmpty())
        && !"dumb".equals(env.get("TERM"));
  }

  /** A state's word in its colour: PASS green, FAIL bold red, UNKNOWN yellow, WAIVED cyan. */
  public static String colour(State state, String text) {
    String code =
        switch (state) {
          case PASS -> "32";
          case FAIL -> "1;31";
          case UNKNOWN -> "33";
          case WAIVED -> "36";
          case NOT_APPLICABLE -> "2";
        };
    if (text.isBlank()) {
      return text;
    }
    // The codes go around the word only: padding stays plain, so trailing blanks can be cut.
    int start = 0;
    while (text.charAt(start) == ' ') {
      start++;
    }
    int end = text.length();
    while (text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, start)
        + "\u001b["
        + code
        + "m"
        + text.substring(start, end)
        + RESET
        + text.substring(end);
  }

  /**
   * One line of progress on a terminal's standard error, redrawn in place ({@code \r}) and wiped
   * when done; optionally not redrawn more often than an interval. Thread-safe.
   */
  public static final class ProgressLine {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long intervalNanos;
    private int shown;
    private long lastDraw;

    /** A line redrawn at every {@link #show}. */
    public ProgressLine(PrintWriter err) {
      this(err, 0);
    }

    /**
     * @param intervalMillis shortest time between two redraws (the last, 100 %, is always drawn)
     */
    public ProgressLine(PrintWriter err, long intervalMillis) {
      this.err = err;
      this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Shows a fraction done (0 to 1) and what is being done. */
    public synchronized void show(double fraction, String label) {
      long now = System.nanoTime();
      if (shown > 0 && now - lastDraw < intervalNanos && fraction < 1) {
        return;
      }
      lastDraw = now;
      double done = Math.max(0, Math.min(1, fraction));
      int filled = (int) Math.round(done * WIDTH);
      String text =
          String.format(
              Locale.ROOT,
              "[%s%s] %3d%% %s",
              "#".repeat(filled),
              ".".repeat(WIDTH - filled),
              Math.round(done * 100),
              Safe.text(label));
      int width = TextWidth.of(text);
      // Blanks over the rest of a longer previous text.
      err.print("\r" + text + " ".repeat(Math.max(0, shown - width)));
      err.flush();
      shown = Math.max(shown, width);
    }

    /** Wipes the line. */
    public synchronized void done() {
      if (shown > 0) {
        err.print("\r" + " ".repeat(shown) + "\r");
        err.flush();
        shown = 0;
      }
    }
  }
}
