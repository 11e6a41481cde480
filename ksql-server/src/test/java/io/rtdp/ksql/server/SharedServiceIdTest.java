package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers with one ksql.service.id share the command topic, so each executes the other's statements. */
class SharedServiceIdTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  private static KsqlServer server(String stateDir) throws Exception {
    return TestServers.start(kafka.bootstrapServers(), "shared_", Files.createTempDirectory(stateDir), Map.of());
  }

  @Test
  void aStatementSentToOneServerIsExecutedByBothAndCommandSequenceNumberWaitsForIt() throws Exception {
    try (KsqlServer first = server("ksql-shared-a"); KsqlServer second = server("ksql-shared-b")) {
      KsqlRestClient a = new KsqlRestClient(first.url());
      KsqlRestClient b = new KsqlRestClient(second.url());

      KsqlRestClient.Answer created = b.ksql("CREATE STREAM EVENTS (ID STRING KEY, V INT)"
          + " WITH (KAFKA_TOPIC='events', VALUE_FORMAT='JSON', PARTITIONS=1);"
          + " CREATE STREAM BIG_EVENTS AS SELECT * FROM EVENTS WHERE V > 10;");
      assertThat(created.status()).as(created.raw()).isEqualTo(200);
      long sequence = created.body().get(1).get("commandSequenceNumber").asLong();
      String queryId = created.body().get(1).get("commandStatus").get("queryId").asText();

      String body = KsqlRestClient.JSON.writeValueAsString(Map.of("ksql", "SHOW QUERIES;",
          "commandSequenceNumber", sequence));
      JsonNode queries = a.post("/ksql", body, "application/json").body().get(0).get("queries");
      assertThat(queries).hasSize(1);
      assertThat(queries.get(0).get("id").asText()).isEqualTo(queryId);
      assertThat(a.get("/status").body().get("commandStatuses").get("stream/`EVENTS`/create").asText())
          .isEqualTo("SUCCESS");

      String future = KsqlRestClient.JSON.writeValueAsString(Map.of("ksql", "SHOW STREAMS;",
          "commandSequenceNumber", sequence + 1000));
      KsqlRestClient.Answer timedOut = a.post("/ksql", future, "application/json");
      assertThat(timedOut.status()).isEqualTo(503);
      assertThat(timedOut.body().get("error_code").asInt()).isEqualTo(50301);
      assertThat(timedOut.body().get("message").asText())
          .isEqualTo("Timed out while waiting for a previous command to execute. command sequence number: "
              + (sequence + 1000));
    }
  }
}
