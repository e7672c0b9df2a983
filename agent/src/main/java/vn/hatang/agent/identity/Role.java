package vn.hatang.agent.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of machine this is, as the snapshot writes it. */
public enum Role {
  DESKTOP,
  LAPTOP,
  SERVER,
  VIRTUAL;

  /** The snapshot value: {@code desktop}, {@code laptop}, {@code server}, {@code virtual}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a snapshot value, case-insensitively.
   *
   * @throws IllegalArgumentException for anything else, naming the accepted values
   */
  @JsonCreator
  public static Role parse(String value) {
    for (Role role : values()) {
      if (role.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(value);
  }

  /** The accepted values, comma-separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
  }
}
