package vn.hatang.core.unit;

import java.util.List;
import vn.hatang.core.standard.InvalidFileException;
import vn.hatang.core.standard.Problem;

/**
 * A units file (or a set of units) that cannot be used, with every problem found, each with its
 * message key, arguments and place ({@code file:line:col}).
 */
public final class UnitsException extends InvalidFileException {
  public UnitsException(List<Problem> problems) {
    super(problems, "invalid units", true);
  }
}
