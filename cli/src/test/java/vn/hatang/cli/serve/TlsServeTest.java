package vn.hatang.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a PKCS12 keystore made by {@code keytool}, trusted by the client alone. */
class TlsServeTest {
  private static final String PASSWORD = "test-password";

  @TempDir Path dir;

  private Path keystore() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path cert = dir.resolve("server.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "hatang",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "hatang",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-rfc",
        "-file",
        cert.toString());
    return keystore;
  }

  @Test
  void servesTheSpeedTestOverHttps() throws Exception {
    Path keystore = keystore();
    Path cert = dir.resolve("server.crt");
    KeyStore serverStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      serverStore.load(in, PASSWORD.toCharArray());
    }
    ServeOptions.Tls tls = new ServeOptions.Tls(serverStore, PASSWORD.toCharArray());
    assertThat(tls.toString()).doesNotContain(PASSWORD);

    try (HatangServer server = new HatangServer(ServeOptions.loopback(0).withTls(tls))) {
      server.start();
      URI base = server.uri();
      assertThat(base.getScheme()).isEqualTo("https");
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(trusting(cert))
              .build();
      HttpResponse<byte[]> download =
          client.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/speed/download?bytes=100000")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).hasSize(100_000);
      HttpResponse<String> upload =
          client.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/speed/upload"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[123_456]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(upload.statusCode()).isEqualTo(200);
      assertThat(upload.body()).startsWith("{\"bytes\":123456,");
    }
  }

  @Test
  void servesHttpsFromPemCertificateAndKey() throws Exception {
    Path keystore = keystore();
    Path cert = dir.resolve("server.crt");
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      p12.load(in, PASSWORD.toCharArray());
    }
    // The key as most PKIs hand it out: unencrypted PKCS#8 PEM.
    byte[] pkcs8 = p12.getKey("hatang", PASSWORD.toCharArray()).getEncoded();
    Path key = dir.resolve("server.key");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n");
    ServeOptions.Tls tls = PemIdentity.load(cert, key);
    try (HatangServer server = new HatangServer(ServeOptions.loopback(0).withTls(tls))) {
      server.start();
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(trusting(cert))
              .build();
      HttpResponse<Void> ping =
          client.send(
              HttpRequest.newBuilder(server.uri().resolve("/api/v1/speed/ping")).build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(ping.statusCode()).isEqualTo(204);
    }
  }

  @Test
  void pemProblemsNameTheFileAndTheFix() throws Exception {
    keystore();
    Path cert = dir.resolve("server.crt");
    Path pkcs1 = dir.resolve("rsa.key");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> PemIdentity.load(cert, pkcs1))
        .isInstanceOf(PemIdentity.PemException.class)
        .hasMessage(
            pkcs1
                + ": PKCS#1/SEC1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out"
                + " KEY.pk8");
    Path encrypted = dir.resolve("enc.key");
    Files.writeString(
        encrypted,
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThatThrownBy(() -> PemIdentity.load(cert, encrypted))
        .hasMessageStartingWith(encrypted + ": the key is encrypted");
    Path garbage = dir.resolve("garbage.key");
    Files.writeString(garbage, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> PemIdentity.load(cert, garbage))
        .hasMessage(garbage + ": not an RSA, EC or EdDSA PKCS#8 private key");
    assertThatThrownBy(() -> PemIdentity.load(garbage, garbage))
        .hasMessage(garbage + ": no -----BEGIN CERTIFICATE----- block");
  }

  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "hatang", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }
}
