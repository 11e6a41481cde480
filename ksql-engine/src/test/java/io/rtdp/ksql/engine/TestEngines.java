package io.rtdp.ksql.engine;

import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** An engine over in-memory topic metadata, and a way to push string records through a query. */
public final class TestEngines {
  private TestEngines() {}

  /** {@code topics}: the existing topics and their partition counts; CREATE adds to it. */
  public static KsqlEngine engine(FunctionRegistry functions, Map<String, Integer> topics, ProcessingLog log) {
    return new KsqlEngine(functions, new EngineConfig(Map.of()), topicsOf(new HashMap<>(topics)), log);
  }

  /** Topic metadata kept in {@code known} (names to partition counts); CREATE adds to it. */
  public static KafkaTopics topicsOf(Map<String, Integer> known) {
    return new KafkaTopics() {
      @Override
      public boolean exists(String topic) {
        return known.containsKey(topic);
      }

      @Override
      public int partitions(String topic) {
        return known.get(topic);
      }

      @Override
      public void create(String topic, int partitions) {
        known.put(topic, partitions);
      }

      @Override
      public void produce(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
        throw new UnsupportedOperationException("no INSERT VALUES in these tests");
      }
    };
  }

  /** The sink records of {@code q} after piping {@code input} into {@code topic}. */
  public static List<TestRecord<String, String>> run(PersistentQuery q, String topic,
      List<TestRecord<String, String>> input) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, q.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:0");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    try (TopologyTestDriver driver = new TopologyTestDriver(q.topology(), props)) {
      TestInputTopic<String, String> in = driver.createInputTopic(topic, new StringSerializer(),
          new StringSerializer());
      input.forEach(in::pipeInput);
      return driver.createOutputTopic(q.sinkTopic(), new StringDeserializer(), new StringDeserializer())
          .readRecordsToList();
    }
  }
}
