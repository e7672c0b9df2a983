package vn.hatang.agent.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that trusts the JDK's default certificate authorities and, in addition, those of
 * a PEM file (a province CA that public roots do not know). Thread-safe.
 */
public final class TrustAnchors {
  private TrustAnchors() {}

  /**
   * The JDK's default trust anchors plus every certificate in {@code pemFile}.
   *
   * @throws IOException when the file cannot be read
   * @throws GeneralSecurityException when it holds no certificate or a malformed one
   */
  public static X509TrustManager withExtra(Path pemFile)
      throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> extra;
    try (InputStream in = Files.newInputStream(pemFile)) {
      extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (extra.isEmpty()) {
      throw new GeneralSecurityException("no certificate");
    }
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    int n = 0;
    for (X509Certificate ca : systemDefault().getAcceptedIssuers()) {
      anchors.setCertificateEntry("system-" + n++, ca);
    }
    for (Certificate ca : extra) {
      anchors.setCertificateEntry("extra-" + n++, ca);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    return x509(factory.getTrustManagers());
  }

  /** The JDK's default trust manager (its {@code cacerts}, or {@code javax.net.ssl.trustStore}). */
  static X509TrustManager systemDefault() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return x509(factory.getTrustManagers());
  }

  private static X509TrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
    List<X509TrustManager> found = new ArrayList<>();
    for (TrustManager m : managers) {
      if (m instanceof X509TrustManager x) {
        found.add(x);
      }
    }
    if (found.isEmpty()) {
      throw new GeneralSecurityException("no X509TrustManager");
    }
    return found.get(0);
  }
}
