package vn.hatang.core.standard;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a check compares the measured value with the required one. Spelled in standards as {@link
 * #symbol()}.
 */
public enum Operator {
  GE(">="),
  GT(">"),
  LE("<="),
  LT("<"),
  EQ("=="),
  NE("!="),
  IN("in"),
  NOT_IN("not in"),
  MATCHES("matches"),
  VERSION_GE("version >="),
  DATE_BEFORE("date before"),
  DATE_AFTER("date after");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** The spelling in a standards file. */
  public String symbol() {
    return symbol;
  }

  /** Parses a spelling; whitespace between words is normalised. */
  public static Optional<Operator> parse(String text) {
    String norm = text == null ? "" : text.trim().replaceAll("\\s+", " ");
    return Arrays.stream(values()).filter(o -> o.symbol.equals(norm)).findFirst();
  }

  /** Whether the operator orders numbers ({@code >=, >, <=, <}). */
  public boolean isOrdering() {
    return this == GE || this == GT || this == LE || this == LT;
  }
}
