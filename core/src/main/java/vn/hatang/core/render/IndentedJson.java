package vn.hatang.core.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Jackson's default pretty printer with its separators and indentations encoded once: the same
 * output, byte for byte, but a UTF-8 generator copies {@code ",\n "} as bytes instead of encoding
 * it a character at a time for every field (a check result of 100,000 machines has some 30 million
 * fields).
 */
public final class IndentedJson extends DefaultPrettyPrinter {
  private static final long serialVersionUID = 1L;

  /** Levels encoded ahead; deeper ones are written as the default printer writes them. */
  private static final int LEVELS = 16;

  private final int base;
  private final SerializedString fieldValue;
  private final SerializedString[] entry = new SerializedString[LEVELS];
  private final SerializedString[] indent = new SerializedString[LEVELS];

  /** A printer for a document. */
  public IndentedJson() {
    this(0);
  }

  /**
   * A printer for a value written as it would stand {@code nesting} objects deep (a part of a
   * larger document, copied into it later).
   */
  public IndentedJson(int nesting) {
    base = nesting;
    _nesting = nesting;
    String eol = DefaultIndenter.SYS_LF;
    fieldValue = new SerializedString(_objectFieldValueSeparatorWithSpaces);
    for (int level = 0; level < LEVELS; level++) {
      String spaces = " ".repeat(2 * level);
      indent[level] = new SerializedString(eol + spaces);
      entry[level] = new SerializedString(_objectEntrySeparator + eol + spaces);
    }
    _objectIndenter = new Levels(indent);
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new IndentedJson(base);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(fieldValue);
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    if (_nesting < LEVELS) {
      g.writeRaw(entry[_nesting]);
    } else {
      super.writeObjectEntrySeparator(g);
    }
  }

  /** The object indenter: a line end and two spaces a level, as Jackson's default one. */
  private static final class Levels implements Indenter, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final SerializedString[] indent;

    Levels(SerializedString[] indent) {
      this.indent = indent;
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      if (level < indent.length) {
        g.writeRaw(indent[level]);
      } else {
        DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
      }
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }
}
