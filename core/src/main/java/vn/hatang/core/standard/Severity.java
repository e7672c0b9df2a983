package vn.hatang.core.standard;

/** How much a failed check matters. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
