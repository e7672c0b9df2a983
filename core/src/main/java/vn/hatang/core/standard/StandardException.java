package vn.hatang.core.standard;

import java.util.List;

/** A standards or reference file that cannot be used, with every problem found in it. */
public final class StandardException extends InvalidFileException {
  public StandardException(List<Problem> problems) {
    super(problems, "invalid standard", false);
  }
}
