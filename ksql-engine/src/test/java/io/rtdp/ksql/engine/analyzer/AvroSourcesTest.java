package io.rtdp.ksql.engine.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.avro.client.InMemoryRegistryClient;
import io.rtdp.avro.serde.WireFormat;
import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.serde.SchemaRegistryNotConfiguredException;
import io.rtdp.ksql.engine.topology.DeserializationError;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.engine.topology.SourceSerdes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** AVRO sources and sinks: columns inferred from the registry, schemas registered, bad records logged. */
class AvroSourcesTest {
  private static final Schema ORDER = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":[\"null\",\"string\"]},"
      + "{\"name\":\"placed\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}");

  private final InMemoryRegistryClient registry = new InMemoryRegistryClient();
  private final Map<String, Integer> topics = new HashMap<>(Map.of("orders", 1));
  private final List<DeserializationError> badRecords = new ArrayList<>();
  private final KsqlEngine engine = engine(new EngineConfig(Map.of()).withSchemaRegistry(registry));

  private KsqlEngine engine(EngineConfig config) {
    ProcessingLog log = new ProcessingLog() {
      @Override
      public void error(String queryId, String message, Throwable cause) {
        throw new AssertionError("unexpected processing error: " + message, cause);
      }

      @Override
      public void deserializationError(DeserializationError error) {
        badRecords.add(error);
      }
    };
    return new KsqlEngine(FunctionRegistry.withBuiltIns(), config, TestEngines.topicsOf(topics), log);
  }

  private DataSource source(String name) {
    return engine.metaStore().source(name).orElseThrow();
  }

  @Test
  void aCreateWithoutColumnsTakesThemFromTheLatestSchemaOfTheValueSubject() {
    int id = registry.register("orders-value", ORDER);

    engine.execute("CREATE STREAM ORDERS WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO');");

    DataSource orders = source("ORDERS");
    assertThat(orders.schema().columns()).extracting(Column::toString)
        .containsExactly("`ID` BIGINT", "`ITEM` STRING", "`PLACED` TIMESTAMP");
    assertThat(orders.valueOptions().registry().schemaId()).as("written with the schema it was inferred from")
        .isEqualTo(id);
  }

  @Test
  void aTableWithoutKeyColumnsTakesItsKeyFromTheKeySubject() {
    registry.register("orders-key", Schema.create(Schema.Type.LONG));
    registry.register("orders-value", ORDER);

    engine.execute("CREATE TABLE ORDERS WITH (KAFKA_TOPIC='orders', FORMAT='AVRO');");

    assertThat(source("ORDERS").schema().key()).extracting(Column::toString).containsExactly("`ROWKEY` BIGINT KEY");
  }

  @Test
  void aSchemaIdPinsTheSchemaAndABareSchemaIsOneUnwrappedColumn() {
    registry.register("orders-value", ORDER, 7);
    registry.register("other", Schema.create(Schema.Type.STRING), 8);

    engine.execute("CREATE STREAM ORDERS WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO', VALUE_SCHEMA_ID=8);");

    DataSource orders = source("ORDERS");
    assertThat(orders.schema().columns()).extracting(Column::toString).containsExactly("`ROWVAL` STRING");
    assertThat(orders.valueOptions().wrapSingleValue()).isFalse();
  }

  @Test
  void aMissingSubjectOrSchemaIdIsReportedAsKsqlDbWordsIt() {
    assertThatThrownBy(() -> engine.execute("CREATE STREAM ORDERS WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO');"))
        .isInstanceOf(KsqlException.class)
        .hasMessageStartingWith("Schema for message values on topic 'orders' does not exist in the Schema Registry.\n"
            + "Subject: orders-value");
    assertThatThrownBy(() -> engine.execute(
        "CREATE STREAM ORDERS WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO', VALUE_SCHEMA_ID=99);"))
        .isInstanceOf(KsqlException.class)
        .hasMessageContaining("there is no schema with id 99");
  }

  @Test
  void aSchemaWithoutSqlTypeIsRejected() {
    registry.register("orders-value", new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"U\",\"fields\":[{\"name\":\"u\",\"type\":[\"int\",\"string\"]}]}"));

    assertThatThrownBy(() -> engine.execute("CREATE STREAM ORDERS WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO');"))
        .isInstanceOf(KsqlException.class)
        .hasMessageStartingWith("Unable to use the value schema of topic 'orders' from the Schema Registry: "
            + "Unsupported Avro union");
  }

  @Test
  void declaredColumnsBecomeTheFirstSchemaOfTheTopicAndSinksRegisterTheirs() {
    engine.execute("CREATE STREAM ORDERS (ID BIGINT KEY, ITEM STRING) WITH (KAFKA_TOPIC='orders', FORMAT='AVRO');"
        + "CREATE STREAM BIG_ORDERS AS SELECT ID, UCASE(ITEM) AS ITEM FROM ORDERS;");

    assertThat(registry.latest("orders-key").schema()).isEqualTo(Schema.create(Schema.Type.LONG));
    assertThat(registry.latest("orders-value").schema().getField("ITEM")).isNotNull();
    assertThat(registry.latest("BIG_ORDERS-value").schema().getFullName())
        .isEqualTo("io.confluent.ksql.avro_schemas.KsqlDataSourceSchema");
    assertThat(registry.latest("BIG_ORDERS-key").schema()).isEqualTo(Schema.create(Schema.Type.LONG));
  }

  @Test
  void fullSchemaNamesApplyToSchemaRegistryFormatsOnly() {
    engine.execute("CREATE STREAM ORDERS (ID BIGINT KEY, ITEM STRING) WITH (KAFKA_TOPIC='orders', FORMAT='AVRO');"
        + "CREATE STREAM S WITH (VALUE_SCHEMA_FULL_NAME='com.acme.Order', KEY_SCHEMA_FULL_NAME='com.acme.Key') AS "
        + "SELECT * FROM ORDERS;");

    assertThat(registry.latest("S-value").schema().getFullName()).isEqualTo("com.acme.Order");
    assertThatThrownBy(() -> engine.execute("CREATE STREAM J (A INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', "
        + "VALUE_AVRO_SCHEMA_FULL_NAME='x.Y');"))
        .hasMessage("JSON does not support the following configs: [fullSchemaName]");
  }

  @Test
  void withoutARegistryTheStatementFailsNamingTheSetting() {
    KsqlEngine noRegistry = engine(new EngineConfig(Map.of()));

    assertThatThrownBy(() -> noRegistry.execute("CREATE STREAM ORDERS (ID BIGINT) WITH (KAFKA_TOPIC='orders', "
        + "VALUE_FORMAT='AVRO');"))
        .isInstanceOf(SchemaRegistryNotConfiguredException.class)
        .hasMessageContaining("'ksql.schema.registry.url' is not set");
  }

  @Test
  void anEngineThatOnlyValidatesRegistersNothingButSeesItsOwnRegistrations() {
    registry.register("orders-key", Schema.create(Schema.Type.LONG));
    KsqlEngine sandbox = engine(new EngineConfig(Map.of()).withSchemaRegistry(registry).dryRun());

    sandbox.execute("CREATE STREAM ORDERS (ITEM STRING) WITH (KAFKA_TOPIC='orders', FORMAT='AVRO');"
        + "CREATE STREAM COPY AS SELECT * FROM ORDERS;"
        + "CREATE STREAM AGAIN WITH (KAFKA_TOPIC='orders', FORMAT='AVRO');");

    assertThat(sandbox.metaStore().source("ORDERS").orElseThrow().schema().key()).extracting(Column::toString)
        .as("read from the real registry").containsExactly("`ROWKEY` BIGINT KEY");
    assertThat(sandbox.metaStore().source("AGAIN").orElseThrow().schema().value()).extracting(Column::toString)
        .as("inferred from what the first statement registered").containsExactly("`ITEM` STRING");
    assertThatThrownBy(() -> registry.latest("orders-value")).hasMessageContaining("not found");
    assertThatThrownBy(() -> registry.latest("COPY-value")).hasMessageContaining("not found");
  }

  @Test
  void aValidatingEngineWithoutRegistryUrlWorksUntilAStatementNeedsOne() {
    KsqlEngine sandbox = engine(new EngineConfig(Map.of()).dryRun());

    sandbox.execute("CREATE STREAM J (A INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');");

    assertThatThrownBy(() -> sandbox.execute("CREATE STREAM A (A INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO');"))
        .isInstanceOf(SchemaRegistryNotConfiguredException.class);
  }

  @Test
  void aRecordWithAnUnknownSchemaIdGoesToTheProcessingLogAndTheQueryCarriesOn() {
    engine.execute("CREATE STREAM ORDERS (ID BIGINT KEY, ITEM STRING) WITH (KAFKA_TOPIC='orders', FORMAT='AVRO');"
        + "CREATE STREAM COPY AS SELECT * FROM ORDERS;");
    PersistentQuery q = engine.queries().get(0);
    DataSource orders = source("ORDERS");
    byte[] key = SourceSerdes.key(orders).serializer().serialize("orders", List.of(1L));
    byte[] good = SourceSerdes.value(orders).serializer().serialize("orders", List.of("pen"));
    byte[] unknownId = good.clone();
    System.arraycopy(WireFormat.header(12345), 0, unknownId, 0, WireFormat.HEADER_SIZE);

    List<TestRecord<byte[], byte[]>> out = run(q, List.of(new TestRecord<>(key, unknownId), new TestRecord<>(key, good)));

    assertThat(out).hasSize(1);
    assertThat(SourceSerdes.value(source("COPY")).deserializer().deserialize("COPY", out.get(0).value()))
        .containsExactly("pen");
    assertThat(badRecords).singleElement().satisfies(e -> {
      assertThat(e.target()).isEqualTo("value");
      assertThat(e.offset()).isZero();
      assertThat(e.errorMessage()).contains("schema id 12345 is unknown to the schema registry");
    });
  }

  private static List<TestRecord<byte[], byte[]>> run(PersistentQuery q, List<TestRecord<byte[], byte[]>> input) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, q.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:0");
    try (TopologyTestDriver driver = new TopologyTestDriver(q.topology(), props)) {
      TestInputTopic<byte[], byte[]> in = driver.createInputTopic("orders", new ByteArraySerializer(),
          new ByteArraySerializer());
      input.forEach(in::pipeInput);
      return driver.createOutputTopic(q.sinkTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
          .readRecordsToList();
    }
  }
}
