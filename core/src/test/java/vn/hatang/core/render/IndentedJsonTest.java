package vn.hatang.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndentedJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Objects 20 deep (past the levels encoded ahead), empty ones, arrays, Vietnamese text. */
  private static JsonNode document() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tên", "Sở Nội vụ").put("n", 3).putNull("none");
    root.putObject("empty");
    root.putArray("emptyList");
    root.putArray("list").add(1).add("hai").addObject().put("a", true).putObject("b");
    ObjectNode deep = root;
    for (int i = 0; i < 20; i++) {
      deep = deep.put("level", i).putObject("child" + i);
    }
    deep.put("bottom", "đáy").putArray("items").addObject().put("x", 1.5);
    return root;
  }

  private static String utf8(JsonNode doc, PrettyPrinter printer) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(printer);
      g.setCodec(MAPPER);
      g.writeTree(doc);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String chars(JsonNode doc, PrettyPrinter printer) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(printer);
      g.setCodec(MAPPER);
      g.writeTree(doc);
    }
    return out.toString();
  }

  @Test
  void writesWhatJacksonsDefaultPrinterWrites() throws Exception {
    JsonNode doc = document();
    String expected = utf8(doc, new DefaultPrettyPrinter());
    assertThat(expected).contains("\"child19\"").contains("\"tên\" : \"Sở Nội vụ\"");
    assertThat(utf8(doc, new IndentedJson())).isEqualTo(expected);
    assertThat(chars(doc, new IndentedJson())).isEqualTo(expected);
    // Through a mapper, whose writers make a new instance per document.
    ObjectMapper indented =
        new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(new IndentedJson());
    assertThat(indented.writeValueAsString(doc))
        .isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
  }

  @Test
  void aPartIsIndentedAsItStandsInsideTheDocument() throws Exception {
    JsonNode item = document();
    ObjectNode whole = MAPPER.createObjectNode();
    whole.putArray("machines").add(item);
    String expected = utf8(whole, new DefaultPrettyPrinter());
    String part = utf8(item, new IndentedJson(1));
    assertThat(expected).contains("[ " + part + " ]");
    assertThat(part).isNotEqualTo(utf8(item, new IndentedJson()));
  }
}
