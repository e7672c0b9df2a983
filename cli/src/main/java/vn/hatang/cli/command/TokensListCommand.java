package vn.hatang.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.StoreException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.render.TextTable;

/** {@code hatang tokens list}: every token, oldest first, without its hash. */
@Command(name = "list", mixinStandardHelpOptions = true)
public final class TokensListCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format {
    table,
    json
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HatangMain.Context context;

  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = {"-f", "--format"},
      descriptionKey = "format",
      defaultValue = "table")
  Format format;

  public TokensListCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    List<Store.Token> tokens;
    try (Store store = storeOptions.open(context.env())) {
      tokens = store.tokens();
    } catch (StoreException e) {
      throw StoreOptions.failed(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      List<Map<String, Object>> items = new ArrayList<>();
      Instant now = Instant.now();
      for (Store.Token t : tokens) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", t.id());
        item.put("scope", t.scope());
        item.put("unit", t.unitCode());
        item.put("label", t.label());
        item.put("createdAt", iso(t.createdAt()));
        item.put("expiresAt", iso(t.expiresAt()));
        item.put("revokedAt", iso(t.revokedAt()));
        item.put("active", t.activeAt(now));
        items.add(item);
      }
      out.println(JSON.writeValueAsString(items));
    } else if (tokens.isEmpty()) {
      spec.commandLine().getErr().println(context.messages().get("tokens.none"));
    } else {
      var m = context.messages();
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            m.get("col.id"),
            m.get("col.scope"),
            m.get("col.unit"),
            m.get("col.label"),
            m.get("col.created"),
            m.get("col.expires"),
            m.get("col.revoked")
          });
      for (Store.Token t : tokens) {
        rows.add(
            new String[] {
              t.id(),
              t.scope(),
              t.unitCode() == null ? m.get("tokens.allUnits") : t.unitCode(),
              t.label() == null ? "" : t.label(),
              local(t.createdAt()),
              t.expiresAt() == null ? "—" : local(t.expiresAt()),
              t.revokedAt() == null ? "—" : local(t.revokedAt())
            });
      }
      out.print(TextTable.render(rows, new boolean[7], ""));
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** A time as this machine's local date and time to the minute. */
  static String local(Instant at) {
    return LOCAL.format(at.atZone(ZoneId.systemDefault()));
  }

  private static String iso(Instant at) {
    return at == null ? null : at.toString();
  }
}
