package io.rtdp.ksql.server.command;

/** The status of one command, as {@code commandStatus} in /ksql responses and /status (SPEC §4.6). */
public record CommandStatus(String status, String message, String queryId) {
  public static CommandStatus success(String message, String queryId) {
    return new CommandStatus("SUCCESS", message, queryId);
  }

  public static CommandStatus error(String message) {
    return new CommandStatus("ERROR", message, null);
  }

  public static CommandStatus queued() {
    return new CommandStatus("QUEUED", "Statement written to command topic", null);
  }

  public boolean failed() {
    return "ERROR".equals(status);
  }
}
