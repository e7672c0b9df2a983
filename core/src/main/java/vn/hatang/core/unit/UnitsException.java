package vn.hatang.core.unit;

import java.util.List;
import vn.hatang.core.standard.Problem;

/**
 * A units file (or a set of units) that cannot be used, with every problem found, each with its
 * message key, arguments and place ({@code file:line:col}).
 */
public final class UnitsException extends Exception {
  private final List<Problem> problems;

  public UnitsException(List<Problem> problems) {
    super(
        problems.isEmpty()
            ? "invalid units"
            : problems.get(0).place()
                + ": "
                + problems.get(0).key()
                + " "
                + problems.get(0).args());
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found. */
  public List<Problem> problems() {
    return problems;
  }
}
