package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SHOW FUNCTIONS, DESCRIBE FUNCTION, SHOW PROPERTIES and EXPLAIN on /ksql (SPEC §1.11, §4.6), against a real broker. */
class KsqlIntrospectionApiTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "introspection_");

  private static KsqlRestClient client;

  @BeforeAll
  static void connect() {
    client = new KsqlRestClient(ksql.url());
  }

  @Test
  void showFunctionsListsScalarAggregateAndTableFunctions() throws Exception {
    KsqlRestClient.Answer shown = client.ksql("SHOW FUNCTIONS; LIST FUNCTIONS;");

    assertThat(shown.status()).as(shown.raw()).isEqualTo(200);
    JsonNode entity = shown.body().get(0);
    assertThat(entity.get("@type").asText()).isEqualTo("function_names");
    assertThat(entity.get("statementText").asText()).isEqualTo("SHOW FUNCTIONS;");
    assertThat(entity.get("warnings").isArray()).isTrue();
    assertThat(entity.get("functions")).contains(
        KsqlRestClient.JSON.readTree("{\"name\":\"SUBSTRING\",\"type\":\"SCALAR\",\"category\":\"STRING\"}"));
    assertThat(entity.get("functions")).anySatisfy(f -> assertThat(f.toString())
        .isEqualTo("{\"name\":\"COUNT\",\"type\":\"AGGREGATE\",\"category\":\"AGGREGATE\"}"));
    assertThat(entity.get("functions")).anySatisfy(f -> assertThat(f.get("name").asText()).isEqualTo("EXPLODE"))
        .allSatisfy(f -> assertThat(f.get("type").asText()).isIn("SCALAR", "AGGREGATE", "TABLE"));
    assertThat(shown.body().get(1).get("functions")).isEqualTo(entity.get("functions"));
  }

  @Test
  void describeFunctionShowsEveryOverloadAndRejectsUnknownNames() throws Exception {
    KsqlRestClient.Answer described = client.ksql("DESCRIBE FUNCTION substring;");

    assertThat(described.status()).as(described.raw()).isEqualTo(200);
    JsonNode entity = described.body().get(0);
    assertThat(entity.get("@type").asText()).isEqualTo("describe_function");
    assertThat(entity.get("name").asText()).isEqualTo("SUBSTRING");
    assertThat(entity.get("type").asText()).isEqualTo("SCALAR");
    assertThat(entity.get("path").asText()).isEqualTo("internal");
    assertThat(entity.get("description").asText()).isNotBlank();
    assertThat(entity.has("author")).isTrue();
    assertThat(entity.has("version")).isTrue();
    assertThat(entity.get("functions")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(overload -> {
      assertThat(overload.get("arguments").get(0).get("name").asText()).isEqualTo("str");
      assertThat(overload.get("arguments").get(0).get("isVariadic").asBoolean()).isFalse();
      List<String> types = new ArrayList<>();
      overload.get("arguments").forEach(a -> types.add(a.get("type").asText()));
      assertThat(overload.get("argumentTypes")).extracting(JsonNode::asText).isEqualTo(types);
      assertThat(overload.get("returnType").asText()).isNotBlank();
    });

    KsqlRestClient.Answer unknown = client.ksql("DESCRIBE FUNCTION NO_SUCH_FN;");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("@type").asText()).isEqualTo("statement_error");
    assertThat(unknown.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(unknown.body().get("message").asText()).isEqualTo("Can't find any functions with the name 'NO_SUCH_FN'");
    assertThat(unknown.body().get("statementText").asText()).isEqualTo("DESCRIBE FUNCTION NO_SUCH_FN;");
  }

  @Test
  void showPropertiesGivesTheServerSettingsWithTheRequestOverrides() throws Exception {
    KsqlRestClient.Answer shown = client.ksql("SHOW PROPERTIES;",
        Map.of("auto.offset.reset", "earliest", "ksql.streams.cache.max.bytes.buffering", "0",
            "ssl.keystore.password", "s3cret"));

    assertThat(shown.status()).as(shown.raw()).isEqualTo(200);
    JsonNode entity = shown.body().get(0);
    assertThat(entity.get("@type").asText()).isEqualTo("properties");
    assertThat(entity.get("properties")).contains(
        KsqlRestClient.JSON.readTree("{\"name\":\"ksql.service.id\",\"scope\":\"KSQL\",\"value\":\"introspection_\","
            + "\"editable\":false,\"level\":\"SERVER\"}"),
        KsqlRestClient.JSON.readTree("{\"name\":\"ksql.streams.auto.offset.reset\",\"scope\":\"KSQL\","
            + "\"value\":\"earliest\",\"editable\":true,\"level\":\"QUERY\"}"),
        KsqlRestClient.JSON.readTree("{\"name\":\"ksql.persistent.query.name.prefix\",\"scope\":\"KSQL\","
            + "\"value\":\"query_\",\"editable\":false,\"level\":\"SERVER\"}"));
    assertThat(entity.get("properties")).anySatisfy(p -> assertThat(p.toString()).isEqualTo(
        "{\"name\":\"ksql.streams.ssl.keystore.password\",\"scope\":\"KSQL\",\"value\":\"[hidden]\","
            + "\"editable\":false,\"level\":\"SERVER\"}"));
    assertThat(entity.get("overwrittenProperties")).extracting(JsonNode::asText)
        .containsExactly("ksql.streams.auto.offset.reset", "ksql.streams.ssl.keystore.password");
    assertThat(entity.get("defaultProperties")).extracting(JsonNode::asText)
        .contains("ksql.persistent.query.name.prefix").doesNotContain("ksql.service.id",
            "ksql.streams.cache.max.bytes.buffering", "ksql.streams.auto.offset.reset");
  }

  @Test
  void explainDescribesARunningQueryAndTheQueryAStatementWouldStart() throws Exception {
    kafka.createTopic("orders", 1);
    String queryId = client.ksql(
        "CREATE STREAM ORDERS (ID BIGINT KEY, ITEM STRING, QTY INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');"
            + "CREATE STREAM BIG_ORDERS AS SELECT ID, ITEM FROM ORDERS WHERE QTY > 10;",
        Map.of("auto.offset.reset", "earliest")).body().get(1).get("commandStatus").get("queryId").asText();

    KsqlRestClient.Answer explained = client.ksql("EXPLAIN " + queryId + ";");

    assertThat(explained.status()).as(explained.raw()).isEqualTo(200);
    assertThat(explained.body().get(0).get("@type").asText()).isEqualTo("queryDescription");
    JsonNode d = explained.body().get(0).get("queryDescription");
    URI url = URI.create(ksql.url());
    assertThat(d.get("id").asText()).isEqualTo(queryId);
    assertThat(d.get("statementText").asText()).isEqualTo(
        "CREATE STREAM BIG_ORDERS AS SELECT ID, ITEM FROM ORDERS WHERE QTY > 10;");
    assertThat(d.get("sources")).extracting(JsonNode::asText).containsExactly("ORDERS");
    assertThat(d.get("sinks")).extracting(JsonNode::asText).containsExactly("BIG_ORDERS");
    assertThat(d.get("fields")).extracting(f -> f.get("name").asText()).containsExactly("ID", "ITEM");
    assertThat(d.get("fields").get(0).get("type").asText()).isEqualTo("KEY");
    assertThat(d.get("windowType").isNull()).isTrue();
    assertThat(d.get("topology").asText()).startsWith("Topologies:").contains("orders", "BIG_ORDERS");
    assertThat(d.get("overriddenProperties").toString()).isEqualTo("{\"auto.offset.reset\":\"earliest\"}");
    assertThat(d.get("ksqlHostQueryStatus").toString())
        .isEqualTo("{\"" + url.getHost() + ":" + url.getPort() + "\":\"RUNNING\"}");
    assertThat(d.get("queryType").asText()).isEqualTo("PERSISTENT");
    assertThat(d.get("consumerGroupId").asText()).isEqualTo("_confluent-ksql-introspection_query_" + queryId);
    assertThat(d.get("state").asText()).isEqualTo("RUNNING");

    KsqlRestClient.Answer planned = client.ksql(
        "EXPLAIN CREATE TABLE ITEM_COUNTS AS SELECT ITEM, COUNT(*) AS N FROM ORDERS GROUP BY ITEM;");
    assertThat(planned.status()).as(planned.raw()).isEqualTo(200);
    JsonNode p = planned.body().get(0).get("queryDescription");
    assertThat(p.get("id").asText()).startsWith("CTAS_ITEM_COUNTS_");
    assertThat(p.get("sinks")).extracting(JsonNode::asText).containsExactly("ITEM_COUNTS");
    assertThat(p.get("fields")).extracting(f -> f.get("name").asText()).containsExactly("ITEM", "N");
    assertThat(p.get("topology").asText()).contains("Aggregate-Aggregate", "(topic: ITEM_COUNTS)");
    assertThat(p.get("ksqlHostQueryStatus").isEmpty()).isTrue();
    assertThat(p.get("state").isNull()).isTrue();
    assertThat(client.ksql("SHOW TABLES;").body().get(0).get("tables").toString()).doesNotContain("ITEM_COUNTS");
    assertThat(kafka.admin().listTopics().names().get()).doesNotContain("ITEM_COUNTS");

    KsqlRestClient.Answer existingSink = client.ksql(
        "EXPLAIN CREATE STREAM IF NOT EXISTS BIG_ORDERS AS SELECT ID, ITEM FROM ORDERS;");
    assertThat(existingSink.status()).isEqualTo(400);
    assertThat(existingSink.body().get("message").asText()).contains("plans no query");
    KsqlRestClient.Answer transientQuery = client.ksql("EXPLAIN SELECT * FROM ORDERS EMIT CHANGES;");
    assertThat(transientQuery.status()).isEqualTo(400);
    assertThat(transientQuery.body().get("message").asText()).contains("cannot plan transient queries");

    KsqlRestClient.Answer unknown = client.ksql("EXPLAIN CSAS_NOPE_99;");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(unknown.body().get("message").asText()).isEqualTo(
        "Query with id:CSAS_NOPE_99 does not exist, use SHOW QUERIES to view the full set of queries.");
  }
}
