package io.rtdp.ksql.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.server.command.Command;
import io.rtdp.ksql.server.command.CommandId;
import io.rtdp.ksql.server.command.CommandRunner;
import io.rtdp.ksql.server.command.CommandStatus;
import io.rtdp.ksql.server.command.CommandTopic;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.execution.SessionVariables;
import io.rtdp.ksql.server.execution.StatementFailure;
import io.rtdp.ksql.server.streaming.PushQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /ksql}: validates every statement of the request against a sandbox, then runs them
 * in order; statements that change state go through the command topic (SPEC §4.6, §5.1).
 */
final class KsqlEndpoint {
  private static final String SELECT_ON_KSQL = "The following statement types should be issued to the websocket "
      + "endpoint '/query':\n\t* PRINT\n\t* SELECT";

  private final ServerEngine engine;
  private final CommandTopic commandTopic;
  private final CommandRunner runner;
  private final MetadataEntities metadata;
  private final QueryDescriptions queryDescriptions;
  private final PushQueries pushQueries;
  private final Map<String, String> originalProperties;
  private final long timeoutMs;

  KsqlEndpoint(ServerEngine engine, CommandTopic commandTopic, CommandRunner runner, MetadataEntities metadata,
      QueryDescriptions queryDescriptions, PushQueries pushQueries, Map<String, String> originalProperties,
      long timeoutMs) {
    this.engine = engine;
    this.commandTopic = commandTopic;
    this.runner = runner;
    this.metadata = metadata;
    this.queryDescriptions = queryDescriptions;
    this.pushQueries = pushQueries;
    this.originalProperties = originalProperties;
    this.timeoutMs = timeoutMs;
  }

  RestResponse handle(String body) throws InterruptedException {
    JsonNode request;
    try {
      request = RestResponse.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return RestResponse.error(40000, "Invalid JSON in request: " + e.getOriginalMessage());
    }
    if (request == null || !request.isObject() || !request.path("ksql").isTextual()) {
      return RestResponse.error(40000, "The request must be a JSON object with the statements as a string in 'ksql',"
          + " e.g. {\"ksql\": \"SHOW STREAMS;\"}");
    }
    String ksql = request.get("ksql").asText();
    Map<String, Object> streamsProperties;
    try {
      streamsProperties = objectField(request, "streamsProperties");
      ksql = SessionVariables.substitute(ksql, sessionVariables(request));
    } catch (IllegalArgumentException e) {
      return RestResponse.error(40000, e.getMessage());
    }
    JsonNode sequence = request.path("commandSequenceNumber");
    if (sequence.isIntegralNumber() && !runner.awaitPosition(sequence.asLong() + 1, timeoutMs)) {
      return RestResponse.error(50301, "Timed out while waiting for a previous command to execute. command sequence"
          + " number: " + sequence.asLong());
    }
    return run(ksql, streamsProperties);
  }

  // One request at a time: validation must see the commands of the requests before it.
  private synchronized RestResponse run(String ksql, Map<String, Object> streamsProperties) throws InterruptedException {
    List<StatementParser.Parsed> statements;
    try {
      statements = engine.parse(ksql);
    } catch (KsqlException e) {
      return RestResponse.statementError(40001, e.getMessage(), ksql, List.of());
    }
    for (StatementParser.Parsed p : statements) {
      if (p.statement() instanceof Statement.QueryStatement) {
        return RestResponse.statementError(40002, SELECT_ON_KSQL, p.text(), List.of());
      }
      Optional<String> unsupported = unsupported(p.statement());
      if (unsupported.isPresent()) {
        return RestResponse.statementError(40001, unsupported.get(), p.text(), List.of());
      }
    }
    boolean changesState = statements.stream().anyMatch(
        p -> CommandId.of(p.statement()).isPresent() || p.statement() instanceof Statement.InsertValues);
    // Read-only requests need no validation: they run on the live state.
    if (changesState) {
      if (!runner.awaitCaughtUp(timeoutMs)) {
        return RestResponse.error(50301, "Timed out while waiting for this server to execute the commands of other"
            + " servers; retry the request");
      }
      try {
        engine.validate(statements, runner.position());
      } catch (StatementFailure e) {
        return RestResponse.statementError(40001, e.getMessage(), e.statementText(), List.of());
      }
    }
    List<Object> entities = new ArrayList<>();
    for (StatementParser.Parsed p : statements) {
      Optional<String> commandId = CommandId.of(p.statement());
      if (commandId.isPresent()) {
        long offset = commandTopic.append(commandId.get(),
            new Command(p.text(), streamsProperties, originalProperties, Command.VERSION));
        CommandStatus status = runner.awaitExecuted(offset, timeoutMs).orElse(CommandStatus.queued());
        if (status.failed()) {
          return RestResponse.statementError(40001, status.message(), p.text(), entities);
        }
        entities.add(currentStatus(p.text(), commandId.get(), status, offset));
      } else if (p.statement() instanceof Statement.InsertValues) {
        try {
          engine.insertValues(p.text());
        } catch (KsqlException e) {
          return RestResponse.statementError(40001, e.getMessage(), p.text(), entities);
        }
      } else if (p.statement() instanceof Statement.Terminate t) {
        // A push query's id: CommandId.endsPushQuery, ended here and now (not distributed).
        Optional<String> ended = pushQueries.terminate(t.queryId());
        if (ended.isEmpty()) {
          return RestResponse.statementError(40001, "Unknown queryId: " + t.queryId()
              + ". No push query with this id runs on this server; SHOW QUERIES lists those that do.", p.text(),
              entities);
        }
        entities.add(terminatedPushQuery(p.text(), ended.get()));
      } else if (p.statement() instanceof Statement.DefineVariable
          || p.statement() instanceof Statement.UndefineVariable) {
        // Already applied to the text of the request (SessionVariables); no entity, as in ksqlDB.
        continue;
      } else {
        try {
          entities.add(p.statement() instanceof Statement.Explain x
              ? queryDescriptions.explain(p.text(), x, streamsProperties)
              : engine.read(e -> listOrDescribe(e, p, streamsProperties)));
        } catch (KsqlException e) {
          return RestResponse.statementError(40001, e.getMessage(), p.text(), entities);
        }
      }
    }
    return RestResponse.json(200, entities);
  }

