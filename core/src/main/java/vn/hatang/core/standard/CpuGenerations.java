package vn.hatang.core.standard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hatang.core.snapshot.Processor;
import vn.hatang.core.util.Memo;

/**
 * Rules that place a CPU in a generation and say whether that generation meets the standard's
 * floor, from a data file. First matching rule wins. Immutable and thread-safe; a CPU's place is
 * remembered by vendor, name, family and model (a fleet has few models, each rule a pattern).
 */
public final class CpuGenerations {
  private final List<Rule> rules;
  private final Memo<CpuKey, Placement> places =
      new Memo<>(this::placeNow, 10_000, k -> Memo.chars(k.vendor(), k.name()), 256);

  /** What a CPU's place depends on. */
  private record CpuKey(String vendor, String name, Integer family, Integer model) {}

  /**
   * @param rules the rules in file order
   */
  public CpuGenerations(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules in file order. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * One rule. It matches when the vendor is equal, the name pattern (if any) is found in the CPU
   * name and the family/model bounds (if any) hold. The verdict is {@code supported} when set, else
   * {@code generation >= supportedFrom} with the generation read from the named group {@code gen}.
   *
   * @param id rule id
   * @param vendor CPU vendor id ({@code GenuineIntel}, {@code AuthenticAMD})
   * @param name pattern on the CPU name, or {@code null}
   * @param family required family, or {@code null}
   * @param familyAtLeast lower bound on family, or {@code null}
   * @param familyBelow exclusive upper bound on family, or {@code null}
   * @param modelAtMost upper bound on model, or {@code null}
   * @param exceptModels models this rule never matches
   * @param label generation label, {@code {gen}} is replaced by the generation number
   * @param supported fixed verdict, or {@code null}
   * @param supportedFrom lowest supported generation number, or {@code null}
   */
  public record Rule(
      String id,
      String vendor,
      Pattern name,
      Integer family,
      Integer familyAtLeast,
      Integer familyBelow,
      Integer modelAtMost,
      List<Integer> exceptModels,
      String label,
      Boolean supported,
      Integer supportedFrom) {
    public Rule {
      exceptModels = List.copyOf(exceptModels);
    }
  }

  /**
   * A CPU's place.
   *
   * @param rule the rule that matched
   * @param generation the generation label
   * @param supported whether it meets the floor
   */
  public record Placement(Rule rule, String generation, boolean supported) {}

  /** Places a CPU, or returns {@code null} when no rule matches. */
  public Placement place(Processor cpu) {
    if (cpu == null || cpu.vendor() == null) {
      return null;
    }
    return places.get(new CpuKey(cpu.vendor(), cpu.name(), cpu.family(), cpu.model()));
  }

  private Placement placeNow(CpuKey cpu) {
    for (Rule r : rules) {
      if (!r.vendor().equalsIgnoreCase(cpu.vendor().trim())) {
        continue;
      }
      Integer gen = null;
      if (r.name() != null) {
        if (cpu.name() == null) {
          continue;
        }
        Matcher m = r.name().matcher(cpu.name());
        if (!m.find()) {
          continue;
        }
        try {
          String g = m.group("gen");
          gen = g == null ? null : Integer.valueOf(g);
        } catch (IllegalArgumentException noGroup) {
          gen = null;
        }
      }
      if (r.family() != null && !r.family().equals(cpu.family())) {
        continue;
      }
      if (r.familyAtLeast() != null && (cpu.family() == null || cpu.family() < r.familyAtLeast())) {
        continue;
      }
      if (r.familyBelow() != null && (cpu.family() == null || cpu.family() >= r.familyBelow())) {
        continue;
      }
      if (r.modelAtMost() != null && (cpu.model() == null || cpu.model() > r.modelAtMost())) {
        continue;
      }
      if (!r.exceptModels().isEmpty()
          && (cpu.model() == null || r.exceptModels().contains(cpu.model()))) {
        continue;
      }
      boolean ok;
      if (r.supported() != null) {
        ok = r.supported();
      } else if (r.supportedFrom() != null && gen != null) {
        ok = gen >= r.supportedFrom();
      } else {
        continue;
      }
      String label =
          r.label() == null
              ? r.id()
              : r.label().replace("{gen}", gen == null ? "?" : gen.toString());
      return new Placement(r, label, ok);
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CpuGenerations other && rules.equals(other.rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  @Override
  public String toString() {
    return "CpuGenerations[rules=" + rules + "]";
  }
}
