package vn.hatang.core.standard;

import java.util.List;

/** A standards or reference file that cannot be used, with every problem found in it. */
public final class StandardException extends Exception {
  private final List<Problem> problems;

  public StandardException(List<Problem> problems) {
    super(
        problems.isEmpty()
            ? "invalid standard"
            : problems.get(0).place() + ": " + problems.get(0).key());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
