package vn.hatang.agent.hardware;

import java.util.List;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.Peripherals.Printer;

/** Platforms without a dedicated reader (macOS, BSD): OSHI's readings only. */
final class GenericPlatform implements PlatformReader {
  private final String family;

  GenericPlatform(String family) {
    this.family = family;
  }

  @Override
  public String family() {
    return family;
  }

  @Override
  public String bootMode() throws UnsupportedProbeException {
    throw unsupported();
  }

  @Override
  public Boolean secureBoot(String bootMode) throws UnsupportedProbeException {
    throw unsupported();
  }

  @Override
  public String tpmVersion() throws UnsupportedProbeException {
    throw unsupported();
  }

  @Override
  public String chassis() throws UnsupportedProbeException {
    throw unsupported();
  }

  @Override
  public List<Printer> printers() throws UnsupportedProbeException {
    throw unsupported();
  }

  @Override
  public List<AntivirusProduct> antivirus() throws UnsupportedProbeException {
    throw unsupported();
  }

  private UnsupportedProbeException unsupported() {
    return new UnsupportedProbeException("not read on " + family);
  }
}
