package vn.hatang.core.standard;

import java.util.Optional;

/**
 * Units a check's value can be written in. Bytes come in decimal (GB, as disks are sold) and binary
 * (GiB, as memory is sold) forms; standards say which they mean. Rates are goodput ({@code Mbps})
 * or a nominal line rate ({@code Mbps nominal}), converted to goodput by the one documented factor
 * 1448/1514 (see {@code docs/standards.md}): no other allowance is made.
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
  GHZ("GHz", Dimension.HERTZ, 1e9),
  KBPS("kbps", Dimension.RATE, 1e-3),
  MBPS("Mbps", Dimension.RATE, 1),
  GBPS("Gbps", Dimension.RATE, 1e3),
  /**
   * A nominal line rate: the goodput a TCP transfer can reach on a link of that rate, 1448 payload
   * bytes in each 1514-byte Ethernet frame (MTU 1500, TCP timestamps) = 0.9564 of the rate.
   */
  MBPS_NOMINAL("Mbps nominal", Dimension.RATE, 1448.0 / 1514.0),
  /** As {@link #MBPS_NOMINAL}, in Gbit/s. */
  GBPS_NOMINAL("Gbps nominal", Dimension.RATE, 1e3 * 1448.0 / 1514.0),
  /** A share, in per cent (0 to 100). */
  PERCENT("%", Dimension.PERCENT, 1),
  MS("ms", Dimension.TIME, 1),
  S("s", Dimension.TIME, 1e3);

  /** What a unit measures. */
  public enum Dimension {
    BYTES,
    HERTZ,
    /** Data rate; base unit Mbit/s of TCP payload (goodput). */
    RATE,
    /** Time; base unit milliseconds. */
    TIME,
    COUNT,
    /** A share; base unit per cent. */
    PERCENT,
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
    for (Unit u : ALL) {
      if (u.symbol.equals(symbol)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /** {@link #values()}, made once (parsed for every check of every snapshot judged). */
  private static final Unit[] ALL = values();
}
