package io.rtdp.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.rtdp.embedded.kafka.KafkaNode;
import io.rtdp.embedded.net.Ports;

/**
 * A real single-node Kafka broker (KRaft) for one test class, on free ports, with its log in a
 * temporary directory. Register it as a static field:
 * {@code @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();}
 */
public final class KafkaBrokerExtension extends ServerExtension {
    private Path dir;
    private KafkaNode node;

    @Override
    public synchronized KafkaBrokerExtension start() {
        if (node == null) {
            dir = TempDirs.create("kafka");
            Properties props = KafkaNode.singleNodeProperties(dir.resolve("logs"), "127.0.0.1", Ports.free(), Ports.free());
            // One partition for the offsets and transaction-state topics: the first consumer group
            // or transactional producer of a test then waits for one partition's leader instead of fifty.
            props.setProperty("offsets.topic.num.partitions", "1");
            props.setProperty("transaction.state.log.num.partitions", "1");
            // Tests write records stamped long ago (ROWTIME 0, fixed dates): time-based retention
            // would delete them while a long test class runs.
            props.setProperty("log.retention.ms", "-1");
            node = new KafkaNode(props).start();
        }
        return this;
    }

    @Override
    public synchronized void stop() {
        if (node != null) {
            node.close();
            node = null;
            TempDirs.delete(dir);
        }
    }

    public String bootstrapServers() {
        if (node == null) {
            throw notStarted(KafkaBrokerExtension.class);
        }
        return node.bootstrapServers();
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topic and waits until it exists; an existing topic is fine. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
