package io.rtdp.ksql.server.processinglog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.ksql.engine.serde.JsonValues;
import io.rtdp.ksql.engine.topology.DeserializationError;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One processing-log record in the JSON shape of SPEC §3.3: {@code logger}, {@code level},
 * {@code time} and a {@code message} struct with the error's {@code type} and exactly one
 * populated sub-struct, the others null, so that the {@code KSQL_PROCESSING_LOG} stream reads
 * every entry with one schema.
 *
 * @param topic the Kafka topic the failed record was read from or written to, null when unknown
 */
public record ProcessingLogEntry(String queryId, String logger, String topic, String text, ObjectNode message) {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The message types, numbered as ksqlDB numbers them. */
  enum Type {
    DESERIALIZATION_ERROR("deserializationError"),
    RECORD_PROCESSING_ERROR("recordProcessingError"),
    PRODUCTION_ERROR("productionError"),
    SERIALIZATION_ERROR("serializationError"),
    KAFKA_STREAMS_THREAD_ERROR("kafkaStreamsThreadError");

    final String field;

    Type(String field) {
      this.field = field;
    }
  }

  static ProcessingLogEntry deserialization(DeserializationError e, boolean rowsInclude) {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("target", e.target());
    detail.put("errorMessage", e.describe());
    detail.put("recordB64", rowsInclude && e.record() != null ? Base64.getEncoder().encodeToString(e.record()) : null);
    detail.set("cause", causes(e.cause()));
    detail.put("topic", e.topic());
    return new ProcessingLogEntry(e.queryId(), logger(e.queryId()) + ".KsqlTopic.Source.deserializer", e.topic(),
        e.describe(), message(Type.DESERIALIZATION_ERROR, detail));
  }

  /** {@code record} is the row as JSON text, null unless rows are included and the engine passed the row. */
  static ProcessingLogEntry recordProcessing(String queryId, String errorMessage, Throwable cause, String record) {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("errorMessage", errorMessage);
    detail.put("record", record);
    detail.set("cause", causes(cause));
    return new ProcessingLogEntry(queryId, logger(queryId), null, errorMessage,
        message(Type.RECORD_PROCESSING_ERROR, detail));
  }

  static ProcessingLogEntry production(String queryId, String topic, String errorMessage) {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("errorMessage", errorMessage);
    return new ProcessingLogEntry(queryId, logger(queryId) + ".KafkaProducer", topic, errorMessage,
        message(Type.PRODUCTION_ERROR, detail));
  }

  /** {@code record} is the value (or key) that could not be serialized, only kept with rows.include. */
  static ProcessingLogEntry serialization(String queryId, String topic, String target, String errorMessage,
      Throwable cause, String record) {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("target", target);
    detail.put("errorMessage", errorMessage);
    detail.put("record", record);
    detail.set("cause", causes(cause));
    detail.put("topic", topic);
    return new ProcessingLogEntry(queryId, logger(queryId) + ".KsqlTopic.Sink.serializer", topic, errorMessage,
        message(Type.SERIALIZATION_ERROR, detail));
  }

  static ProcessingLogEntry streamsThread(String queryId, String threadName, Throwable error) {
    String errorMessage = "Unhandled exception caught in streams thread " + threadName + ". (" + error + ")";
    ObjectNode detail = JSON.createObjectNode();
    detail.put("errorMessage", errorMessage);
    detail.put("threadName", threadName);
    detail.set("cause", causes(error));
    return new ProcessingLogEntry(queryId, logger(queryId), null, errorMessage,
        message(Type.KAFKA_STREAMS_THREAD_ERROR, detail));
  }

  /** The values of a row as a JSON array; a value JSON cannot hold is written as its text. */
  static String rowJson(Object[] row) {
    ArrayNode values = JSON.createArrayNode();
    for (Object v : row) {
      try {
        values.add(JsonValues.toJson(v));
      } catch (RuntimeException e) {
        values.add(String.valueOf(v));
      }
    }
    return values.toString();
  }

  /** The log4j-style logger ksqlDB writes a query's entries under. */
  static String logger(String queryId) {
    return "processing." + queryId;
  }

  /** The record written to the processing-log topic. */
  byte[] toJson(long time) {
    ObjectNode record = JSON.createObjectNode();
    record.put("logger", logger);
    record.put("level", "ERROR");
    record.put("time", time);
    record.set("message", message);
    try {
      return JSON.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      // Only strings, numbers and nulls are in it: this cannot fail short of a Jackson bug.
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode message(Type type, ObjectNode detail) {
    ObjectNode m = JSON.createObjectNode();
    m.put("type", type.ordinal());
    for (Type t : Type.values()) {
      if (t == type) {
        m.set(t.field, detail);
      } else {
        m.putNull(t.field);
      }
    }
    return m;
  }

  /** The messages of the error's causes, outermost first, as ksqlDB's {@code cause} array lists them. */
  private static ArrayNode causes(Throwable error) {
    List<String> out = new ArrayList<>();
    for (Throwable t = error == null ? null : error.getCause(); t != null && out.size() < 20; t = t.getCause()) {
      out.add(String.valueOf(t.getMessage()));
    }
    ArrayNode a = JSON.createArrayNode();
    out.forEach(a::add);
    return a;
  }
}