  private Object listOrDescribe(KsqlEngine e, StatementParser.Parsed p, Map<String, Object> streamsProperties) {
    Statement s = p.statement();
    if (s instanceof Statement.ListEntities l) {
      return switch (l.what().toUpperCase(Locale.ROOT)) {
        case "STREAMS" -> l.extended() ? metadata.describeAll(e, p.text(), DataSource.Kind.STREAM, true)
            : metadata.sources(e, p.text(), DataSource.Kind.STREAM);
        case "TABLES" -> l.extended() ? metadata.describeAll(e, p.text(), DataSource.Kind.TABLE, true)
            : metadata.sources(e, p.text(), DataSource.Kind.TABLE);
        case "QUERIES" -> l.extended() ? queryDescriptions.describeAll(e, p.text()) : metadata.queries(e, p.text());
        case "TOPICS" -> metadata.topics(p.text());
        case "FUNCTIONS" -> FunctionEntities.list(e, p.text());
        case "PROPERTIES" -> PropertiesEntity.of(p.text(), originalProperties, streamsProperties);
        default -> throw new IllegalStateException("SHOW " + l.what() + " passed the supported-statement check");
      };
    }
    if (s instanceof Statement.DescribeSources d) {
      return metadata.describeAll(e, p.text(), d.tables() ? DataSource.Kind.TABLE : DataSource.Kind.STREAM,
          d.extended());
    }
    if (s instanceof Statement.DescribeFunction f) {
      return FunctionEntities.describe(e, p.text(), f.name());
    }
    Statement.DescribeSource d = (Statement.DescribeSource) s;
    DataSource source = e.metaStore().source(d.name())
        .orElseThrow(() -> ServerEngine.unknownSource(e.metaStore(), d.name()));
    return metadata.describe(e, p.text(), source, d.extended());
  }

  /** Why this server cannot run the statement yet, or empty when it can. */
  private static Optional<String> unsupported(Statement s) {
    if (CommandId.of(s).isPresent() || s instanceof Statement.InsertValues || s instanceof Statement.DescribeSource
        || s instanceof Statement.DescribeSources || s instanceof Statement.DescribeFunction
        || s instanceof Statement.Explain || s instanceof Statement.DefineVariable
        || s instanceof Statement.UndefineVariable || s instanceof Statement.Terminate) {
      return Optional.empty();
    }
    if (s instanceof Statement.ListEntities l) {
      String what = l.what().toUpperCase(Locale.ROOT);
      boolean supported = switch (what) {
        case "STREAMS", "TABLES", "QUERIES" -> true;
        case "TOPICS", "FUNCTIONS", "PROPERTIES" -> !l.extended();
        default -> false;
      };
      return supported ? Optional.empty() : Optional.of("SHOW " + what + (l.extended() ? " EXTENDED" : "")
          + " is not supported by this server yet; supported: SHOW STREAMS, TABLES, QUERIES, TOPICS, FUNCTIONS,"
          + " PROPERTIES and DESCRIBE");
    }
    String name = s.getClass().getSimpleName();
    return Optional.of(name + " statements are not supported by this server yet; supported: CREATE, CSAS/CTAS,"
        + " INSERT, DROP, TERMINATE, CREATE/DROP TYPE, SHOW/LIST, DESCRIBE and EXPLAIN");
  }

  /** ksqlDB's TerminateQueryEntity, the answer to TERMINATE of a transient query (SPEC §4.6). */
  private static Map<String, Object> terminatedPushQuery(String statementText, String queryId) {
    Map<String, Object> entity = Entities.entity("terminate_query", statementText);
    entity.put("queryId", queryId);
    entity.put("wasTerminated", true);
    return Entities.withWarnings(entity);
  }

  private static Map<String, Object> currentStatus(String statementText, String commandId, CommandStatus status,
      long offset) {
    Map<String, Object> entity = Entities.entity("currentStatus", statementText);
    entity.put("commandId", commandId);
    Map<String, Object> commandStatus = new LinkedHashMap<>();
    commandStatus.put("status", status.status());
    commandStatus.put("message", status.message());
    commandStatus.put("queryId", status.queryId());
    entity.put("commandStatus", commandStatus);
    entity.put("commandSequenceNumber", offset);
    return Entities.withWarnings(entity);
  }

  /** {@code sessionVariables}: names to values (strings, numbers and booleans are used as their text). */
  static Map<String, String> sessionVariables(JsonNode request) {
    Map<String, String> out = new java.util.HashMap<>();
    objectField(request, "sessionVariables").forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  static Map<String, Object> objectField(JsonNode request, String name) {
    JsonNode node = request.get(name);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("'" + name + "' must be a JSON object of names to values");
    }
    return RestResponse.JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
  }
}
