package io.rtdp.ksql.server.query;

import io.rtdp.ksql.server.kafka.BrokerTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a query's Kafka Streams application for good, as ksqlDB does for TERMINATE and for a
 * finished push query: local state, internal topics and consumer group are deleted.
 */
public final class QueryCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(QueryCleanup.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;
  private final BrokerTopics topics;
  private final Path stateDir;

  public QueryCleanup(Admin admin, BrokerTopics topics, Path stateDir) {
    this.admin = admin;
    this.topics = topics;
    this.stateDir = stateDir;
  }

  /** Stops the application and deletes everything it left: state dir, internal topics, consumer group. */
  public void release(String queryId, String appId, KafkaStreams streams) {
    stop(streams);
    streams.cleanUp();
    deleteAppDirectory(queryId, appId);
    try {
      List<String> internal = topics.names().stream()
          .filter(t -> t.startsWith(appId + "-") && (t.endsWith("-changelog") || t.endsWith("-repartition")))
          .toList();
      topics.delete(internal);
      LOG.info("Ended query {}; deleted its local state and internal topics {}", queryId, internal);
    } catch (RuntimeException e) {
      LOG.warn("Query {} stopped but its internal topics ({}-*) could not be deleted: {}", queryId, appId,
          e.getMessage());
    }
    try {
      admin.deleteConsumerGroups(List.of(appId)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        LOG.warn("Query {} stopped but its consumer group {} could not be deleted: {}. Delete it with"
            + " kafka-consumer-groups --delete --group {}", queryId, appId, e.getCause().getMessage(), appId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kafka Streams' clean-up leaves the application's directory with its lock and process files. */
  private void deleteAppDirectory(String queryId, String appId) {
    Path dir = stateDir.resolve(appId);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Query {} stopped but its state directory {} could not be deleted: {}", queryId, dir, e.getMessage());
    }
  }

  /**
   * Leaving the consumer group at once (as ksqlDB does) lets a terminated query's group be deleted
   * now, and a restarted server's query resume without waiting out the old member's session.
   */
  static void stop(KafkaStreams streams) {
    streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
