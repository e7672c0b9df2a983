package vn.hatang.cli.store;

/** The store could not be read or written (the collector answers 5xx, a command exits 4). */
public final class StoreException extends Exception {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
