package vn.hatang.core.unit;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.hatang.core.standard.Problem;

/**
 * The administrative units and their history, as data: every version of every unit, queried by day.
 * Built only from a consistent set: versions of one code never overlap, every parent exists and is
 * valid on every day its child is, every successor has a version valid on the day after its
 * predecessor's last day, and no unit is its own ancestor. Immutable and thread-safe.
 *
 * <p>Following successors always moves forward in time (a successor is the version valid on the day
 * after the predecessor's last day), so a chain may come back to a code that was reused, but never
 * to a version: it cannot cycle.
 */
public final class UnitRegistry {
  /** Codes in a stable order: all-digit codes by number ({@code 52 < 540 < 21583}), then text. */
  public static final Comparator<String> CODE_ORDER = UnitRegistry::compareCodes;

  private static int compareCodes(String a, String b) {
    boolean da = allDigits(a);
    boolean db = allDigits(b);
    if (da && db) {
      int za = leadingZeros(a);
      int zb = leadingZeros(b);
      int c = Integer.compare(a.length() - za, b.length() - zb);
      if (c == 0) {
        c = a.substring(za).compareTo(b.substring(zb));
      }
      return c != 0 ? c : a.compareTo(b);
    }
    if (da != db) {
      return da ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** Leading zeros, keeping the last digit ({@code "000"} has 2). */
  private static int leadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return i;
  }

  /** Units in a stable order: by code, then by start of validity. */
  public static final Comparator<AdminUnit> UNIT_ORDER =
      Comparator.comparing(AdminUnit::code, CODE_ORDER).thenComparing(AdminUnit::start);

  /**
   * A unit and where it was read.
   *
   * @param unit the unit version
   * @param file the file, as the user named it
   * @param line 1-based line, 0 when unknown
   * @param column 1-based column, 0 when unknown
   */
  public record Sourced(AdminUnit unit, String file, int line, int column) {
    Problem problem(String key, Object... args) {
      return new Problem(file, line, column, key, List.of(args));
    }
  }

  private final Map<String, List<AdminUnit>> byCode;
  private final Map<String, List<AdminUnit>> byParent;
  private final List<AdminUnit> all;
  private final List<String> levels;

  private UnitRegistry(Map<String, List<AdminUnit>> byCode, boolean withLevels) {
    this.byCode = byCode;
    List<AdminUnit> units = new ArrayList<>();
    byCode.values().forEach(units::addAll);
    units.sort(UNIT_ORDER);
    this.all = List.copyOf(units);
    Map<String, List<AdminUnit>> children = new HashMap<>();
    for (AdminUnit u : all) {
      if (u.parentCode() != null) {
        children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
      }
    }
    this.byParent = children;
    this.levels = withLevels ? computeLevels() : List.of();
  }

  /**
   * Builds a registry from units without a place (problems name {@code source}).
   *
   * @throws UnitsException listing every problem
   */
  public static UnitRegistry of(String source, List<AdminUnit> units) throws UnitsException {
    List<Sourced> sourced = new ArrayList<>();
    for (AdminUnit u : units) {
      sourced.add(new Sourced(u, source, 0, 0));
    }
    return build(sourced);
  }

  /**
   * Builds a registry, validating the whole set.
   *
   * @throws UnitsException listing every problem, each at the place of the unit concerned
   */
  public static UnitRegistry build(List<Sourced> units) throws UnitsException {
    List<Problem> problems = validate(units);
    if (!problems.isEmpty()) {
      throw new UnitsException(problems);
    }
    return new UnitRegistry(group(units), true);
  }

  /** Every problem of a set of units: empty when {@link #build} would succeed. */
  public static List<Problem> validate(List<Sourced> units) {
    List<Problem> problems = new ArrayList<>();
    Map<String, List<Sourced>> versions = new TreeMap<>(CODE_ORDER);
    for (Sourced s : units) {
      versions.computeIfAbsent(s.unit().code(), k -> new ArrayList<>()).add(s);
    }
    Map<AdminUnit, Sourced> where = new IdentityHashMap<>();
    for (Sourced s : units) {
      where.put(s.unit(), s);
    }
    // Versions of one code must not overlap.
    for (List<Sourced> list : versions.values()) {
      list.sort(Comparator.comparing((Sourced s) -> s.unit().start()));
      for (int i = 1; i < list.size(); i++) {
        Sourced prev = list.get(i - 1);
        Sourced next = list.get(i);
        if (!prev.unit().end().isBefore(next.unit().start())) {
          problems.add(
              next.problem(
                  "units.error.overlap",
                  next.unit().code(),
                  period(next.unit()),
                  period(prev.unit()),
                  prev.line()));
        }
      }
    }
    if (!problems.isEmpty()) {
      // Parents and successors are resolved by day: with overlapping versions that is ambiguous.
      return problems;
    }
    UnitRegistry lookup = new UnitRegistry(group(units), false);
    for (Sourced s : units) {
      AdminUnit u = s.unit();
      if (u.parentCode() != null) {
        List<AdminUnit> parents = lookup.versions(u.parentCode());
        if (parents.isEmpty()) {
          problems.add(s.problem("units.error.parentMissing", u.parentCode(), u.code()));
        } else {
          for (LocalDate[] gap : gaps(u.start(), u.end(), parents)) {
            problems.add(
                s.problem(
                    "units.error.parentNotValid",
                    u.parentCode(),
                    day(gap[0]),
                    day(gap[1]),
                    u.code()));
          }
        }
      }
      if (!u.successors().isEmpty()) {
        if (u.validTo() == null || u.validTo().equals(LocalDate.MAX)) {
          problems.add(s.problem("units.error.successorsOpen", u.code()));
        } else {
          LocalDate next = u.validTo().plusDays(1);
          for (String succ : u.successors()) {
            if (lookup.versions(succ).isEmpty()) {
              problems.add(s.problem("units.error.successorMissing", succ, u.code()));
            } else if (lookup.resolve(succ, next).isEmpty()) {
              problems.add(s.problem("units.error.successorNotValid", succ, next, u.code()));
            }
          }
        }
      }
    }
    // A cycle of parents, if any, exists on the first day of its latest-starting member.
    Set<Set<AdminUnit>> reported = new HashSet<>();
    for (Sourced s : units) {
      LocalDate day = s.unit().start();
      List<AdminUnit> chain = new ArrayList<>();
      AdminUnit cur = s.unit();
      while (cur != null && !chain.contains(cur)) {
        chain.add(cur);
        cur = cur.parentCode() == null ? null : lookup.resolve(cur.parentCode(), day).orElse(null);
      }
      if (cur != null) {
        List<AdminUnit> cycle = chain.subList(chain.indexOf(cur), chain.size());
        Set<AdminUnit> members = Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(cycle);
        if (reported.add(members)) {
          List<String> codes = new ArrayList<>();
          cycle.forEach(c -> codes.add(c.code()));
          codes.add(cur.code());
          problems.add(
              where
                  .get(cur)
                  .problem("units.error.parentCycle", String.join(" → ", codes), day(day)));
        }
      }
    }
    return problems;
  }

  /** The periods within {@code [start, end]} that no version in {@code cover} spans. */
  static List<LocalDate[]> gaps(LocalDate start, LocalDate end, List<AdminUnit> cover) {
    List<AdminUnit> sorted = new ArrayList<>(cover);
    sorted.sort(Comparator.comparing(AdminUnit::start));
    List<LocalDate[]> gaps = new ArrayList<>();
    LocalDate cursor = start;
    for (AdminUnit p : sorted) {
      if (cursor == null || p.start().isAfter(end)) {
        break;
      }
      if (p.end().isBefore(cursor)) {
        continue;
      }
      if (p.start().isAfter(cursor)) {
        gaps.add(new LocalDate[] {cursor, p.start().minusDays(1)});
      }
      cursor = p.end().equals(LocalDate.MAX) ? null : p.end().plusDays(1);
    }
    if (cursor != null && !cursor.isAfter(end)) {
      gaps.add(new LocalDate[] {cursor, end});
    }
    return gaps;
  }

  private static Map<String, List<AdminUnit>> group(List<Sourced> units) {
    Map<String, List<AdminUnit>> byCode = new LinkedHashMap<>();
    for (Sourced s : units) {
      byCode.computeIfAbsent(s.unit().code(), k -> new ArrayList<>()).add(s.unit());
    }
    Map<String, List<AdminUnit>> out = new HashMap<>();
    for (Map.Entry<String, List<AdminUnit>> e : byCode.entrySet()) {
      List<AdminUnit> list = new ArrayList<>(e.getValue());
      list.sort(Comparator.comparing(AdminUnit::start));
      out.put(e.getKey(), List.copyOf(list));
    }
    return Collections.unmodifiableMap(out);
  }

  private List<String> computeLevels() {
    Map<String, Integer> depth = new HashMap<>();
    Map<String, Integer> first = new HashMap<>();
    for (AdminUnit u : all) {
      int d = ancestors(u, u.start()).size();
      depth.merge(u.level(), d, Math::min);
      first.putIfAbsent(u.level(), first.size());
    }
    List<String> out = new ArrayList<>(depth.keySet());
    out.sort(Comparator.comparing((String l) -> depth.get(l)).thenComparing(l -> first.get(l)));
    return out;
  }

  /** A day for messages: the date, or "…" for an open end. */
  static String day(LocalDate d) {
    return d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX) ? "…" : d.toString();
  }

