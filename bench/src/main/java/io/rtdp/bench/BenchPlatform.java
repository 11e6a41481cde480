package io.rtdp.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.rtdp.testkit.ConnectRestClient;
import io.rtdp.testkit.ConnectWorkerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;

/** A real broker and a real Connect worker (with the build's plugins) on free ports, for one benchmark run. */
final class BenchPlatform implements AutoCloseable {
    final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    final ConnectWorkerExtension connect = new ConnectWorkerExtension(kafka);
    private final Admin admin;

    BenchPlatform() {
        kafka.start();
        connect.start();
        admin = kafka.admin();
    }

    void createConnector(String name, Map<String, String> config) {
        ConnectRestClient.Response created = connect.rest().putConnectorConfig(name, config);
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create " + name + ": " + created.body());
        }
        connect.rest().awaitRunning(name, Duration.ofSeconds(60));
    }

    /** Records in partition 0 of the topic (benchmark topics have one partition). */
    long endOffset(String topic) {
        try {
            TopicPartition tp = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offset of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void createTopics(List<String> topics) {
        topics.forEach(t -> kafka.createTopic(t, 1));
    }

    @Override
    public void close() {
        admin.close();
        connect.stop();
        kafka.stop();
    }
}
