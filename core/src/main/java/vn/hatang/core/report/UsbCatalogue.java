package vn.hatang.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.hatang.core.standard.InvalidFileException;
import vn.hatang.core.standard.Problem;
import vn.hatang.core.standard.YamlNode;

/**
 * Which USB devices count as which piece of equipment ({@code usb_token}, {@code scanner}, {@code
 * ups}), by lower-case vendor id or {@code vendor:product} id: the bundled {@code
 * standards/reference/usb-items.yaml}, generated from the USB ID repository by {@code
 * scripts/data/usb-items.sh}. Shipped data, checked by a test: a broken file is a bug, not a user
 * error.
 */
public final class UsbCatalogue {
  /** Class-path location of the bundled catalogue. */
  public static final String RESOURCE = "/standards/reference/usb-items.yaml";

  private static final Pattern ID = Pattern.compile("[0-9a-f]{4}(:[0-9a-f]{4})?");
  private static final Pattern ITEM = Pattern.compile("[a-z][a-z0-9_]*");

  private UsbCatalogue() {}

  /** The bundled catalogue: item by id. */
  public static Map<String, String> bundled() {
    try (InputStream in = UsbCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A catalogue file that cannot be used, with every problem found in it. */
  public static final class Invalid extends InvalidFileException {
    Invalid(List<Problem> problems) {
      super(problems, "invalid USB catalogue", false);
    }
  }

  /**
   * The bundled catalogue with a province's own file on top ({@code --usb-items}): its entries are
   * added, and an id it lists too takes its item.
   *
   * @param displayName how the file is named in problems
   * @throws Invalid listing every problem of the file
   */
  public static Map<String, String> withFile(Path file, String displayName) throws Invalid {
    YamlNode.Context ctx = new YamlNode.Context(displayName);
    YamlNode root = YamlNode.readFile(file, MAX_BYTES, "usb.error.items", ctx);
    Map<String, String> own = root == null ? Map.of() : read(root, ctx);
    if (!ctx.problems().isEmpty()) {
      throw new Invalid(ctx.problems());
    }
    Map<String, String> out = new LinkedHashMap<>(bundled());
    out.putAll(own);
    return out;
  }

  /** Largest catalogue file read, in bytes. */
  static final long MAX_BYTES = 4 * 1024 * 1024;

  /**
   * Reads a catalogue: {@code items:} a list of {@code {id, item, name}}.
   *
   * @throws IllegalArgumentException naming the file, line and column of the first bad entry
   */
  static Map<String, String> parse(String yaml, String name) {
    YamlNode.Context ctx = new YamlNode.Context(name);
    YamlNode root = YamlNode.parse(yaml, ctx);
    Map<String, String> out = root == null ? Map.of() : read(root, ctx);
    if (!ctx.problems().isEmpty()) {
      Problem first = ctx.problems().get(0);
      throw new IllegalArgumentException(first.place() + ": " + first.key() + " " + first.args());
    }
    return out;
  }

  /** The entries of a parsed catalogue; problems go to {@code ctx}. */
  private static Map<String, String> read(YamlNode root, YamlNode.Context ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    if (root.isMap()) {
      YamlNode items = root.map().get("items");
      if (items == null || !items.isList()) {
        root.problem("usb.error.items");
      } else {
        for (YamlNode entry : items.list()) {
          Map<String, YamlNode> m = entry.isMap() ? entry.map() : Map.of();
          String id = YamlNode.requiredText(m, "id", entry);
          String item = YamlNode.requiredText(m, "item", entry);
          if (id != null && !ID.matcher(id).matches()) {
            m.get("id").problem("usb.error.id", id);
          } else if (item != null && !ITEM.matcher(item).matches()) {
            m.get("item").problem("usb.error.item", item);
          } else if (id != null && item != null && out.putIfAbsent(id, item) != null) {
            m.get("id").problem("usb.error.duplicate", id);
          }
        }
      }
    } else {
      root.problem("usb.error.items");
    }
    return out;
  }
}