  private static String period(AdminUnit u) {
    return day(u.start()) + ".." + day(u.end());
  }

  /** Every version of every unit, by code then start. */
  public List<AdminUnit> all() {
    return all;
  }

  /** Every version of a code, oldest first; empty when the code is unknown. */
  public List<AdminUnit> versions(String code) {
    return byCode.getOrDefault(code, List.of());
  }

  /** The version of a code valid on a day. */
  public Optional<AdminUnit> resolve(String code, LocalDate day) {
    for (AdminUnit u : versions(code)) {
      if (u.validOn(day)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /** The units valid on a day, by code. */
  public List<AdminUnit> validOn(LocalDate day) {
    return all.stream().filter(u -> u.validOn(day)).toList();
  }

  /** The units valid on a day whose parent is {@code code}; empty when the code is not valid. */
  public List<AdminUnit> children(String code, LocalDate day) {
    if (resolve(code, day).isEmpty()) {
      return List.of();
    }
    return byParent.getOrDefault(code, List.of()).stream().filter(u -> u.validOn(day)).toList();
  }

  /**
   * The ancestors of a unit on a day: its parent first, up to the root; empty when the unit is a
   * root or not valid that day.
   */
  public List<AdminUnit> ancestors(String code, LocalDate day) {
    return resolve(code, day).map(u -> ancestors(u, day)).orElse(List.of());
  }

  private List<AdminUnit> ancestors(AdminUnit unit, LocalDate day) {
    List<AdminUnit> out = new ArrayList<>();
    Set<AdminUnit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(unit);
    AdminUnit cur = unit;
    while (cur.parentCode() != null) {
      AdminUnit parent = resolve(cur.parentCode(), day).orElse(null);
      if (parent == null || !seen.add(parent)) {
        break;
      }
      out.add(parent);
      cur = parent;
    }
    return out;
  }

  /**
   * Where a unit went: from the version of {@code code} valid on {@code from}, follows successor
   * links (each resolved on the day after its predecessor's last day) through as many steps as
   * needed, and returns the units valid on {@code day}, by code. A unit still valid on {@code day}
   * is its own answer; one that ended without successors leads nowhere. Empty when {@code code} has
   * no version on {@code from}, or when {@code day} is before {@code from}.
   */
  public List<AdminUnit> successorsOn(String code, LocalDate from, LocalDate day) {
    Optional<AdminUnit> start = resolve(code, from);
    if (start.isEmpty() || day.isBefore(from)) {
      return List.of();
    }
    Set<AdminUnit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<AdminUnit> found = new LinkedHashSet<>();
    Deque<AdminUnit> todo = new ArrayDeque<>();
    todo.add(start.get());
    while (!todo.isEmpty()) {
      AdminUnit u = todo.poll();
      if (!seen.add(u)) {
        continue; // a version reached twice (two paths of a merge); cycles cannot happen
      }
      if (u.validOn(day)) {
        found.add(u);
      } else if (u.end().isBefore(day) && !u.end().equals(LocalDate.MAX)) {
        LocalDate next = u.end().plusDays(1);
        for (String s : u.successors()) {
          resolve(s, next).ifPresent(todo::add);
        }
      }
    }
    List<AdminUnit> out = new ArrayList<>(found);
    out.sort(UNIT_ORDER);
    return out;
  }

  /** The levels present, shallowest first (by the least depth at which each occurs). */
  public List<String> levels() {
    return levels;
  }

  /** Every code, in {@link #CODE_ORDER}. */
  public Set<String> codes() {
    Set<String> out = new java.util.TreeSet<>(CODE_ORDER);
    out.addAll(byCode.keySet());
    return Collections.unmodifiableSet(out);
  }

  /** How deep a unit is on a day: 0 for a root. */
  public int depth(AdminUnit unit, LocalDate day) {
    return ancestors(unit, day).size();
  }
}
