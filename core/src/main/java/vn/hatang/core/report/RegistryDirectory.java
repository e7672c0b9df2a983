package vn.hatang.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.hatang.core.unit.AdminUnit;
import vn.hatang.core.unit.UnitRegistry;

/** A units file ({@link UnitRegistry}) as the report's {@link UnitDirectory}. */
public final class RegistryDirectory implements UnitDirectory {
  private final UnitRegistry registry;

  public RegistryDirectory(UnitRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<Node> resolve(String code, LocalDate day) {
    return registry.resolve(code, day).map(RegistryDirectory::node);
  }

  @Override
  public Optional<Node> successorOn(String code, LocalDate from, LocalDate day) {
    List<AdminUnit> next = registry.successorsOn(code, from, day);
    return next.size() == 1 ? Optional.of(node(next.get(0))) : Optional.empty();
  }

  @Override
  public List<Node> validOn(LocalDate day) {
    return registry.validOn(day).stream().map(RegistryDirectory::node).toList();
  }

  private static Node node(AdminUnit u) {
    String head = null;
    if (u.head() != null) {
      head =
          u.head().title() == null || u.head().title().isBlank()
              ? u.head().name()
              : u.head().name() == null
                  ? u.head().title()
                  : u.head().name() + " (" + u.head().title() + ")";
    }
    return new Node(
        u.code(),
        u.name(),
        u.level(),
        u.parentCode(),
        u.expectedStaff(),
        u.expectedMachines(),
        head);
  }
}
