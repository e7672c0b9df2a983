package vn.hatang.core.snapshot;

/** The kind of a physical disk. {@code UNKNOWN} always comes with a reason. */
public enum DiskType {
  SSD,
  HDD,
  UNKNOWN
}
