package io.rtdp.ksql.server.processinglog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.topology.DeserializationError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of each entry type: SPEC §3.3's schema, one sub-struct populated and the others null. */
class ProcessingLogEntryTest {
  private static final List<String> SUB_STRUCTS = List.of("deserializationError", "recordProcessingError",
      "productionError", "serializationError", "kafkaStreamsThreadError");

  private static JsonNode json(ProcessingLogEntry entry) throws Exception {
    return ProcessingLogEntry.JSON.readTree(entry.toJson(1234L));
  }

  private static void onlyPopulated(JsonNode message, String field) {
    assertThat(message.fieldNames()).toIterable().containsExactly("type", "deserializationError",
        "recordProcessingError", "productionError", "serializationError", "kafkaStreamsThreadError");
    for (String f : SUB_STRUCTS) {
      assertThat(message.get(f).isNull()).as(f).isEqualTo(!f.equals(field));
    }
  }

  @Test
  void aDeserializationErrorKeepsTheBytesOnlyWhenRowsAreIncluded() throws Exception {
    DeserializationError error = new DeserializationError("CSAS_OUT_1", "in", 2, 7, "value", "bad json",
        new IllegalStateException("bad json", new IllegalArgumentException("unexpected '{'")),
        "{x".getBytes(StandardCharsets.UTF_8));

    JsonNode with = json(ProcessingLogEntry.deserialization(error, true));
    assertThat(with.get("logger").asText()).isEqualTo("processing.CSAS_OUT_1.KsqlTopic.Source.deserializer");
    assertThat(with.get("level").asText()).isEqualTo("ERROR");
    assertThat(with.get("time").asLong()).isEqualTo(1234L);
    JsonNode message = with.get("message");
    assertThat(message.get("type").asInt()).isZero();
    onlyPopulated(message, "deserializationError");
    JsonNode d = message.get("deserializationError");
    assertThat(d.get("recordB64").asText()).isEqualTo("e3g=");
    assertThat(d.get("errorMessage").asText()).isEqualTo("Failed to deserialize value of record at in-2@7: bad json");
    assertThat(d.get("cause")).extracting(JsonNode::asText).containsExactly("unexpected '{'");
    assertThat(d.get("topic").asText()).isEqualTo("in");

    JsonNode without = json(ProcessingLogEntry.deserialization(error, false));
    assertThat(without.get("message").get("deserializationError").get("recordB64").isNull()).isTrue();
  }

  @Test
  void eachOtherTypeHasItsNumberAndSubStruct() throws Exception {
    JsonNode processing = json(ProcessingLogEntry.recordProcessing("Q", "Error computing expression: x", null,
        ProcessingLogEntry.rowJson(new Object[] {"k", 1.5, null})));
    assertThat(processing.get("message").get("type").asInt()).isEqualTo(1);
    onlyPopulated(processing.get("message"), "recordProcessingError");
    assertThat(processing.get("message").get("recordProcessingError").get("record").asText())
        .isEqualTo("[\"k\",1.5,null]");

    JsonNode production = json(ProcessingLogEntry.production("Q", "out", "Error producing to out: too large"));
    assertThat(production.get("message").get("type").asInt()).isEqualTo(2);
    onlyPopulated(production.get("message"), "productionError");
    assertThat(production.get("message").get("productionError").get("errorMessage").asText())
        .isEqualTo("Error producing to out: too large");

    JsonNode serialization = json(ProcessingLogEntry.serialization("Q", "out", "value", "cannot write", null, "[1]"));
    assertThat(serialization.get("message").get("type").asInt()).isEqualTo(3);
    onlyPopulated(serialization.get("message"), "serializationError");
    assertThat(serialization.get("message").get("serializationError").get("record").asText()).isEqualTo("[1]");

    JsonNode thread = json(ProcessingLogEntry.streamsThread("Q", "app-StreamThread-1",
        new IllegalStateException("boom", new RuntimeException("root"))));
    assertThat(thread.get("logger").asText()).isEqualTo("processing.Q");
    assertThat(thread.get("message").get("type").asInt()).isEqualTo(4);
    onlyPopulated(thread.get("message"), "kafkaStreamsThreadError");
    JsonNode t = thread.get("message").get("kafkaStreamsThreadError");
    assertThat(t.get("threadName").asText()).isEqualTo("app-StreamThread-1");
    assertThat(t.get("errorMessage").asText()).contains("app-StreamThread-1", "boom");
    assertThat(t.get("cause")).extracting(JsonNode::asText).containsExactly("root");
  }
}
