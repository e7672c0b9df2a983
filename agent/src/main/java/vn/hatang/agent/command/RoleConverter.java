package vn.hatang.agent.command;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import vn.hatang.agent.identity.Role;
import vn.hatang.core.i18n.Messages;

/**
 * Converts {@code --role} values ({@code desktop}, {@code laptop}, {@code server}, {@code
 * virtual}).
 */
public final class RoleConverter implements ITypeConverter<Role> {
  @Override
  public Role convert(String value) {
    try {
      return Role.parse(value);
    } catch (IllegalArgumentException e) {
      Messages messages = Messages.of(Locale.getDefault(), "vn.hatang.agent.messages");
      throw new TypeConversionException(messages.get("option.role.invalid", value, Role.ids()));
    }
  }
}
