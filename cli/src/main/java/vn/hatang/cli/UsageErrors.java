package vn.hatang.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;
import vn.hatang.core.i18n.Messages;

/**
 * Words picocli's usage errors in the reader's language: the common ones (a missing parameter, an
 * unknown option, a bad value) get our own text; any other keeps picocli's English.
 */
final class UsageErrors {
  private UsageErrors() {}

  static String describe(CommandLine.ParameterException ex, Messages m) {
    if (ex instanceof CommandLine.MissingParameterException missing) {
      String names =
          missing.getMissing().stream()
              .map(
                  a ->
                      a.isOption()
                          ? ((CommandLine.Model.OptionSpec) a).longestName()
                          : a.paramLabel())
              .collect(Collectors.joining(", "));
      return m.get("usage.missing", names);
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      return m.get("usage.unknown", String.join(" ", unmatched.getUnmatched()));
    }
    if (ex.getArgSpec() != null) {
      String name =
          ex.getArgSpec().isOption()
              ? ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName()
              : ex.getArgSpec().paramLabel();
      if (ex.getCause() instanceof CommandLine.TypeConversionException conversion) {
        return name + ": " + conversion.getMessage();
      }
      if (ex.getValue() != null) {
        return m.get("usage.badValue", name, ex.getValue());
      }
    }
    return ex.getMessage();
  }
}
