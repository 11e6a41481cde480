package io.rtdp.ksql.server.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.query.PullQuery;
import io.rtdp.ksql.engine.query.RestValues;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.execution.SessionVariables;
import io.rtdp.ksql.server.kafka.BrokerTopics;
import io.rtdp.ksql.server.pull.PullQueryFailure;
import io.rtdp.ksql.server.pull.StreamPullQueries;
import io.rtdp.ksql.server.pull.TablePullQueries;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /query} (SPEC §4.4), {@code POST /query-stream} (§4.5), {@code POST /close-query}
 * and the internal pull-query endpoint. Called off the event loop with the whole request body;
 * push queries and PRINT keep writing after the call returned.
 */
public final class QueryEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(QueryEndpoints.class);
  private static final String INTERNAL_ERROR = "The server encountered an internal error when processing the query."
      + " Please consult the server logs for more information.";

  private final ServerEngine engine;
  private final PushQueries pushQueries;
  private final TablePullQueries tablePulls;
  private final StreamPullQueries streamPulls;
  private final PrintTopic print;
  private final BrokerTopics topics;

  public QueryEndpoints(ServerEngine engine, PushQueries pushQueries, TablePullQueries tablePulls,
      StreamPullQueries streamPulls, PrintTopic print, BrokerTopics topics) {
    this.engine = engine;
    this.pushQueries = pushQueries;
    this.tablePulls = tablePulls;
    this.streamPulls = streamPulls;
    this.print = print;
    this.topics = topics;
  }

  /** A request's statement, its property overrides and session variables, whichever endpoint it came to. */
  private record QueryRequest(String sql, Map<String, Object> properties) {}

  /** /query: always ksqlDB's StreamedRow array. */
  public void query(HttpServerRequest request, String body) {
    String accept = request.getHeader("Accept");
    String contentType = accept != null && accept.contains("application/json") ? "application/json"
        : StreamFormat.STREAMED_ROWS.mediaType();
    parse(request, body, "ksql", "streamsProperties")
        .ifPresent(q -> run(request, q, StreamFormat.STREAMED_ROWS, contentType, true));
  }

  /** /query-stream: the format the Accept header asks for (delimited by default). */
  public void queryStream(HttpServerRequest request, String body) {
    StreamFormat format = StreamFormat.forQueryStream(request.getHeader("Accept"));
    if (format == null) {
      reply(request, 406, ErrorBodies.generic(40600, "The Accept header names no media type /query-stream produces:"
          + " application/vnd.ksqlapi.delimited.v1, application/json or application/vnd.ksql.v1+json"));
      return;
    }
    parse(request, body, "sql", "properties").ifPresent(q -> run(request, q, format, format.mediaType(), false));
  }

  /** /close-query: ends a push query running here. */
  public void closeQuery(HttpServerRequest request, String body) {
    JsonNode json = readJson(request, body);
    if (json == null) {
      return;
    }
    if (!json.path("queryId").isTextual()) {
      reply(request, 400, ErrorBodies.generic(40000, "The request must be {\"queryId\": \"<id of a push query>\"}"));
      return;
    }
    String id = json.get("queryId").asText();
    if (!pushQueries.close(id)) {
      reply(request, 400, ErrorBodies.generic(40000, "No query with id " + id));
      return;
    }
    request.response().setStatusCode(200).end();
  }

  /** The internal endpoint: this server's local part of a pull query another server received. */
  public void internalPull(HttpServerRequest request, String body) {
    parse(request, body, "sql", "properties").ifPresent(q -> {
      try {
        List<ArrayNode> rows = tablePulls.localPart(q.sql(), q.properties());
        reply(request, 200, Map.of("rows", rows));
      } catch (KsqlException | PullQueryFailure e) {
        reply(request, 500, ErrorBodies.generic(50000, e.getMessage()));
      }
    });
  }

  private void run(HttpServerRequest request, QueryRequest q, StreamFormat format, String contentType,
      boolean legacyEndpoint) {
    try {
      Optional<PrintStatement> printStatement = PrintStatement.parse(q.sql());
      if (printStatement.isPresent()) {
        print(request, q.sql(), printStatement.get(), format, contentType, legacyEndpoint);
        return;
      }
      if (engine.read(e -> e.isPushQuery(q.sql()))) {
        QueryStream out = QueryStream.open(request, format, contentType);
        try {
          pushQueries.start(q.sql(), q.properties(), out);
        } catch (KsqlException e) {
          out.fail(ErrorBodies.statement(e.getMessage(), q.sql()));
        } catch (PushQueries.TooManyQueries e) {
          out.fail(ErrorBodies.generic(40003, e.getMessage()));
        }
        return;
      }
      pull(request, q, format, contentType);
    } catch (KsqlException | IllegalArgumentException e) {
      reply(request, 400, ErrorBodies.statement(e.getMessage(), q.sql()));
    } catch (PullQueryFailure e) {
      reply(request, 500, ErrorBodies.statement(e.getMessage(), q.sql()));
    } catch (RuntimeException e) {
      LOG.error("Query failed: {}", q.sql(), e);
      reply(request, 500, ErrorBodies.generic(50000, INTERNAL_ERROR));
    }
  }

  private void pull(HttpServerRequest request, QueryRequest q, StreamFormat format, String contentType) {
    PullQuery pull = engine.read(e -> e.planPull(q.sql(), q.properties()));
    if (pull.streamScan().isPresent()) {
      QueryStream out = QueryStream.open(request, format, contentType);
      out.header(pull.queryId(), pull.columns());
      try {
        boolean limited = streamPulls.scan(pull.streamScan().get(), row -> {
          if (!out.ended()) {
            out.row(RestValues.row(row, pull.columns()), row.tombstone());
          }
        });
        out.end(limited ? "Limit Reached" : "Query Completed");
      } catch (RuntimeException e) {
        LOG.error("Stream pull query failed: {}", q.sql(), e);
        out.fail(ErrorBodies.generic(50000, INTERNAL_ERROR));
      }
      return;
    }
    List<ArrayNode> rows = tablePulls.execute(pull, q.sql(), q.properties());
    QueryStream out = QueryStream.open(request, format, contentType);
    out.header(pull.queryId(), pull.columns());
    rows.forEach(r -> out.row(r, false));
    out.end(null);
  }

  private void print(HttpServerRequest request, String sql, PrintStatement p, StreamFormat format, String contentType,
      boolean legacyEndpoint) {
    if (!legacyEndpoint && format != StreamFormat.DELIMITED) {
      reply(request, 406, ErrorBodies.generic(40600, "PRINT on /query-stream is only served as "
          + StreamFormat.DELIMITED.mediaType()));
      return;
    }
    Set<String> names = topics.names();
    String topic = PrintTopic.resolve(p, names);
    if (topic == null) {
      reply(request, 400, ErrorBodies.statement(PrintTopic.unknownTopic(p.topic(), names), sql));
      return;
    }
    print.start(topic, p, QueryStream.open(request, StreamFormat.TEXT, contentType));
  }

  private Optional<QueryRequest> parse(HttpServerRequest request, String body, String sqlField,
      String propertiesField) {
    JsonNode json = readJson(request, body);
    if (json == null) {
      return Optional.empty();
    }
    if (!json.path(sqlField).isTextual()) {
      reply(request, 400, ErrorBodies.generic(40000, "The request must be a JSON object with the statement as a string in '"
          + sqlField + "'"));
      return Optional.empty();
    }
    try {
      Map<String, Object> properties = objectField(json, propertiesField);
      Map<String, String> variables = new HashMap<>();
      objectField(json, "sessionVariables").forEach((k, v) -> variables.put(k, String.valueOf(v)));
      return Optional.of(new QueryRequest(SessionVariables.substitute(json.get(sqlField).asText(), variables),
          properties));
    } catch (IllegalArgumentException e) {
      reply(request, 400, ErrorBodies.generic(40000, e.getMessage()));
      return Optional.empty();
    }
  }

  private static JsonNode readJson(HttpServerRequest request, String body) {
    try {
      JsonNode json = QueryStream.JSON.readTree(body);
      if (json != null && json.isObject()) {
        return json;
      }
      reply(request, 400, ErrorBodies.generic(40000, "The request body must be a JSON object"));
    } catch (JsonProcessingException e) {
      reply(request, 400, ErrorBodies.generic(40000, "Invalid JSON in request: " + e.getOriginalMessage()));
    }
    return null;
  }

  private static Map<String, Object> objectField(JsonNode request, String name) {
    JsonNode node = request.get(name);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("'" + name + "' must be a JSON object of names to values");
    }
    return QueryStream.JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
  }

  private static void reply(HttpServerRequest request, int status, Object body) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(QueryStream.json(body));
  }
}
