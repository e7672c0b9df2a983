package vn.hatang.core.waiver;

import java.util.List;
import vn.hatang.core.standard.InvalidFileException;
import vn.hatang.core.standard.Problem;

/** A waivers file that cannot be used, with every problem found in it. */
public final class WaiversException extends InvalidFileException {
  public WaiversException(List<Problem> problems) {
    super(problems, "invalid waivers file", false);
  }
}
