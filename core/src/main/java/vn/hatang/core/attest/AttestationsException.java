package vn.hatang.core.attest;

import java.util.List;
import vn.hatang.core.standard.InvalidFileException;
import vn.hatang.core.standard.Problem;

/** An attestations file that cannot be used, with every problem found in it. */
public final class AttestationsException extends InvalidFileException {
  public AttestationsException(List<Problem> problems) {
    super(problems, "invalid attestations file", false);
  }
}
