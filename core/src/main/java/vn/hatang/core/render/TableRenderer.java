package vn.hatang.core.render;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.Message;
import vn.hatang.core.check.State;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.TextTable.Cell;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.util.Memo;
import vn.hatang.core.waiver.Waiver;

/**
 * The pass/fail table for people: one row per machine, then each non-compliant machine's
 * deficiencies (FAIL, UNKNOWN and WAIVED findings, with a line per waiver applied or expired), then
 * a summary line. Columns are aligned by display width, so Vietnamese text lines up.
 */
public final class TableRenderer implements PartRenderer {

  /** Writes as it goes: a province's table is hundreds of megabytes. */
  @Override
  public void write(RunSummary summary, Formats f, Iterator<byte[]> parts, OutputStream bytes)
      throws IOException {
    Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    Messages m = f.messages();
    Standard std = summary.standard();
    out.append(
            m.get(
                "table.standard",
                std.id(),
                std.version(),
                std.title() == null ? "" : std.title().in(m.locale()),
                std.sha256().substring(0, 12)))
        .append('\n');
    out.append(m.get("table.evaluated", f.date(summary.evaluationDate()))).append("\n\n");

    // Without waivers the table keeps its usual shape; with them, a WAIVED column and count.
    boolean waivers = summary.waivers();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        columns(
            waivers,
            m.get("col.unit"),
            m.get("col.hostname"),
            m.get("col.verdict"),
            m.get("col.pass"),
            m.get("col.fail"),
            m.get("col.waived"),
            m.get("col.unknown"),
            m.get("col.na"),
            m.get("col.age")));
    for (RunSummary.Row row : summary.rows()) {
      rows.add(columns(waivers, row.cells()));
    }
    boolean[] right = new boolean[rows.get(0).length];
    java.util.Arrays.fill(right, 3, right.length, true);
    List<RunSummary.Row> machines = summary.rows();
    TextTable.Styler verdicts =
        !f.colour()
            ? null
            : (row, col, padded) ->
                row > 0 && col == 2
                    ? Terminal.colour(machines.get(row - 1).verdict(), padded)
                    : padded;
    out.flush();
    if (verdicts == null) {
      TextTable.renderCells(cells(rows), right, Cell.EMPTY, bytes);
    } else {
      TextTable.render(rows, right, "", null, verdicts, out);
      out.flush();
    }
    while (parts.hasNext()) {
      bytes.write(parts.next());
    }
    long compliant = summary.count(State.PASS) + summary.count(State.NOT_APPLICABLE);
    out.append('\n')
        .append(
            waivers
                ? m.get(
                    "table.summaryWaivers",
                    summary.machines(),
                    compliant,
                    summary.count(State.WAIVED),
                    summary.count(State.FAIL),
                    summary.count(State.UNKNOWN),
                    summary.errors().size(),
                    summary.stale(),
                    summary.standard().freshnessDays(),
                    summary.expiredWaiverFindings())
                : m.get(
                    "table.summary",
                    summary.machines(),
                    compliant,
                    summary.count(State.FAIL),
                    summary.count(State.UNKNOWN),
                    summary.errors().size(),
                    summary.stale(),
                    summary.standard().freshnessDays()))
        .append('\n');
    out.flush();
  }

  /**
   * The machine table's cells ({@link TextTable#MAX_CELL} wide at most); every cell but the
   * hostname (unit, verdict, counts, age: the same on many rows) made once per text. Made on the
   * command's thread once every machine is judged: the fewer made, the sooner the table is out.
   */
  private static List<Cell[]> cells(List<String[]> rows) {
    Map<String, Cell> seen = new HashMap<>();
    List<Cell[]> out = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      Cell[] cells = new Cell[row.length];
      for (int c = 0; c < row.length; c++) {
        cells[c] =
            c == 1 || row[c] == null
                ? Cell.of(row[c], TextTable.MAX_CELL)
                : seen.computeIfAbsent(row[c], t -> Cell.of(t, TextTable.MAX_CELL));
      }
      out.add(cells);
    }
    return out;
  }

  /** The machine's row of the table, with the WAIVED cell (dropped when no waiver was involved). */
  @Override
  public String[] row(MachineResult r, Formats f) {
    Messages m = f.messages();
    return new String[] {
      unitLabel(r.snapshot()),
      Safe.text(r.snapshot().machine().hostname()),
      f.state(r.verdict()),
      count(r.count(State.PASS)),
      count(r.count(State.FAIL)),
      count(r.count(State.WAIVED)),
      count(r.count(State.UNKNOWN)),
      count(r.count(State.NOT_APPLICABLE)),
      r.stale() ? m.get("table.stale", r.ageDays()) : count(r.ageDays())
    };
  }

  /**
   * A count as digits; one string per small number for the whole run. A check holds every machine's
   * row until its table is written: 100,000 machines, six counts each.
   */
  private static String count(long n) {
    return n >= 0 && n < COUNTS.length ? COUNTS[(int) n] : Long.toString(n);
  }

  private static final String[] COUNTS = new String[1024];

  static {
    for (int i = 0; i < COUNTS.length; i++) {
      COUNTS[i] = Integer.toString(i);
    }
  }

  /** The machine's deficiencies (FAIL, UNKNOWN and WAIVED findings); empty for others. */
  @Override
  public byte[] part(MachineResult r, Standard std, Formats f) {
    if (!deficient(r)) {
      return new byte[0];
    }
    if (!f.colour()) {
      return pieces(r, std, f).part();
    }
    Cells cells = cells(std, f);
    ByteArrayBuilder out = Parts.builder();
    out.write(head(r, f));
    // In colour: the table as text, its states coloured (not kept; a terminal's run is small).
    List<Cell[]> d = new ArrayList<>();
    d.add(cells.header);
    List<State> states = new ArrayList<>();
    for (Finding x : r.findings()) {
      if (shown(x)) {
        states.add(x.state());
        d.add(cells.row(x));
      }
    }
    StringBuilder coloured = new StringBuilder(4096);
    TextTable.Styler styler =
        (row, col, padded) ->
            row > 0 && col == 1 ? Terminal.colour(states.get(row - 1), padded) : padded;
    try {
      TextTable.renderCells(d, new boolean[6], INDENT.text(), styler, coloured);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    out.write(coloured.toString().getBytes(StandardCharsets.UTF_8));
    out.write(waiverLines(r, f.messages()));
    return out.toByteArray();
  }

  /**
   * The part in pieces: the title line its own, the deficiency table shared with every machine of
   * the run that has the same (when the run keeps it), the waiver lines its own. A check keeps only
   * the machine's own bytes in its spool, and 100,000 machines' tables were 95% of it.
   */
  @Override
  public Pieces pieces(MachineResult r, Standard std, Formats f) {
    if (f.colour() || !deficient(r)) {
      return PartRenderer.super.pieces(r, std, f);
    }
    Table table = cells(std, f).table(r.findings());
    byte[] head = head(r, f);
    byte[] tail = waiverLines(r, f.messages());
    if (!table.kept()) {
      return new Pieces(concat(head, table.bytes(), tail), Pieces.NONE, Pieces.NOWHERE);
    }
    return new Pieces(concat(head, tail), new byte[][] {table.bytes()}, new int[] {head.length});
  }

  private static byte[] concat(byte[]... pieces) {
    int n = 0;
    for (byte[] p : pieces) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : pieces) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** A part's first lines: a blank line and the title, "Deficiencies: host (unit)". */
  private byte[] head(MachineResult r, Formats f) {
    String title =
        f.messages()
            .get(
                "table.deficiencies",
                Safe.text(r.snapshot().machine().hostname()),
                unitLabel(r.snapshot()));
    return ("\n" + title + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A line per waiver involved, after the table (none, mostly). */
  private static byte[] waiverLines(MachineResult r, Messages m) {
    StringBuilder lines = null;
    for (Finding x : r.findings()) {
      if (x.waiver() != null) {
        if (lines == null) {
          lines = new StringBuilder();
        }
        lines.append("  ").append(waiverLine(x, m)).append('\n');
      }
    }
    return lines == null ? new byte[0] : lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Before each line of a deficiency table. */
  private static final Cell INDENT = new Cell("  ", 2);

  /** A machine with a deficiency table: its verdict FAIL, UNKNOWN or WAIVED. */
  private static boolean deficient(MachineResult r) {
    return r.verdict() == State.FAIL || r.verdict() == State.UNKNOWN || r.verdict() == State.WAIVED;
  }

  /** A finding the deficiency table shows: FAIL, UNKNOWN or WAIVED. */
  private static boolean shown(Finding x) {
    return x.state() == State.FAIL || x.state() == State.UNKNOWN || x.state() == State.WAIVED;
  }

  /** The cells of a run, made for the standard and formats of the last part asked for. */
  private final AtomicReference<Cells> cells = new AtomicReference<>();

  private Cells cells(Standard std, Formats f) {
    Cells c = cells.get();
    if (c == null || c.standard != std || c.formats != f) {
      c = new Cells(std, f);
      cells.set(c); // racing threads may each make one: same cells
    }
    return c;
  }

  /**
   * The cells of the deficiency tables, those that recur from machine to machine (a check's title,
   * its requirement and remediation, a state word, a reason) made once per run: a province's run
   * has millions. Thread-safe; at most {@link #LIMIT} kept, the rest made each time.
   */
  private static final class Cells {
    private static final int LIMIT = 4096;

    /** Column limits, in columns (0: none). */
    private static final int[] MAX = {44, 0, 24, 36, 64, 0};

    final Standard standard;
    final Formats formats;
    final Cell[] header;
    private final String currency;
    private final Map<Key, Cell> made = new ConcurrentHashMap<>();

    Cells(Standard standard, Formats f) {
      this.standard = standard;
      this.formats = f;
      Messages m = f.messages();
      String[] titles = {
        m.get("col.check"),
        m.get("col.state"),
        m.get("col.measured"),
        m.get("col.required"),
        m.get("col.shortfall"),
        m.get("col.remediation")
      };
      header = new Cell[titles.length];
      for (int c = 0; c < titles.length; c++) {
        header[c] = Cell.of(titles[c], MAX[c]);
      }
      currency =
          standard.reference().prices() == null ? null : standard.reference().prices().currency();
      states = new Cell[State.values().length];
      for (State state : State.values()) {
        states[state.ordinal()] = Cell.of(f.state(state), MAX[1]);
      }
    }

    /**
     * The deficiency table of a machine's findings, as UTF-8 (no colour): the same findings give
     * the same table, and a fleet's machines share a few thousand tables between them (100,000
     * generated machines: 93% of them among the 4,096 most common), so the tables made are kept by
     * their rows' keys (at most {@link #LIMIT}).
     */
    Table table(List<Finding> findings) {
      List<FindingKey> key = new ArrayList<>();
      for (Finding x : findings) {
        if (shown(x)) {
          key.add(new FindingKey(x));
        }
      }
      byte[] kept = tables.get(key);
      if (kept != null) {
        return new Table(kept, true);
      }
      List<Cell[]> d = new ArrayList<>(key.size() + 1);
      d.add(header);
      for (Finding x : findings) {
        if (shown(x)) {
          d.add(row(x));
        }
      }
      ByteArrayBuilder bytes = new ByteArrayBuilder(4096);
      try {
        TextTable.renderCells(d, new boolean[6], INDENT, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayBuilder does not fail
      }
      byte[] made = bytes.toByteArray();
      if (tables.size() >= LIMIT) {
        return new Table(made, false);
      }
      byte[] before = tables.putIfAbsent(key, made);
      return new Table(before != null ? before : made, true);
    }

    private final Map<List<FindingKey>, byte[]> tables = new ConcurrentHashMap<>();

    /** A finding's row: check, state, measured, required, shortfall or reason, remediation. */
    Cell[] row(Finding x) {
      Formats f = formats;
      Check check = x.check();
      Object measured = x.measured();
      boolean noteShown = x.note() != null && x.note().key().equals("note.memoryOsVisible");
      PerCheck own = perCheck(check);
      return new Cell[] {
        own.title,
        states[x.state().ordinal()],
        // Numbers vary from machine to machine: made each time, not kept.
        measured instanceof Number
            ? Cell.of(f.measured(x), MAX[2])
            : own.measured.cell(measured, 2, () -> f.measured(x)),
        own.required.cell(x.required(), 3, () -> f.required(check, x.required())),
        x.shortfall() != null
            ? Cell.of(f.reasonOrShortfall(x), MAX[4])
            : cell(
                4,
                null,
                new ReasonNote(x.reason(), noteShown ? x.note() : null),
                () -> f.reasonOrShortfall(x)),
        x.state() == State.UNKNOWN
            ? Cell.EMPTY
            : own.cost.cell(x.unitCost(), 5, () -> f.remediation(x, currency))
      };
    }

    /** The state words' cells, by {@link State#ordinal()}. */
    private final Cell[] states;

    /**
     * Each check's cells (a copy made anew for each check first met: a standard has a few dozen),
     * looked up by the check itself, not an equal one.
     */
    private volatile IdentityHashMap<Check, PerCheck> checks = new IdentityHashMap<>();

    private PerCheck perCheck(Check check) {
      PerCheck own = checks.get(check);
      if (own != null) {
        return own;
      }
      synchronized (this) {
        own = checks.get(check);
        if (own == null) {
          Locale locale = formats.messages().locale();
          own =
              new PerCheck(
                  Cell.of(check.title() == null ? check.id() : check.title().in(locale), MAX[0]));
          IdentityHashMap<Check, PerCheck> more = new IdentityHashMap<>(checks);
          more.put(check, own);
          checks = more;
        }
        return own;
      }
    }

    /**
     * A check's cells: its title, and for the columns whose text depends on one value besides the
     * check, the cell of the value last seen (nearly every machine has the same requirement and
     * remediation for a check).
     */
    private static final class PerCheck {
      final Cell title;
      final LastValue measured = new LastValue();
      final LastValue required = new LastValue();
      final LastValue cost = new LastValue();

      PerCheck(Cell title) {
        this.title = title;
      }
    }

    /** The cell of the value last seen in a column; another value replaces it. Thread-safe. */
    private static final class LastValue {
      private volatile Seen last;

      Cell cell(Object value, int column, Supplier<String> text) {
        Seen seen = last;
        if (seen != null && Objects.equals(seen.value, value)) {
          return seen.cell;
        }
        Cell cell = Cell.of(text.get(), MAX[column]);
        last = new Seen(value, cell);
        return cell;
      }
    }

    private record Seen(Object value, Cell cell) {}

    private Cell cell(int column, Check check, Object value, Supplier<String> text) {
      Key key = new Key(column, check, value);
      Cell c = made.get(key);
      if (c == null) {
        c = Cell.of(text.get(), MAX[column]);
        if (made.size() < LIMIT) {
          made.putIfAbsent(key, c);
        }
      }
      return c;
    }
  }

  /**
   * A machine's deficiency table, and whether the run keeps it (the same array for every machine
   * with these rows, never changed).
   */
  private record Table(byte[] bytes, boolean kept) {}

  /** The reason or note a shortfall cell shows, as a key of {@link Cells#cell}. */
  private record ReasonNote(Message reason, Message note) {}

  /** A cell's column, the check it belongs to (the same object, not an equal one), and a value. */
  private record Key(int column, Check check, Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.column == column
          && k.check == check
          && Objects.equals(k.value, value);
    }

    @Override
    public int hashCode() {
      return (31 * column + System.identityHashCode(check)) * 31 + Objects.hashCode(value);
    }
  }

  /** What a waiver did to a finding: accepted it until a day, or ran out. */
  private static String waiverLine(Finding x, Messages m) {
    Waiver w = x.waiver();
    String title = x.check().title() == null ? x.check().id() : x.check().title().in(m.locale());
    String line =
        x.waiverExpired()
            ? m.get("table.waiverExpired", w.expires().toString(), title, w.approvedBy())
            : m.get(
                "table.waived",
                title,
                w.approvedBy(),
                w.approvedOn().toString(),
                w.expires().toString(),
                // A literal block keeps its line breaks; the table wants one line.
                w.justification().strip().replaceAll("\\s*\\R\\s*", " "));
    if (w.planItem() != null) {
      line += " " + m.get("table.planItem", w.planItem());
    }
    return Safe.text(line);
  }

  /** The machine-table cells, without the WAIVED one (index 5) when no waiver was involved. */
  private static String[] columns(boolean waivers, String... cells) {
    if (waivers) {
      return cells;
    }
    String[] out = new String[cells.length - 1];
    System.arraycopy(cells, 0, out, 0, 5);
    System.arraycopy(cells, 6, out, 5, cells.length - 6);
    return out;
  }

  /**
   * A snapshot's unit as the tables show it ("code name"), one string per unit for the run: every
   * row holds one until the table is written.
   */
  private String unitLabel(Snapshot s) {
    return s.unit() == null
        ? unit(s)
        : unitLabels.get(new UnitName(s.unit().code(), s.unit().name()));
  }

  private record UnitName(String code, String name) {}

  private final Memo<UnitName, String> unitLabels =
      new Memo<>(u -> unit(u.code(), u.name()), 16_384, u -> Memo.chars(u.code(), u.name()), 512);

  private static String unit(Snapshot s) {
    return s.unit() == null ? "—" : unit(s.unit().code(), s.unit().name());
  }

  private static String unit(String code, String name) {
    return Safe.text(((code == null ? "" : code) + " " + (name == null ? "" : name)).trim());
  }
}
