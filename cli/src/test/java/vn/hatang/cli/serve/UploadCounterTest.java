package vn.hatang.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadCounterTest {
  @Test
  void samplesTheTotalOnTheGridOfWholeIntervals() {
    UploadCounter c = new UploadCounter();
    c.add(1000, 1_050);
    c.add(500, 1_120); // crosses 1100: the sample holds the 1000 bytes before this chunk
    c.add(0, 1_150); // empty chunks are not bytes
    c.add(250, 1_330); // crosses 1200 and 1300
    assertThat(c.bytes()).isEqualTo(1750);
    assertThat(c.samples())
        .containsExactly(
            new long[] {1_100, 1000},
            new long[] {1_200, 1500},
            new long[] {1_300, 1500},
            new long[] {1_330, 1750});
    assertThat(c.toJson())
        .isEqualTo(
            "{\"bytes\":1750,\"firstByteAtMs\":1050,\"lastByteAtMs\":1330,\"intervalMs\":100,"
                + "\"samples\":[[1100,1000],[1200,1500],[1300,1500],[1330,1750]]}");
  }

  @Test
  void aLastByteOnAGridTimeGivesOneSampleWithTheTotal() {
    UploadCounter c = new UploadCounter();
    c.add(10, 1_000);
    c.add(20, 1_100);
    assertThat(c.samples()).containsExactly(new long[] {1_100, 30});
  }

  @Test
  void anEmptyUploadHasNoTimesAndNoSamples() {
    assertThat(new UploadCounter().toJson())
        .isEqualTo(
            "{\"bytes\":0,\"firstByteAtMs\":null,\"lastByteAtMs\":null,\"intervalMs\":100,"
                + "\"samples\":[]}");
  }
}
