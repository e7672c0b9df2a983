package vn.hatang.cli.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens {@code hat_<id>_<secret>} (docs/collector.md, "Tokens"): {@code id} is 8 lowercase
 * base32 characters (40 random bits, public), {@code secret} 32 bytes of {@link SecureRandom} in
 * base64url without padding (43 characters, which may themselves hold {@code _} and {@code -}). The
 * store keeps only the SHA-256 of the whole token text: a 256-bit random secret needs no slow
 * password hash. Stateless and thread-safe.
 */
public final class Tokens {
  /** What every token starts with. */
  public static final String PREFIX = "hat_";

  /** Characters of the id. */
  public static final int ID_LENGTH = 8;

  /** Random bytes of the secret. */
  public static final int SECRET_BYTES = 32;

  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final Pattern ID = Pattern.compile("[a-z2-7]{8}");
  // 43 base64url characters carry 258 bits: the last one holds 4 data bits and 2 zero bits.
  private static final Pattern TOKEN =
      Pattern.compile("hat_([a-z2-7]{8})_([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /**
   * A newly made token. Its {@link #toString} leaves the secret out.
   *
   * @param id the public id
   * @param text the whole token, shown to the user once
   * @param sha256 lowercase hex SHA-256 of {@code text}, what the store keeps
   */
  public record Issued(String id, String text, String sha256) {
    public Issued {
      Objects.requireNonNull(id);
      Objects.requireNonNull(text);
      Objects.requireNonNull(sha256);
    }

    @Override
    public String toString() {
      return "Issued[id=" + id + ", sha256=" + sha256 + "]";
    }
  }

  /** Makes a token with the shared {@link SecureRandom}. */
  public static Issued generate() {
    return generate(RANDOM);
  }

  /** Makes a token from the given source of randomness. */
  public static Issued generate(SecureRandom random) {
    byte[] idBytes = new byte[5];
    random.nextBytes(idBytes);
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    String id = base32(idBytes);
    String text =
        PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Issued(id, text, sha256Hex(text));
  }

  /** Whether the text has the shape of a token ({@code hat_<id>_<secret>}). */
  public static boolean isWellFormed(String text) {
    return text != null && TOKEN.matcher(text).matches();
  }

  /** The id of a well-formed token; empty for anything else. */
  public static Optional<String> idOf(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TOKEN.matcher(text);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether the text has the shape of a token id (8 lowercase base32 characters). */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Lowercase hex SHA-256 of the UTF-8 bytes of the text. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lowercase hex SHA-256 of the bytes. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** RFC 4648 base32 (lowercase, no padding) of 5 bytes: 8 characters. */
  static String base32(byte[] fiveBytes) {
    long bits = 0;
    for (byte b : fiveBytes) {
      bits = (bits << 8) | (b & 0xff);
    }
    char[] out = new char[ID_LENGTH];
    for (int i = ID_LENGTH - 1; i >= 0; i--) {
      out[i] = BASE32.charAt((int) (bits & 31));
      bits >>>= 5;
    }
    return new String(out);
  }
}
