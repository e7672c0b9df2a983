package vn.hatang.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The administrative units a report rolls up into, as of any day (a units file, see {@code
 * docs/units.md}). Units, levels and their history are data: a unit that ceased has successors.
 */
public interface UnitDirectory {
  /**
   * A unit as the report sees it.
   *
   * @param code unit code
   * @param name name
   * @param level level ({@code province}, {@code commune}, ...)
   * @param parentCode parent's code, or {@code null} at the top
   * @param expectedStaff staff expected, or {@code null}
   * @param expectedMachines machines expected, or {@code null}
   * @param head who owns the unit's remediation plan, or {@code null}
   */
  record Node(
      String code,
      String name,
      String level,
      String parentCode,
      Integer expectedStaff,
      Integer expectedMachines,
      String head) {}

  /** The unit with this code valid on a day. */
  Optional<Node> resolve(String code, LocalDate day);

  /**
   * The one unit valid on {@code day} that the unit {@code code} (valid on {@code from}) became,
   * following successors; empty when it has none or several (a split cannot be decided).
   */
  Optional<Node> successorOn(String code, LocalDate from, LocalDate day);

  /** The units valid on a day. */
  List<Node> validOn(LocalDate day);

  /** No units file: every snapshot's own unit code and level are taken as they are. */
  UnitDirectory NONE =
      new UnitDirectory() {
        @Override
        public Optional<Node> resolve(String code, LocalDate day) {
          return Optional.empty();
        }

        @Override
        public Optional<Node> successorOn(String code, LocalDate from, LocalDate day) {
          return Optional.empty();
        }

        @Override
        public List<Node> validOn(LocalDate day) {
          return List.of();
        }
      };
}
