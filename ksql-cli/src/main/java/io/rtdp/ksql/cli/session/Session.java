package io.rtdp.ksql.cli.session;

import io.rtdp.ksql.client.KsqlClient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the CLI remembers between statements: the server, the properties set with SET (sent as
 * {@code streamsProperties}), the variables set with DEFINE (sent as {@code sessionVariables}), and
 * the last command sequence number seen, so that each request sees the effects of the ones before.
 */
public final class Session {
  private KsqlClient client;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> variables = new LinkedHashMap<>();
  private Long commandSequenceNumber;
  private long queryRowLimit;
  private long queryTimeoutMs;

  public Session(KsqlClient client) {
    this.client = client;
  }

  public KsqlClient client() {
    return client;
  }

  /** Switches to another server; what was set and defined stays, the sequence number belongs to the old one. */
  public void client(KsqlClient client) {
    this.client = client;
    this.commandSequenceNumber = null;
  }

  public Map<String, String> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** The previous value, or null. */
  public String setProperty(String name, String value) {
    return properties.put(name, value);
  }

  public String unsetProperty(String name) {
    return properties.remove(name);
  }

  public Map<String, String> variables() {
    return Collections.unmodifiableMap(variables);
  }

  public void define(String name, String value) {
    variables.put(name, value);
  }

  /** The value it had, or null when it was not defined. */
  public String undefine(String name) {
    return variables.remove(name);
  }

  public Long commandSequenceNumber() {
    return commandSequenceNumber;
  }

  public void sawCommandSequenceNumber(long number) {
    if (number >= 0 && (commandSequenceNumber == null || number > commandSequenceNumber)) {
      commandSequenceNumber = number;
    }
  }

  /** Rows after which the CLI stops a query itself ({@code --query-row-limit}); 0 for no limit. */
  public long queryRowLimit() {
    return queryRowLimit;
  }

  /** Milliseconds after which the CLI stops a query itself ({@code --query-timeout}); 0 for no limit. */
  public long queryTimeoutMs() {
    return queryTimeoutMs;
  }

  public void queryLimits(long rows, long timeoutMs) {
    this.queryRowLimit = Math.max(0, rows);
    this.queryTimeoutMs = Math.max(0, timeoutMs);
  }
}
