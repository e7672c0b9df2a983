package vn.hatang.cli.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server identity from PEM files, as most PKIs hand them out: a certificate chain (leaf first)
 * and an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, RSA, EC or EdDSA).
 * Turned into an in-memory PKCS12 key store with a random password for {@link ServeOptions.Tls}.
 */
public final class PemIdentity {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private PemIdentity() {}

  /** Thrown with a message for the user (the file and what is wrong with it). */
  public static final class PemException extends Exception {
    PemException(String message) {
      super(message);
    }
  }

  /**
   * Reads the chain and the key.
   *
   * @throws PemException when a file has no usable block or the key does not parse
   * @throws IOException when a file cannot be read
   */
  public static ServeOptions.Tls load(Path certificates, Path key)
      throws IOException, PemException {
    List<Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (byte[] der : blocks(certificates, "CERTIFICATE")) {
        chain.add(factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException e) {
      throw new PemException(certificates + ": " + e.getMessage());
    }
    if (chain.isEmpty()) {
      throw new PemException(certificates + ": no -----BEGIN CERTIFICATE----- block");
    }
    String text = Files.readString(key, StandardCharsets.US_ASCII);
    if (text.contains("ENCRYPTED PRIVATE KEY")) {
      throw new PemException(
          key + ": the key is encrypted; give an unencrypted PKCS#8 key (0600) instead");
    }
    if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
      throw new PemException(
          key
              + ": PKCS#1/SEC1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out"
              + " KEY.pk8");
    }
    List<byte[]> keys = blocks(key, "PRIVATE KEY");
    if (keys.size() != 1) {
      throw new PemException(key + ": expected one -----BEGIN PRIVATE KEY----- block");
    }
    PrivateKey privateKey = privateKey(keys.get(0), key);
    try {
      char[] password = randomPassword();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("hatang", privateKey, password, chain.toArray(new Certificate[0]));
      return new ServeOptions.Tls(store, password);
    } catch (GeneralSecurityException e) {
      throw new PemException(key + ": " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(byte[] der, Path file) throws PemException {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Try the next algorithm.
      }
    }
    throw new PemException(file + ": not an RSA, EC or EdDSA PKCS#8 private key");
  }

  private static List<byte[]> blocks(Path file, String type) throws IOException, PemException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    List<byte[]> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        try {
          out.add(Base64.getMimeDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
          throw new PemException(file + ": bad base64 in a " + type + " block");
        }
      }
    }
    return out;
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).toCharArray();
  }
}
