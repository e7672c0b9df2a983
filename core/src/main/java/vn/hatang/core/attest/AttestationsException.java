package vn.hatang.core.attest;

import java.util.List;
import vn.hatang.core.standard.Problem;

/** An attestations file that cannot be used, with every problem found in it. */
public final class AttestationsException extends Exception {
  private final List<Problem> problems;

  public AttestationsException(List<Problem> problems) {
    super(
        problems.isEmpty()
            ? "invalid attestations file"
            : problems.get(0).place() + ": " + problems.get(0).key());
    this.problems = List.copyOf(problems);
  }

  /** The problems, each with its {@code file:line:col}. */
  public List<Problem> problems() {
    return problems;
  }
}
