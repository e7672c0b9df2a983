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

  /** Jackson's default separators, as its default printer has them. */
  private static final class Defaults extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;
    static final Defaults OF = new Defaults();

    String fieldValue() {
      return _objectFieldValueSeparatorWithSpaces;
    }

    String entrySeparator() {
      return String.valueOf(_objectEntrySeparator);
    }
  }

  private static final SerializedString FIELD_VALUE =
      new SerializedString(Defaults.OF.fieldValue());

  /** Per level: a line break and its indentation, and the same after an entry separator. */
  private static final SerializedString[] ENTRY = new SerializedString[LEVELS];

  private static final SerializedString[] INDENT = new SerializedString[LEVELS];

  static {
    String eol = DefaultIndenter.SYS_LF;
    for (int level = 0; level < LEVELS; level++) {
      String spaces = " ".repeat(2 * level);
      INDENT[level] = new SerializedString(eol + spaces);
      ENTRY[level] = new SerializedString(Defaults.OF.entrySeparator() + eol + spaces);
    }
  }

  private static final Levels LEVELS_INDENTER = new Levels(INDENT);

  private final int base;

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
    _objectIndenter = LEVELS_INDENTER;
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new IndentedJson(base);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(FIELD_VALUE);
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    if (_nesting < LEVELS) {
      g.writeRaw(ENTRY[_nesting]);
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
