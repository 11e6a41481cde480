package io.rtdp.ksql.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.server.KsqlServerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real KSQL server on a real broker: statements, queries that end, streamed push queries. */
class KsqlClientTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "client_test_");

  private static KsqlClient client;

  @BeforeAll
  static void connect() {
    client = new KsqlClient(URI.create(ksql.url()), Duration.ofSeconds(20));
  }

  @Test
  void statementsAnswerWithTheirEntities() {
    List<JsonNode> entities = client.execute("CREATE STREAM CLIENT_READINGS (ID STRING KEY, V INT)"
        + " WITH (KAFKA_TOPIC='client_readings', VALUE_FORMAT='JSON', PARTITIONS=1); SHOW STREAMS;", Map.of());

    assertThat(entities).hasSize(2);
    assertThat(entities.get(0).path("@type").asText()).isEqualTo("currentStatus");
    assertThat(entities.get(0).path("commandStatus").path("status").asText()).isEqualTo("SUCCESS");
    assertThat(entities.get(1).path("streams").toString()).contains("CLIENT_READINGS");
    assertThat(client.info().path("KsqlServerInfo").path("ksqlServiceId").asText()).isEqualTo("client_test_");
  }

  @Test
  void aBadStatementIsTheServersStatementError() {
    assertThatThrownBy(() -> client.execute("CREATE STREAM;", Map.of()))
        .isInstanceOfSatisfying(KsqlServerException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errorCode()).isEqualTo(40001);
          assertThat(e.request()).isEqualTo("CREATE STREAM;");
        });
  }

  @Test
  void aPullQueryReturnsTheTablesRows() {
    client.execute("CREATE STREAM CLIENT_EVENTS (ID STRING KEY, V INT)"
        + " WITH (KAFKA_TOPIC='client_events', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + "CREATE TABLE CLIENT_TOTALS AS SELECT ID, SUM(V) AS TOTAL FROM CLIENT_EVENTS GROUP BY ID;",
        Map.of("auto.offset.reset", "earliest"));
    client.execute("INSERT INTO CLIENT_EVENTS (ID, V) VALUES ('a', 1); INSERT INTO CLIENT_EVENTS (ID, V) VALUES ('a', 2);"
        + "INSERT INTO CLIENT_EVENTS (ID, V) VALUES ('b', 5);", Map.of());

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      QueryResult result = client.query("SELECT * FROM CLIENT_TOTALS WHERE ID = 'a';", Map.of());
      assertThat(result.columnNames()).containsExactly("ID", "TOTAL");
      assertThat(result.columnTypes()).containsExactly("STRING", "INTEGER");
      assertThat(result.rows()).hasSize(1);
      assertThat(result.row(0).get("TOTAL").asInt()).isEqualTo(3);
    });
  }

  @Test
  void aServerThatIsNotThereIsUnavailableNotAHang() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KsqlClient nowhere = new KsqlClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));

    assertThatThrownBy(() -> nowhere.execute("SHOW STREAMS;", Map.of()))
        .isInstanceOf(KsqlUnavailableException.class)
        .hasMessageStartingWith("Could not reach the KSQL server at http://127.0.0.1:" + port + ": ");
    try (QueryStream stream = nowhere.stream("SELECT * FROM X EMIT CHANGES;", Map.of(), Map.of())) {
      assertThat(stream.next(Duration.ofSeconds(20))).isInstanceOf(QueryEvent.Unreachable.class);
    }
  }

  @Test
  void aPushQueryStreamsEachRowAsItArrivesUntilItIsClosedOnTheServer() throws Exception {
    client.execute("CREATE STREAM CLIENT_LIVE (ID STRING KEY, V INT)"
        + " WITH (KAFKA_TOPIC='client_live', VALUE_FORMAT='JSON', PARTITIONS=1);", Map.of());
    KsqlClient streaming = new KsqlClient(URI.create(ksql.url()));

    try (QueryStream stream = streaming.stream("SELECT ID, V FROM CLIENT_LIVE EMIT CHANGES;",
        Map.of("auto.offset.reset", "earliest"), Map.of())) {
      QueryEvent.Header header = (QueryEvent.Header) stream.next(Duration.ofSeconds(30));
      assertThat(header.columnNames()).containsExactly("ID", "V");
      assertThat(header.queryId()).startsWith("transient_");

      // Each row must arrive before the next one exists: the server writes a row's separator only with the next row.
      for (int v = 1; v <= 2; v++) {
        client.execute("INSERT INTO CLIENT_LIVE (ID, V) VALUES ('a', " + v + ");", Map.of());
        QueryEvent.Row row = (QueryEvent.Row) stream.next(Duration.ofSeconds(30));
        assertThat(row.values().get(1).asInt()).isEqualTo(v);
      }
      // /close-query stops it on the server, which then ends the response.
      assertThat(streaming.closeQuery(header.queryId())).isTrue();
      assertThat(stream.next(Duration.ofSeconds(30))).isEqualTo(new QueryEvent.End());
    }
    assertThat(client.closeQuery("transient_NO_SUCH_QUERY_1")).isFalse();

    QueryStream stream = streaming.stream("SELECT ID, V FROM CLIENT_LIVE EMIT CHANGES;", Map.of(), Map.of());
    String queryId = ((QueryEvent.Header) stream.next(Duration.ofSeconds(30))).queryId();
    stream.close();
    assertThat(stream.next(Duration.ofSeconds(30))).isEqualTo(new QueryEvent.End());
    // The server releases a closed query in the background; then it no longer knows the id.
    await().atMost(Duration.ofSeconds(30)).until(() -> !client.closeQuery(queryId));
  }

  @Test
  void aStreamTellsHowTheQueryEnded() throws Exception {
    client.execute("CREATE STREAM CLIENT_ENDS (ID STRING KEY, V INT)"
        + " WITH (KAFKA_TOPIC='client_ends', VALUE_FORMAT='JSON', PARTITIONS=1);", Map.of());
    client.execute("INSERT INTO CLIENT_ENDS (ID, V) VALUES ('a', 1); INSERT INTO CLIENT_ENDS (ID, V) VALUES ('b', 2);",
        Map.of());

    try (QueryStream stream = client.stream("SELECT * FROM CLIENT_ENDS EMIT CHANGES LIMIT 2;",
        Map.of("auto.offset.reset", "earliest"), Map.of())) {
      assertThat(stream.next(Duration.ofSeconds(30))).isInstanceOf(QueryEvent.Header.class);
      assertThat(stream.next(Duration.ofSeconds(30))).isInstanceOf(QueryEvent.Row.class);
      assertThat(stream.next(Duration.ofSeconds(30))).isInstanceOf(QueryEvent.Row.class);
      assertThat(stream.next(Duration.ofSeconds(30))).isEqualTo(new QueryEvent.Final("Limit Reached"));
      assertThat(stream.next(Duration.ofSeconds(30))).isEqualTo(new QueryEvent.End());
    }
    try (QueryStream stream = client.stream("SELECT * FROM NO_SUCH_STREAM EMIT CHANGES;", Map.of(), Map.of())) {
      QueryEvent refused = stream.next(Duration.ofSeconds(30));
      assertThat(refused).isInstanceOf(QueryEvent.Rejected.class);
      KsqlServerException error = ((QueryEvent.Rejected) refused).error();
      assertThat(error.status()).isEqualTo(400);
      assertThat(error.getMessage()).contains("NO_SUCH_STREAM");
      assertThat(error.request()).isEqualTo("SELECT * FROM NO_SUCH_STREAM EMIT CHANGES;");
    }
  }
}
