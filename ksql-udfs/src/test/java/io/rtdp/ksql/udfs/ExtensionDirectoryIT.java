package io.rtdp.ksql.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionDescription;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.function.FunctionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The packaged jar, loaded from the extension directory as the KSQL server loads it. */
class ExtensionDirectoryIT {
  private static final String EXTENSION_DIR = System.getProperty("rtdp.udfs.extension.dir");

  private final FunctionRegistry functions = FunctionRegistry.forConfig(
      new EngineConfig(Map.of(EngineConfig.EXTENSION_DIR, EXTENSION_DIR)));

  @Test
  void everyFunctionIsListedAndDescribed() {
    KsqlEngine engine = TestEngines.engine(functions, Map.of(), (q, m, e) -> { });

    assertThat(engine.listFunctions()).contains(
        new FunctionSummary("CONVERT_UNIT", "SCALAR", "MATHEMATICAL"),
        new FunctionSummary("CONVERT_CURRENCY", "SCALAR", "MATHEMATICAL"),
        new FunctionSummary("MASK_EMAIL", "SCALAR", "STRING"),
        new FunctionSummary("ZSCORE", "AGGREGATE", "AGGREGATE"),
        new FunctionSummary("TIME_BUCKETS", "TABLE", "TABLE"));
    FunctionDescription d = engine.describeFunction("CONVERT_UNIT");
    assertThat(d.path()).startsWith(EXTENSION_DIR).endsWith(".jar");
    assertThat(d.author()).isEqualTo("rtdp");
    assertThat(d.functions()).singleElement().satisfies(o -> {
      assertThat(o.returnType()).isEqualTo("DOUBLE");
      assertThat(o.arguments()).extracting(FunctionDescription.Argument::name)
          .containsExactly("value", "fromUnit", "toUnit");
    });
  }

  @Test
  void scalarFunctionsRunInAQueryAndABadArgumentYieldsNullAndALogEntry() {
    List<String> logged = new ArrayList<>();
    KsqlEngine engine = TestEngines.engine(functions, Map.of("readings", 1), (q, m, e) -> logged.add(m));
    engine.execute("CREATE STREAM R (ID STRING KEY, T DOUBLE, U STRING, EMAIL STRING, AMOUNT DOUBLE, CUR STRING)"
        + " WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON');"
        + "CREATE STREAM OUT AS SELECT ID, CONVERT_UNIT(T, U, 'C') AS C, MASK_EMAIL(EMAIL) AS E,"
        + " CONVERT_CURRENCY(AMOUNT, CUR, 'EUR') AS EUR FROM R;");

    List<TestRecord<String, String>> out = TestEngines.run(engine.queries().get(0), "readings", List.of(
        new TestRecord<>("d1", "{\"T\":212,\"U\":\"F\",\"EMAIL\":\"ann@x.io\",\"AMOUNT\":10.35,\"CUR\":\"USD\"}"),
        new TestRecord<>("d2", "{\"T\":1,\"U\":\"KM\",\"EMAIL\":null,\"AMOUNT\":1,\"CUR\":\"XYZ\"}")));

    assertThat(out).extracting(TestRecord::value).containsExactly(
        "{\"C\":100.0,\"E\":\"a**@x.io\",\"EUR\":10.0}",
        "{\"C\":null,\"E\":null,\"EUR\":null}");
    assertThat(String.join("\n", logged)).contains("Cannot convert length (KM) to temperature (C)")
        .contains("Unknown currency 'XYZ'");
  }

  @Test
  void theAggregateAndTheTableFunctionRunInQueries() {
    KsqlEngine engine = TestEngines.engine(functions, Map.of("readings", 1), (q, m, e) -> { });
    engine.execute("CREATE STREAM R (ID STRING KEY, V DOUBLE, S BIGINT, E BIGINT)"
        + " WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON');"
        + "CREATE TABLE Z AS SELECT ID, ZSCORE(V) AS Z FROM R GROUP BY ID;"
        + "CREATE STREAM B AS SELECT ID, TIME_BUCKETS(S, E, 60000) AS BUCKET FROM R;");

    List<TestRecord<String, String>> input = new ArrayList<>();
    for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
      input.add(new TestRecord<>("d1", "{\"V\":" + v + ",\"S\":null,\"E\":null}"));
    }
    assertThat(TestEngines.run(engine.queries().get(0), "readings", input)).last()
        .extracting(TestRecord::value).isEqualTo("{\"Z\":2.0}");
    assertThat(TestEngines.run(engine.queries().get(1), "readings",
        List.of(new TestRecord<>("d1", "{\"V\":1,\"S\":125000,\"E\":250000}"))))
        .extracting(TestRecord::value)
        .containsExactly("{\"BUCKET\":120000}", "{\"BUCKET\":180000}", "{\"BUCKET\":240000}");
  }
}
