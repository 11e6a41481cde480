package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.server.config.ServerConfig;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The command topic is the server's memory: a restarted server has the same streams and queries, which resume. */
class CommandLogRestartTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @Test
  void restartedServerReplaysTheCommandTopicAndItsQueriesContinueWithoutDuplicates() throws Exception {
    Map<String, String> config = Map.of(
        "listeners", "http://127.0.0.1:0",
        "bootstrap.servers", kafka.bootstrapServers(),
        "ksql.service.id", "restart_test_",
        "ksql.streams.state.dir", Files.createTempDirectory("ksql-restart-test").toString(),
        "ksql.streams.commit.interval.ms", "200");
    kafka.createTopic("orders", 1);
    Topics.produce(kafka.bootstrapServers(), "orders", Topics.inOrder(
        "o1", "{\"AMOUNT\":50}",
        "o2", "{\"AMOUNT\":500}",
        "o3", "{\"AMOUNT\":700}"));

    String queryId;
    String terminated;
    try (KsqlServer server = new KsqlServer(new ServerConfig(config)).start()) {
      assertThat(server.awaitReady(60_000)).isTrue();
      KsqlRestClient client = new KsqlRestClient(server.url());
      KsqlRestClient.Answer created = client.ksql(
          "CREATE STREAM ORDERS (ID STRING KEY, AMOUNT INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');"
              + "CREATE STREAM BIG_ORDERS AS SELECT ID, AMOUNT * 2 AS DOUBLED FROM ORDERS WHERE AMOUNT > 100;"
              + "CREATE STREAM ALL_ORDERS AS SELECT * FROM ORDERS;");
      assertThat(created.status()).as(created.raw()).isEqualTo(200);
      queryId = created.body().get(1).get("commandStatus").get("queryId").asText();
      terminated = created.body().get(2).get("commandStatus").get("queryId").asText();
      // Query ids are numbered by the command's offset (SPEC §5.2), the same on every server.
      assertThat(queryId).isEqualTo("CSAS_BIG_ORDERS_" + created.body().get(1).get("commandSequenceNumber").asLong());
      assertThat(terminated).isEqualTo("CSAS_ALL_ORDERS_" + created.body().get(2).get("commandSequenceNumber").asLong());
      assertThat(client.ksql("TERMINATE " + terminated + ";").status()).isEqualTo(200);
      assertThat(Topics.read(kafka.bootstrapServers(), "BIG_ORDERS", 2, Duration.ofSeconds(30))).hasSize(2);
    }

    String commandTopic = "_confluent-ksql-restart_test_command_topic";
    List<ConsumerRecord<String, String>> commands = Topics.read(kafka.bootstrapServers(), commandTopic, 4,
        Duration.ofSeconds(10));
    assertThat(commands).extracting(ConsumerRecord::key).containsExactly("\"stream/`ORDERS`/create\"",
        "\"stream/`BIG_ORDERS`/create\"", "\"stream/`ALL_ORDERS`/create\"", "\"terminate/" + terminated + "/execute\"");
    JsonNode command = KsqlRestClient.JSON.readTree(commands.get(1).value());
    assertThat(command.get("statement").asText()).startsWith("CREATE STREAM BIG_ORDERS AS SELECT");
    assertThat(command.get("streamsProperties").get("ksql.streams.auto.offset.reset").asText()).isEqualTo("earliest");
    assertThat(command.get("originalProperties").get("ksql.service.id").asText()).isEqualTo("restart_test_");
    Config topicConfig = kafka.admin().describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
        commandTopic))).all().get().values().iterator().next();
    assertThat(topicConfig.get("retention.ms").value()).isEqualTo("-1");

    Topics.produce(kafka.bootstrapServers(), "orders", Map.of("o4", "{\"AMOUNT\":10}", "o5", "{\"AMOUNT\":900}"));

    try (KsqlServer server = new KsqlServer(new ServerConfig(config)).start()) {
      assertThat(server.awaitReady(60_000)).isTrue();
      KsqlRestClient client = new KsqlRestClient(server.url());
      JsonNode queries = client.ksql("SHOW QUERIES;").body().get(0).get("queries");
      assertThat(queries).hasSize(1);
      assertThat(queries.get(0).get("id").asText()).isEqualTo(queryId);
      assertThat(client.ksql("SHOW STREAMS;").body().get(0).get("streams").toString())
          .contains("\"ORDERS\"", "\"BIG_ORDERS\"", "\"ALL_ORDERS\"");
      assertThat(client.get("/status").body().get("commandStatuses").get("terminate/" + terminated + "/execute")
          .asText()).isEqualTo("SUCCESS");

      List<ConsumerRecord<String, String>> out = Topics.read(kafka.bootstrapServers(), "BIG_ORDERS", 3,
          Duration.ofSeconds(30));
      assertThat(out).extracting(ConsumerRecord::key).containsExactly("o2", "o3", "o5");
      assertThat(KsqlRestClient.JSON.readTree(out.get(2).value()).get("DOUBLED").asInt()).isEqualTo(1800);
      // A duplicate would come right behind; give it the time of a few commits.
      assertThat(Topics.read(kafka.bootstrapServers(), "BIG_ORDERS", 4, Duration.ofSeconds(3))).hasSize(3);

      KsqlRestClient.Answer next = client.ksql("CREATE STREAM SMALL_ORDERS AS SELECT * FROM ORDERS WHERE AMOUNT < 100;");
      // Numbered by its own offset: a new query never takes the number of an earlier one.
      assertThat(next.body().get(0).get("commandStatus").get("queryId").asText())
          .isEqualTo("CSAS_SMALL_ORDERS_" + next.body().get(0).get("commandSequenceNumber").asLong());
    }
  }
}
