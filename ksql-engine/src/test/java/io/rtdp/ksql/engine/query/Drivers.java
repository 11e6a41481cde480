package io.rtdp.ksql.engine.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** TopologyTestDriver set up as the QTT harness does it (no caching, epoch-0 wall clock). */
final class Drivers {
  private Drivers() {}

  static TopologyTestDriver driver(Topology topology, String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:0");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    // Windowed stores are RocksDB even in the test driver: each driver gets its own state directory.
    try {
      props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("pull-test").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TopologyTestDriver(topology, props);
  }

  static TestInputTopic<String, String> stringKeys(TopologyTestDriver driver, String topic) {
    return driver.createInputTopic(topic, new StringSerializer(), new StringSerializer());
  }

  static TestInputTopic<Integer, String> intKeys(TopologyTestDriver driver, String topic) {
    return driver.createInputTopic(topic, new IntegerSerializer(), new StringSerializer());
  }

  /** Pipes everything {@code from} wrote to {@code topic} into each of {@code to}, timestamps kept. */
  static void forward(TopologyTestDriver from, String topic, TopologyTestDriver... to) {
    TestOutputTopic<byte[], byte[]> out =
        from.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TestRecord<byte[], byte[]>> records = out.readRecordsToList();
    for (TopologyTestDriver d : to) {
      TestInputTopic<byte[], byte[]> in = d.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
      records.forEach(in::pipeInput);
    }
  }

  /** The driver's stores, as the server gives them from a running Kafka Streams application. */
  static StoreAccess stores(TopologyTestDriver driver) {
    return new StoreAccess() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T store(String persistentQueryId, String storeName, QueryableStoreType<T> type) {
        if (type.getClass().equals(QueryableStoreTypes.timestampedKeyValueStore().getClass())) {
          return (T) driver.getTimestampedKeyValueStore(storeName);
        }
        if (type.getClass().equals(QueryableStoreTypes.timestampedWindowStore().getClass())) {
          return (T) driver.getTimestampedWindowStore(storeName);
        }
        if (type.getClass().equals(QueryableStoreTypes.sessionStore().getClass())) {
          return (T) driver.getSessionStore(storeName);
        }
        throw new IllegalArgumentException("unexpected store type " + type);
      }
    };
  }
}
