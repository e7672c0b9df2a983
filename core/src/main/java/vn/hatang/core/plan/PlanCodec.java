package vn.hatang.core.plan;

import java.io.IOException;
import vn.hatang.core.report.FrozenJson;

/**
 * Writes and reads remediation plans as JSON (format {@link Plan#FORMAT}, see {@code
 * docs/plan.md}). Reading refuses unknown fields and other format versions: a draft edited by hand
 * with a typo in a key is an error, not an item silently lost.
 */
public final class PlanCodec {
  private PlanCodec() {}

  /** The plan as UTF-8 JSON. */
  public static byte[] write(Plan plan) {
    return FrozenJson.write(plan);
  }

  /**
   * Reads a plan written by {@link #write} (or edited from one).
   *
   * @throws IOException when it is not JSON of this format; the message says where
   */
  public static Plan read(byte[] json) throws IOException {
    Plan p = FrozenJson.read(json, Plan.class);
    if (p.format() != Plan.FORMAT) {
      throw new IOException("plan format " + p.format() + ", expected " + Plan.FORMAT);
    }
    return p;
  }
}
