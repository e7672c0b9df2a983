package vn.hatang.core.snapshot;

/**
 * The administrative unit a machine belongs to, as configured on the agent.
 *
 * @param code the unit's code (for example the statistics office's commune code {@code 21583})
 * @param name the unit's name, for people
 * @param level the unit's level ({@code commune}, {@code province}, ...), or {@code null} when not
 *     configured; levels are an open list of data, not an enum
 */
public record UnitRef(String code, String name, String level) {}
