package vn.hatang.agent.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The last-resort machine id: 32 random hex digits, created once and kept in the spool folder as
 * {@code machine-id}.
 */
public final class RandomIdStore {
  /** The file name inside the spool folder. */
  public static final String FILE_NAME = "machine-id";

  private static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");

  private final Path file;

  /** A store in this spool folder. */
  public RandomIdStore(Path spoolDir) {
    this.file = Objects.requireNonNull(spoolDir).resolve(FILE_NAME);
  }

  /**
   * Returns the persisted id, creating it (and the spool folder) on first use.
   *
   * @throws IOException when the folder cannot be written or the file holds something else
   */
  public String getOrCreate() throws IOException {
    if (Files.exists(file)) {
      return read();
    }
    Files.createDirectories(file.getParent());
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    try {
      // CREATE_NEW: if two agents race, the first one's id wins.
      Files.writeString(file, id + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
      return id;
    } catch (FileAlreadyExistsException e) {
      return read();
    }
  }

  private String read() throws IOException {
    String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!ID.matcher(id).matches()) {
      throw new IOException(file + ": not a machine id (expected 32 hex digits)");
    }
    return id;
  }
}
