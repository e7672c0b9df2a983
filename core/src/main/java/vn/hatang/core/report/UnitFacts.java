package vn.hatang.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hatang.core.check.State;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.standard.UnitMetric;

/**
 * What a period's snapshots say about one unit: its machines (a compact fact each, not the
 * snapshots), its lines' successful measurements and the equipment pieces its machines see. Mutable
 * while the snapshots stream in; not thread-safe.
 */
public final class UnitFacts {
  /**
   * One machine of the unit, from its latest snapshot up to the period's end.
   *
   * @param machineId the machine's id
   * @param hostname its host name
   * @param role desktop, laptop, server, virtual, or {@code null}
   * @param status reporting, stale or missing
   * @param verdict its verdict when judged (reporting or stale), else {@code null}
   */
  public record MachineFact(
      String machineId, String hostname, String role, MachineStatus status, State verdict) {}

  private final Map<String, MachineFact> machines = new LinkedHashMap<>();
  private final Map<String, List<Double>> lineValues = new HashMap<>();
  private final Map<String, Set<String>> equipment = new HashMap<>();

  /** Records a machine (a later call for the same id replaces the earlier one). */
  public void machine(MachineFact fact) {
    machines.put(fact.machineId(), fact);
  }

  /** Records a measurement of a line taken in the period; only successful figures count. */
  public void line(LineMeasurement m) {
    if (m == null || m.name() == null || !"OK".equals(m.status())) {
      return;
    }
    value(m.name(), UnitMetric.LINE_DOWNLOAD, m.downloadMbps());
    value(m.name(), UnitMetric.LINE_UPLOAD, m.uploadMbps());
    value(m.name(), UnitMetric.LINE_LATENCY, m.latencyMs());
    value(m.name(), UnitMetric.LINE_JITTER, m.jitterMs());
  }

  private void value(String line, UnitMetric metric, Double v) {
    if (v != null && Double.isFinite(v) && v >= 0) {
      lineValues.computeIfAbsent(line + "\u0000" + metric.path(), k -> new ArrayList<>()).add(v);
    }
  }

  /** Adds equipment pieces seen by one machine (keys by item, see {@link EquipmentCounter}). */
  public void equipment(Map<String, Set<String>> pieces) {
    pieces.forEach(
        (item, keys) -> equipment.computeIfAbsent(item, k -> new HashSet<>()).addAll(keys));
  }

  /** The machines, in the order first recorded. */
  public List<MachineFact> machines() {
    return List.copyOf(machines.values());
  }

  /** The successful measurements of a line's metric in the period. */
  public List<Double> lineValues(String line, UnitMetric metric) {
    return List.copyOf(lineValues.getOrDefault(line + "\u0000" + metric.path(), List.of()));
  }

  /** Distinct pieces of an item the machines see. */
  public int equipmentSeen(String item) {
    return equipment.getOrDefault(item, Set.of()).size();
  }
}
