package vn.hatang.core.standard;

import java.util.Arrays;
import java.util.Optional;

/**
 * Units a check's value can be written in. Bytes come in decimal (GB, as disks are sold) and binary
 * (GiB, as memory is sold) forms; standards say which they mean.
 */
public enum Unit {
  B("B", Dimension.BYTES, 1),
  KB("KB", Dimension.BYTES, 1e3),
  MB("MB", Dimension.BYTES, 1e6),
  GB("GB", Dimension.BYTES, 1e9),
  TB("TB", Dimension.BYTES, 1e12),
  KIB("KiB", Dimension.BYTES, 1024d),
  MIB("MiB", Dimension.BYTES, 1024d * 1024),
  GIB("GiB", Dimension.BYTES, 1024d * 1024 * 1024),
  TIB("TiB", Dimension.BYTES, 1024d * 1024 * 1024 * 1024),
  HZ("Hz", Dimension.HERTZ, 1),
  MHZ("MHz", Dimension.HERTZ, 1e6),
  GHZ("GHz", Dimension.HERTZ, 1e9);

  /** What a unit measures. */
  public enum Dimension {
    BYTES,
    HERTZ,
    COUNT,
    NONE
  }

  private final String symbol;
  private final Dimension dimension;
  private final double factor;

  Unit(String symbol, Dimension dimension, double factor) {
    this.symbol = symbol;
    this.dimension = dimension;
    this.factor = factor;
  }

  public String symbol() {
    return symbol;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** Converts a value in this unit to the base unit (bytes, hertz). */
  public double toBase(double value) {
    return value * factor;
  }

  /** Converts a value in the base unit to this unit. */
  public double fromBase(double value) {
    return value / factor;
  }

  /** Parses a symbol, case-sensitively ({@code GB} and {@code Gb} differ). */
  public static Optional<Unit> parse(String symbol) {
    return Arrays.stream(values()).filter(u -> u.symbol.equals(symbol)).findFirst();
  }
}
