package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.schemaregistry.Registries;
import io.rtdp.schemaregistry.SchemaRegistryServer;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AVRO through the server and rtdp's own schema registry (ksql.schema.registry.url): sources and
 * CTAS register their schemas, a CREATE without columns infers them, queries read the records.
 */
class AvroQueriesTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  private static SchemaRegistryServer registry;
  private static KsqlServer server;
  private static KsqlRestClient rest;

  @BeforeAll
  static void startServers() throws Exception {
    registry = Registries.start(kafka.bootstrapServers());
    server = TestServers.start(kafka.bootstrapServers(), "avro_test_", Files.createTempDirectory("ksql-avro-test"),
        Map.of("ksql.schema.registry.url", registry.url()));
    rest = new KsqlRestClient(server.url());
  }

  @AfterAll
  static void stopServers() {
    server.close();
    registry.close();
  }

  @Test
  void avroSourcesAndResultsRegisterTheirSchemasAndAnInferredStreamReadsThem() throws Exception {
    KsqlRestClient.Answer created = rest.ksql(
        "CREATE STREAM AVRO_READINGS (ID STRING KEY, CELSIUS DOUBLE, TAKEN_AT TIMESTAMP)"
            + " WITH (KAFKA_TOPIC='avro_readings', VALUE_FORMAT='AVRO', PARTITIONS=1);"
            + "CREATE TABLE AVRO_WARMEST AS SELECT ID, COUNT(*) AS N, MAX(CELSIUS) AS WARMEST FROM AVRO_READINGS"
            + " GROUP BY ID;",
        Map.of("ksql.streams.auto.offset.reset", "earliest"));
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    rest.ksql("INSERT INTO AVRO_READINGS (ID, CELSIUS, TAKEN_AT) VALUES ('boiler', 71.5, '2026-11-25T10:00:00');"
        + "INSERT INTO AVRO_READINGS (ID, CELSIUS, TAKEN_AT) VALUES ('boiler', 74.0, '2026-11-25T10:01:00');");

    assertThat(registryGet("/subjects").toString()).contains("\"avro_readings-value\"", "\"AVRO_WARMEST-value\"");
    assertThat(registryGet("/subjects/avro_readings-value/versions/latest/schema").toString())
        .contains("\"name\":\"CELSIUS\"", "\"timestamp-millis\"");

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rest.pullRows(
        "SELECT * FROM AVRO_WARMEST WHERE ID='boiler';")).containsExactly("[\"boiler\",2,74.0]"));

    KsqlRestClient.Answer inferred = rest.ksql("CREATE STREAM AVRO_READINGS_AGAIN WITH (KAFKA_TOPIC='avro_readings',"
        + " VALUE_FORMAT='AVRO');");
    assertThat(inferred.status()).as(inferred.raw()).isEqualTo(200);
    String described = rest.ksql("DESCRIBE AVRO_READINGS_AGAIN;").raw();
    assertThat(described).contains("\"name\":\"CELSIUS\"", "\"type\":\"DOUBLE\"", "\"name\":\"TAKEN_AT\"",
        "\"type\":\"TIMESTAMP\"");
    assertThat(rest.pullRows("SELECT CELSIUS FROM AVRO_READINGS_AGAIN;")).containsExactly("[71.5]", "[74.0]");
  }

  private static JsonNode registryGet(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(registry.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return KsqlRestClient.JSON.readTree(response.body());
  }

}
