package vn.hatang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as a user gets it: runs {@code scripts/test/package-test.sh}, which builds the
 * tarball and the .deb from the jars of this build (scripts/package.sh --no-build) and checks them
 * (programs on the bundled runtime, its modules and locales, the .deb's fields, files and
 * maintainer scripts). Skipped, with the reason, where the JDK has no jlink or dpkg-deb is missing.
 */
class PackageIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = REPO.resolve("scripts/test/package-test.sh");

  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void theReleaseBuildsAndRunsOnItsOwnRuntime() throws Exception {
    Path jdk = Path.of(System.getProperty("java.home"));
    // jlink needs the JDK's jmods (Debian's openjdk-17-jdk-headless has them; some JDKs do not).
    boolean jlink =
        Files.isExecutable(jdk.resolve("bin/jlink"))
            && Files.isRegularFile(jdk.resolve("jmods/java.base.jmod"));
    boolean dpkgDeb = onPath("dpkg-deb");
    if (!jlink || !dpkgDeb) {
      String why =
          "PackageIT skipped: "
              + (jlink ? "" : "no jlink with jmods in " + jdk + " (a JDK with jmods is needed) ")
              + (dpkgDeb ? "" : "no dpkg-deb on PATH (apt-get install dpkg)");
      System.err.println(why);
      Assumptions.abort(why);
    }
    assertThat(Jars.CLI).as("the checker jar (cli module)").exists();
    assertThat(Jars.AGENT).as("the agent jar (agent module)").exists();

    Path log = dir.resolve("package-test.log");
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString());
    // The JDK that runs this build makes the runtime; the caller's JVM options stay out.
    pb.environment().put("JAVA_HOME", jdk.toString());
    pb.environment().remove("JAVA_OPTS");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    boolean finished = p.waitFor(170, TimeUnit.SECONDS);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("package-test.sh finished within 170 s:%n%s", output).isTrue();
    assertThat(p.exitValue()).as("package-test.sh exit code:%n%s", output).isZero();
    assertThat(output)
        .doesNotContain("not ok")
        .contains("ok - hatang check compliant-pc.json: the JSON verdict")
        .contains("ok - postinst made the agent's class-data archive")
        .contains("package-test: all checks passed");
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return List.of(path.split(java.io.File.pathSeparator)).stream()
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }
}
