package vn.hatang.core.waiver;

import java.util.List;
import vn.hatang.core.standard.Problem;

/** A waivers file that cannot be used, with every problem found in it. */
public final class WaiversException extends Exception {
  private final List<Problem> problems;

  public WaiversException(List<Problem> problems) {
    super(
        problems.isEmpty()
            ? "invalid waivers file"
            : problems.get(0).place() + ": " + problems.get(0).key());
    this.problems = List.copyOf(problems);
  }

  /** The problems, each with its {@code file:line:col}. */
  public List<Problem> problems() {
    return problems;
  }
}
