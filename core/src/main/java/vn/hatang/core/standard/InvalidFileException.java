package vn.hatang.core.standard;

import java.util.List;

/**
 * A data file (standard, units, waivers, attestations, USB catalogue) that cannot be used, with
 * every problem found in it, each with its message key, arguments and {@code file:line:col}.
 */
public abstract class InvalidFileException extends Exception {
  private final List<Problem> problems;

  /**
   * @param problems every problem, in the order found
   * @param ifNone the message when the list is empty
   * @param withArgs whether the message shows the first problem's arguments after its key
   */
  protected InvalidFileException(List<Problem> problems, String ifNone, boolean withArgs) {
    super(
        problems.isEmpty()
            ? ifNone
            : problems.get(0).place()
                + ": "
                + problems.get(0).key()
                + (withArgs ? " " + problems.get(0).args() : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found, each with its {@code file:line:col}. */
  public final List<Problem> problems() {
    return problems;
  }
}
