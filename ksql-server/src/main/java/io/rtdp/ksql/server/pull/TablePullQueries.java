package io.rtdp.ksql.server.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rtdp.ksql.engine.query.PullQuery;
import io.rtdp.ksql.engine.query.RestValues;
import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.engine.query.StoreAccess;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.query.QueryRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pull queries on materialized tables across the servers sharing a service id: this server
 * answers from its active partitions, every other server that is active for some partition is
 * asked for its part over {@value #INTERNAL_PATH}, and the partitions of a server that does not
 * answer are read here from standby (or stale) copies.
 */
public final class TablePullQueries {
  /** The internal endpoint: a pull query answered from the receiving server's active partitions only. */
  public static final String INTERNAL_PATH = "/internal/pull";
  private static final Logger LOG = LoggerFactory.getLogger(TablePullQueries.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long STORE_WAIT_MS = 10_000;

  private final ServerEngine engine;
  private final QueryRuntime runtime;
  private final HostInfo self;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  public TablePullQueries(ServerEngine engine, QueryRuntime runtime, HostInfo self) {
    this.engine = engine;
    this.runtime = runtime;
    this.self = self;
  }

  /** The full answer: local rows, the other active hosts' rows, standby reads for hosts that are down. */
  public List<ArrayNode> execute(PullQuery q, String sql, Map<String, Object> properties) {
    KafkaStreams streams = runtime.streams(q.persistentQueryId()).orElseThrow(() -> new PullQueryFailure(
        "The query " + q.persistentQueryId() + " that materializes this table is not running on this server."));
    RecordingStores local = new RecordingStores(LocalStores.active(runtime));
    List<ArrayNode> rows = render(q, executeRetrying(q, local));
    for (StreamsMetadata host : streams.metadataForAllStreamsClients()) {
      if (host.hostInfo().equals(self) || host.topicPartitions().isEmpty()) {
        continue;
      }
      try {
        rows.addAll(remote(host.hostInfo(), sql, properties));
      } catch (IOException | RuntimeException e) {
        LOG.info("Pull query: {} did not answer ({}); reading its partitions from copies here", host.hostInfo(),
            e.toString());
        for (int partition : partitionsOfStore(q.persistentQueryId(), local.storeName, host)) {
          rows.addAll(render(q, executeRetrying(q, LocalStores.anyCopyOf(runtime, partition))));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PullQueryFailure("Interrupted while gathering the pull query's rows");
      }
    }
    Integer limit = q.limit();
    return limit != null && rows.size() > limit ? new ArrayList<>(rows.subList(0, limit)) : rows;
  }

  /** {@value #INTERNAL_PATH}: this server's part of another server's pull query. */
  public List<ArrayNode> localPart(String sql, Map<String, Object> properties) {
    PullQuery q = engine.read(e -> e.planPull(sql, properties));
    return render(q, executeRetrying(q, LocalStores.active(runtime)));
  }

  private List<ArrayNode> remote(HostInfo host, String sql, Map<String, Object> properties)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sql", sql);
    body.put("properties", properties);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port()
            + INTERNAL_PATH)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    List<ArrayNode> rows = new ArrayList<>();
    for (JsonNode row : JSON.readTree(response.body()).path("rows")) {
      rows.add((ArrayNode) row);
    }
    return rows;
  }

  /**
   * The partitions of the store that {@code host} is active for: its assigned partitions of the
   * topics that feed the store's sub-topology (internal topics are named with the application id).
   */
  private Set<Integer> partitionsOfStore(String persistentQueryId, String storeName, StreamsMetadata host) {
    Set<Integer> partitions = new TreeSet<>();
    if (storeName == null) {
      return partitions;
    }
    Topology topology = runtime.running().stream().filter(r -> r.query().id().equals(persistentQueryId))
        .findFirst().map(r -> r.query().topology()).orElse(null);
    if (topology == null) {
      return partitions;
    }
    Set<String> sources = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      boolean hasStore = sub.nodes().stream().anyMatch(n -> n instanceof TopologyDescription.Processor p
          && p.stores().contains(storeName));
      if (hasStore) {
        sub.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
            .forEach(n -> sources.addAll(((TopologyDescription.Source) n).topicSet()));
      }
    }
    for (TopicPartition tp : host.topicPartitions()) {
      if (sources.stream().anyMatch(s -> tp.topic().equals(s) || tp.topic().endsWith("-" + s))) {
        partitions.add(tp.partition());
      }
    }
    return partitions;
  }

  /** Stores are unavailable for a moment while Kafka Streams rebalances or restores: wait that out. */
  private static List<ResultRow> executeRetrying(PullQuery q, StoreAccess stores) {
    long deadline = System.currentTimeMillis() + STORE_WAIT_MS;
    while (true) {
      try {
        return q.execute(stores);
      } catch (InvalidStateStoreException e) {
        if (System.currentTimeMillis() > deadline) {
          throw new PullQueryFailure("The state of " + q.persistentQueryId() + " cannot be read now: "
              + e.getMessage() + ". Retry the query.");
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new PullQueryFailure("Interrupted while waiting for the state of " + q.persistentQueryId());
        }
      }
    }
  }

  private static List<ArrayNode> render(PullQuery q, List<ResultRow> rows) {
    List<ArrayNode> out = new ArrayList<>();
    rows.forEach(r -> out.add(RestValues.row(r, q.columns())));
    return out;
  }

  /** Remembers which store the engine read, to find that store's partitions on a host that is down. */
  private static final class RecordingStores implements StoreAccess {
    private final StoreAccess delegate;
    private String storeName;

    RecordingStores(StoreAccess delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> T store(String persistentQueryId, String name, QueryableStoreType<T> type) {
      storeName = name;
      return delegate.store(persistentQueryId, name, type);
    }
  }
}
