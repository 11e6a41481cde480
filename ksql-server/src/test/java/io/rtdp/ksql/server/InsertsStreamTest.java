package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /inserts-stream} (SPEC §4.7): per-row acks written as rows are committed, and its errors. */
class InsertsStreamTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "inserts_test_");

  private static KsqlRestClient rest;
  private static StreamingClient streaming;

  @BeforeAll
  static void setUp() throws Exception {
    rest = new KsqlRestClient(ksql.url());
    streaming = new StreamingClient(ksql.url());
    KsqlRestClient.Answer created = rest.ksql(
        "CREATE STREAM ORDERS (ID INT KEY, ITEM STRING, PRICE DOUBLE, TAGS ARRAY<STRING>)"
            + " WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + "CREATE STREAM ACKED (ID INT KEY, ITEM STRING, PRICE DOUBLE, TAGS ARRAY<STRING>)"
            + " WITH (KAFKA_TOPIC='acked', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + "CREATE TABLE PRICES (ITEM STRING PRIMARY KEY, PRICE DOUBLE)"
            + " WITH (KAFKA_TOPIC='prices', VALUE_FORMAT='JSON', PARTITIONS=1);");
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
  }

  @AfterAll
  static void closeClients() throws Exception {
    streaming.close();
  }

  @Test
  void acknowledgesEachRowAsItIsCommittedBeforeTheRequestEnds() throws Exception {
    StreamingClient.Exchange inserts = streaming.open(HttpVersion.HTTP_2, "/inserts-stream", null)
        .write("{\"target\":\"acked\",\"properties\":{}}\n")
        .write("{\"ID\":1,\"ITEM\":\"tea\",\"PRICE\":2.5,\"TAGS\":[\"hot\"]}\n");
    // The request is still open: the first ack must arrive on its own.
    inserts.await(t -> t.contains("\n"), Duration.ofSeconds(20));
    assertThat(inserts.lines()).containsExactly("{\"status\":\"ok\",\"seq\":0}");
    assertThat(inserts.hasEnded()).isFalse();

    inserts.write("{\"id\":2,\"item\":\"cake\",\"price\":4}\n").end();
    String body = inserts.awaitEnd(Duration.ofSeconds(20));
    assertThat(inserts.status()).isEqualTo(200);
    assertThat(inserts.contentType()).isEqualTo("application/vnd.ksqlapi.delimited.v1");
    assertThat(body).isEqualTo("{\"status\":\"ok\",\"seq\":0}\n{\"status\":\"ok\",\"seq\":1}\n");

    List<ConsumerRecord<String, String>> records = Topics.read(kafka.bootstrapServers(), "acked", 2,
        Duration.ofSeconds(20));
    assertThat(records).hasSize(2);
    JsonNode first = KsqlRestClient.JSON.readTree(records.get(0).value());
    assertThat(first.get("ITEM").asText()).isEqualTo("tea");
    assertThat(first.get("TAGS").get(0).asText()).isEqualTo("hot");
    assertThat(KsqlRestClient.JSON.readTree(records.get(1).value()).get("PRICE").asDouble()).isEqualTo(4.0);
  }

  @Test
  void answersTheAcksAsOneJsonArrayForApplicationJson() throws Exception {
    String body = streaming.post(HttpVersion.HTTP_2, "/inserts-stream", "application/json",
        "{\"target\":\"ORDERS\"}\n{\"ID\":3,\"ITEM\":\"jam\"}\n{\"ID\":4,\"ITEM\":\"bun\"}")
        .awaitEnd(Duration.ofSeconds(20));
    assertThat(body).isEqualTo("[{\"status\":\"ok\",\"seq\":0},{\"status\":\"ok\",\"seq\":1}]");
  }

  @Test
  void aRowThatIsNotJsonEndsTheStreamWithAnErrorNamingItsSequenceNumber() throws Exception {
    String body = streaming.post(HttpVersion.HTTP_2, "/inserts-stream", null,
        "{\"target\":\"ORDERS\"}\n{\"ID\":5,\"ITEM\":\"pie\"}\n{not json\n{\"ID\":6}\n")
        .awaitEnd(Duration.ofSeconds(20));
    List<String> lines = List.of(body.split("\n"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("{\"status\":\"ok\",\"seq\":0}");
    JsonNode error = KsqlRestClient.JSON.readTree(lines.get(1));
    assertThat(error.get("error_code").asInt()).isEqualTo(40000);
    assertThat(error.get("message").asText()).isEqualTo("Invalid JSON in inserts stream");
    assertThat(error.get("status").asText()).isEqualTo("error");
    assertThat(error.get("seq").asInt()).isEqualTo(1);
  }

  @Test
  void aValueOfTheWrongTypeIsAnErrorForThatRow() throws Exception {
    String body = streaming.post(HttpVersion.HTTP_2, "/inserts-stream", null,
        "{\"target\":\"ORDERS\"}\n{\"ID\":\"seven\",\"ITEM\":\"pie\"}\n").awaitEnd(Duration.ofSeconds(20));
    JsonNode error = KsqlRestClient.JSON.readTree(body.trim());
    assertThat(error.get("error_code").asInt()).isEqualTo(40000);
    assertThat(error.get("seq").asInt()).isEqualTo(0);
    assertThat(error.get("status").asText()).isEqualTo("error");
  }

  @Test
  void refusesUnknownTargetsTablesAndHttp11() throws Exception {
    StreamingClient.Exchange unknown = streaming.post(HttpVersion.HTTP_2, "/inserts-stream", null,
        "{\"target\":\"NOPE\"}\n{\"ID\":1}\n");
    unknown.awaitEnd(Duration.ofSeconds(20));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(KsqlRestClient.JSON.readTree(unknown.text()).get("message").asText()).contains("NOPE");

    StreamingClient.Exchange table = streaming.post(HttpVersion.HTTP_2, "/inserts-stream", null,
        "{\"target\":\"PRICES\"}\n{\"ITEM\":\"tea\",\"PRICE\":1}\n");
    table.awaitEnd(Duration.ofSeconds(20));
    assertThat(table.status()).isEqualTo(400);
    assertThat(KsqlRestClient.JSON.readTree(table.text()).get("message").asText()).contains("table");

    StreamingClient.Exchange http11 = streaming.post(HttpVersion.HTTP_1_1, "/inserts-stream", null,
        "{\"target\":\"ORDERS\"}\n{\"ID\":1}\n");
    http11.awaitEnd(Duration.ofSeconds(20));
    assertThat(http11.status()).isEqualTo(400);
    JsonNode error = KsqlRestClient.JSON.readTree(http11.text());
    assertThat(error.get("error_code").asInt()).isEqualTo(40004);
    assertThat(error.get("message").asText()).isEqualTo("This endpoint is only available when using HTTP2");
  }
}
