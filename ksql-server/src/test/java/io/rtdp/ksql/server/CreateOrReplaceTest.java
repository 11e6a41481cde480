package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code CREATE OR REPLACE … AS SELECT} of a query's sink (SPEC §1.4): the query keeps its id and
 * its Kafka Streams application, which resumes from its committed offsets with the new plan;
 * changes ksqlDB does not allow in place are refused and leave the query running as it was.
 */
class CreateOrReplaceTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "replace_test_");

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static KsqlRestClient rest;

  @BeforeAll
  static void setUp() throws Exception {
    rest = new KsqlRestClient(ksql.url());
  }

  private static JsonNode ok(String statements) throws Exception {
    KsqlRestClient.Answer a = rest.ksql(statements);
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    return a.body();
  }

  private static String refused(String statement) throws Exception {
    KsqlRestClient.Answer a = rest.ksql(statement);
    assertThat(a.status()).as(a.raw()).isEqualTo(400);
    assertThat(a.body().get("statementText").asText()).isEqualTo(statement);
    return a.body().get("message").asText();
  }

  private static void produce(String key, int v) throws Exception {
    Topics.produce(kafka.bootstrapServers(), "readings", Map.of(key, "{\"V\":" + v + "}"));
  }

  @Test
  void replacingAFilterAndAddingAColumnKeepsTheQueryWhichResumesWhereItStopped() throws Exception {
    kafka.createTopic("readings", 1);
    JsonNode created = ok("CREATE STREAM READINGS (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='readings',"
        + " VALUE_FORMAT='JSON'); CREATE STREAM BIG AS SELECT ID, V FROM READINGS WHERE V > 10;");
    String queryId = created.get(1).get("commandStatus").get("queryId").asText();
    produce("small", 5);
    produce("large", 20);
    assertThat(Topics.read(kafka.bootstrapServers(), "BIG", 1, WAIT)).extracting(ConsumerRecord::key)
        .containsExactly("large");

    JsonNode replaced = ok("CREATE OR REPLACE STREAM BIG AS SELECT ID, V, V * 2 AS DOUBLED FROM READINGS WHERE V > 0;");
    assertThat(replaced.get(0).get("commandStatus").get("queryId").asText()).isEqualTo(queryId);
    assertThat(replaced.get(0).get("commandStatus").get("message").asText())
        .isEqualTo("Created query with ID " + queryId);
    produce("tiny", 3);

    // The new filter lets "tiny" through; "small", read before the replacement, is not read again.
    List<ConsumerRecord<String, String>> out = Topics.read(kafka.bootstrapServers(), "BIG", 2, WAIT);
    assertThat(out).extracting(ConsumerRecord::key).containsExactly("large", "tiny");
    assertThat(out.get(1).value()).isEqualTo("{\"V\":3,\"DOUBLED\":6}");
    assertThat(Topics.read(kafka.bootstrapServers(), "BIG", 3, Duration.ofSeconds(3))).hasSize(2);

    List<JsonNode> writers = new ArrayList<>();
    ok("SHOW QUERIES;").get(0).get("queries").forEach(q -> {
      if (q.get("sinks").toString().equals("[\"BIG\"]")) {
        writers.add(q);
      }
    });
    assertThat(writers).hasSize(1);
    assertThat(writers.get(0).get("id").asText()).isEqualTo(queryId);
    assertThat(writers.get(0).get("queryString").asText()).contains("DOUBLED");
    assertThat(writers.get(0).get("state").asText()).isEqualTo("RUNNING");
    assertThat(ok("DESCRIBE BIG;").get(0).get("sourceDescription").get("fields").toString()).contains("\"DOUBLED\"");
  }

  @Test
  void changesThatConsumersOrTheQueryStateCannotFollowAreRefused() throws Exception {
    ok("CREATE STREAM EVENTS (ID STRING KEY, V INT, NAME STRING) WITH (KAFKA_TOPIC='events', VALUE_FORMAT='JSON',"
        + " PARTITIONS=1); CREATE STREAM OTHER_EVENTS (ID STRING KEY, V INT, NAME STRING) WITH"
        + " (KAFKA_TOPIC='other_events', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + " CREATE STREAM PROJECTED AS SELECT ID, V, NAME FROM EVENTS;"
        + " CREATE TABLE COUNTS AS SELECT ID, COUNT(*) AS N FROM EVENTS GROUP BY ID;");

    assertThat(refused("CREATE OR REPLACE STREAM PROJECTED AS SELECT ID, NAME FROM EVENTS;"))
        .startsWith("Cannot upgrade data source: DataSource 'PROJECTED' has schema = ")
        .endsWith("The following columns are changed, missing or reordered: [`V` INTEGER, `NAME` STRING]");
    assertThat(refused("CREATE OR REPLACE STREAM PROJECTED AS SELECT ID, CAST(V AS BIGINT) AS V, NAME FROM EVENTS;"))
        .endsWith("The following columns are changed, missing or reordered: [`V` INTEGER]");
    assertThat(refused("CREATE OR REPLACE STREAM PROJECTED WITH (VALUE_FORMAT='DELIMITED') AS SELECT ID, V, NAME"
        + " FROM EVENTS;")).isEqualTo("Cannot upgrade data source: DataSource 'PROJECTED' has valueFormat = JSON which"
        + " is not upgradeable to DELIMITED");
    assertThat(refused("CREATE OR REPLACE TABLE PROJECTED AS SELECT ID, COUNT(*) AS N FROM EVENTS GROUP BY ID;"))
        .contains("has type = STREAM which is not upgradeable to TABLE");
    assertThat(refused("CREATE OR REPLACE STREAM PROJECTED AS SELECT ID, V, NAME FROM OTHER_EVENTS;"))
        .contains("it reads from EVENTS and the replacement reads from OTHER_EVENTS");
    assertThat(refused("CREATE OR REPLACE TABLE COUNTS AS SELECT ID, COUNT(*) AS N FROM EVENTS WHERE V > 1 GROUP BY"
        + " ID;")).contains("only stateless queries").contains("a GROUP BY");

    JsonNode queries = ok("SHOW QUERIES;").get(0).get("queries");
    assertThat(queries.findValuesAsText("queryString")).contains(
        "CREATE STREAM PROJECTED AS SELECT ID, V, NAME FROM EVENTS;",
        "CREATE TABLE COUNTS AS SELECT ID, COUNT(*) AS N FROM EVENTS GROUP BY ID;");
  }
}
