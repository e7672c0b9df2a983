package vn.hatang.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.Samples;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.core.ExitCode;

/**
 * HTTPS with a private CA: a CA and a server certificate made with {@code keytool}, served by
 * {@code HttpsServer}. The upload goes through only when {@code caFile} names the CA.
 */
class TlsUploadTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path pki;
  private static TestCollector collector;

  @BeforeAll
  static void makeCaAndServer() throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=hatang test province CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        "ca.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-storepass",
        "changeit",
        "-file",
        "ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        "server.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit");
    keytool(
        "-certreq",
        "-alias",
        "server",
        "-keystore",
        "server.p12",
        "-storepass",
        "changeit",
        "-file",
        "server.csr");
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-storepass",
        "changeit",
        "-infile",
        "server.csr",
        "-outfile",
        "server.pem",
        "-rfc",
        "-validity",
        "2",
        "-ext",
        "san=ip:127.0.0.1,dns:localhost",
        "-ext",
        "eku=serverAuth");
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        "ca.pem",
        "-keystore",
        "server.p12",
        "-storepass",
        "changeit");
    keytool(
        "-importcert",
        "-alias",
        "server",
        "-file",
        "server.pem",
        "-keystore",
        "server.p12",
        "-storepass",
        "changeit");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(pki.resolve("server.p12").toFile())) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    collector = new TestCollector(tls);
  }

  @AfterAll
  static void stop() {
    if (collector != null) {
      collector.close();
    }
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(pki.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", args) + "\n" + output).isZero();
  }

  private static UploadResult send(String caFile) throws AgentException {
    AgentConfig.Collector config =
        new AgentConfig.Collector(collector.url(), "hat_tls", null, caFile, null, 5);
    try (Uploader uploader = Uploader.create(config, Clock.systemUTC())) {
      return uploader.send(
          Samples.json(Samples.id(7), "2026-11-25T08:00:00+07:00"), Samples.id(7).toString());
    }
  }

  @Test
  void privateCaIsRefusedWithoutCaFile() throws Exception {
    UploadResult result = send(null);
    assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(result.statusCode()).isZero();
    assertThat(result.errorKey()).isEqualTo("line.reason.tls");
  }

  @Test
  void privateCaIsTrustedWithCaFile() throws Exception {
    UploadResult result = send(pki.resolve("ca.pem").toString());
    assertThat(result.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    assertThat(collector.stored).containsKey(Samples.id(7).toString());
  }

  @Test
  void publicRootsStayTrustedBesideTheCaFile() throws Exception {
    javax.net.ssl.X509TrustManager both = TrustAnchors.withExtra(pki.resolve("ca.pem"));
    int system = TrustAnchors.systemDefault().getAcceptedIssuers().length;
    assertThat(system).isPositive();
    assertThat(both.getAcceptedIssuers()).hasSize(system + 1);
  }

  @Test
  void aCaFileWithoutCertificatesIsAConfigurationError() throws Exception {
    Path empty = Files.writeString(pki.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> send(empty.toString()))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
              assertThat(e.key()).isEqualTo("upload.error.caFile");
            });
  }
}
