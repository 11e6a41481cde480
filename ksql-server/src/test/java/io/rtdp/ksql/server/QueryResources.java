package io.rtdp.ksql.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

/**
 * What a push query's Kafka Streams application leaves on the broker and on disk while it runs:
 * consumer group, internal topics, state directory, stream threads. All named with its
 * application id {@code _confluent-ksql-<service id>transient_<query id>_<millis>}.
 */
final class QueryResources {
  private final Admin admin;
  private final Path stateDir;
  private final String prefix;

  QueryResources(Admin admin, Path stateDir, String serviceId) {
    this.admin = admin;
    this.stateDir = stateDir;
    this.prefix = "_confluent-ksql-" + serviceId + "transient_";
  }

  /** Everything left by transient queries (all of them when queryId is null). */
  List<String> leftBy(String queryId) throws Exception {
    String p = queryId == null ? prefix : prefix + queryId + "_";
    List<String> left = new ArrayList<>();
    for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
      if (g.groupId().startsWith(p)) {
        left.add("group " + g.groupId());
      }
    }
    for (String t : admin.listTopics().names().get()) {
      if (t.startsWith(p)) {
        left.add("topic " + t);
      }
    }
    if (Files.isDirectory(stateDir)) {
      try (Stream<Path> dirs = Files.list(stateDir)) {
        dirs.filter(d -> d.getFileName().toString().startsWith(p)).forEach(d -> left.add("state dir " + d));
      }
    }
    Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(p))
        .forEach(t -> left.add("thread " + t.getName()));
    return left;
  }

  /** The query id in a /query header or /query-stream metadata: the response's first JSON object. */
  static String queryId(String responseStart) throws IOException {
    String text = responseStart.startsWith("[") ? responseStart.substring(1) : responseStart;
    JsonNode first = KsqlRestClient.JSON.createParser(text).readValueAsTree();
    return first.has("header") ? first.get("header").get("queryId").asText() : first.get("queryId").asText();
  }
}
