package vn.hatang.core.doc;

import java.time.LocalDate;
import vn.hatang.core.check.State;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;

/** A cell of a {@link Doc} as text for people, in the reader's language (page and Markdown). */
final class Cells {
  private Cells() {}

  /** The cell's text; "—" for no value. Control characters of agent text are neutralised. */
  static String text(Object cell, Doc.Kind kind, Formats f, String currency) {
    if (cell == null) {
      return "—";
    }
    return switch (kind) {
      case INTEGER, NUMBER -> cell instanceof Number n ? f.number(n.doubleValue()) : other(cell);
      case PERCENT -> cell instanceof Number n ? f.number(n.doubleValue()) + " %" : other(cell);
      case MONEY -> cell instanceof Number n ? f.money(n.longValue(), currency) : other(cell);
      case DATE -> cell instanceof LocalDate d ? f.date(d) : other(cell);
      case STATE -> cell instanceof State s ? f.state(s) : other(cell);
      case TEXT -> other(cell);
    };
  }

  private static String other(Object cell) {
    return Safe.text(String.valueOf(cell));
  }

  /** Whether a column's cells are right-aligned (numbers). */
  static boolean right(Doc.Kind kind) {
    return switch (kind) {
      case INTEGER, NUMBER, PERCENT, MONEY -> true;
      default -> false;
    };
  }
}
