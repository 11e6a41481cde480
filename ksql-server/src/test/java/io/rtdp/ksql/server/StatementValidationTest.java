package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request is validated against a copy of the server's live state that sees the broker's topics
 * as they are now (SPEC §4.6): what happened to topics since a statement was executed does not
 * make a later, valid statement fail validation.
 */
class StatementValidationTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "validation_test_");

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static KsqlRestClient rest;
  private static Admin admin;

  @BeforeAll
  static void setUp() throws Exception {
    rest = new KsqlRestClient(ksql.url());
    admin = kafka.admin();
  }

  @AfterAll
  static void closeClients() {
    admin.close();
  }

  private static JsonNode ok(String statements) throws Exception {
    KsqlRestClient.Answer a = rest.ksql(statements);
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    return a.body();
  }

  @Test
  void terminateOfARunningQueryIsAcceptedAfterItsSourceTopicWasDeleted() throws Exception {
    kafka.createTopic("vanishing", 1);
    await().atMost(WAIT).ignoreExceptions()
        .until(() -> admin.describeTopics(List.of("vanishing")).allTopicNames().get().containsKey("vanishing"));
    JsonNode created = ok("CREATE STREAM VANISHING (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='vanishing',"
        + " VALUE_FORMAT='JSON'); CREATE STREAM VANISHING_COPY AS SELECT * FROM VANISHING;");
    String queryId = created.get(1).get("commandStatus").get("queryId").asText();
    admin.deleteTopics(List.of("vanishing")).all().get();
    await().atMost(WAIT).until(() -> !admin.listTopics().names().get().contains("vanishing"));

    JsonNode terminated = ok("TERMINATE " + queryId + ";");
    assertThat(terminated.get(0).get("commandStatus").get("message").asText()).isEqualTo("Query terminated.");
  }

  @Test
  void aQueryCreatedEarlierInTheSameRequestCanBeTerminatedInIt() throws Exception {
    // Validation numbers the CSAS as the command topic will: TERMINATE names the id it will have.
    JsonNode first = ok("CREATE STREAM SAME_REQUEST (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='same_request',"
        + " VALUE_FORMAT='JSON', PARTITIONS=1);");
    long next = first.get(0).get("commandSequenceNumber").asLong() + 2;
    JsonNode both = ok("CREATE STREAM SAME_REQUEST_COPY AS SELECT * FROM SAME_REQUEST; TERMINATE CSAS_SAME_REQUEST_COPY_"
        + next + ";");
    assertThat(both.get(0).get("commandStatus").get("queryId").asText()).isEqualTo("CSAS_SAME_REQUEST_COPY_" + next);
    assertThat(both.get(1).get("commandStatus").get("status").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void aStreamDroppedWithItsTopicCanBeCreatedAgainWithOtherPartitions() throws Exception {
    ok("CREATE STREAM RESIZED (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='resized', VALUE_FORMAT='JSON', PARTITIONS=3);");
    ok("DROP STREAM RESIZED DELETE TOPIC;");
    await().atMost(WAIT).until(() -> !admin.listTopics().names().get().contains("resized"));

    ok("CREATE STREAM RESIZED (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='resized', VALUE_FORMAT='JSON', PARTITIONS=4);");
    assertThat(admin.describeTopics(List.of("resized")).allTopicNames().get().get("resized").partitions()).hasSize(4);
  }
}
