package io.rtdp.ksql.server.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One command-topic record value (SPEC §5.1). Replay executes {@code statement}: the engine has no
 * serializable execution plan, so the {@code plan} field of ksqlDB's commands is not written.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Command(String statement, Map<String, Object> streamsProperties, Map<String, String> originalProperties,
    int version) {
  /** The command format this server writes and understands. */
  public static final int VERSION = 1;

  public Command {
    streamsProperties = streamsProperties == null ? Map.of() : Map.copyOf(streamsProperties);
    originalProperties = originalProperties == null ? Map.of() : Map.copyOf(originalProperties);
  }
}
