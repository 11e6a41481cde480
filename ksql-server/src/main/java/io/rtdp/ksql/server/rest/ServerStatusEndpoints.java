package io.rtdp.ksql.server.rest;

import io.rtdp.ksql.server.command.CommandRunner;
import io.rtdp.ksql.server.command.CommandStatus;
import io.rtdp.ksql.server.query.QueryRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /info}, {@code /healthcheck}, {@code /status} and {@code /clusterStatus} (SPEC §4.9). */
final class ServerStatusEndpoints {
  /** The ksqlDB release whose REST API this server speaks; clients read it to pick features. */
  static final String KSQL_API_VERSION = "8.5.0-0";

  private final CommandRunner runner;
  private final QueryRuntime runtime;
  private final Admin admin;
  private final String serviceId;
  private final String kafkaClusterId;
  private final HostInfo self;

  ServerStatusEndpoints(CommandRunner runner, QueryRuntime runtime, Admin admin, String serviceId,
      String kafkaClusterId, HostInfo self) {
    this.runner = runner;
    this.runtime = runtime;
    this.admin = admin;
    this.serviceId = serviceId;
    this.kafkaClusterId = kafkaClusterId;
    this.self = self;
  }

  RestResponse info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("version", KSQL_API_VERSION);
    info.put("kafkaClusterId", kafkaClusterId);
    info.put("ksqlServiceId", serviceId);
    info.put("serverStatus", runner.failure().isPresent() ? "ERROR" : runner.degraded() ? "DEGRADED" : "RUNNING");
    return RestResponse.json(200, Map.of("KsqlServerInfo", info));
  }

  RestResponse healthcheck() {
    boolean kafka = kafkaReachable();
    boolean commandRunner = runner.failure().isEmpty();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("metastore", Map.of("isHealthy", commandRunner));
    details.put("kafka", Map.of("isHealthy", kafka));
    details.put("commandRunner", Map.of("isHealthy", commandRunner));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("isHealthy", kafka && commandRunner);
    body.put("details", details);
    body.put("serverState", runner.state().name());
    return RestResponse.json(200, body);
  }

  RestResponse statuses() {
    Map<String, String> statuses = new LinkedHashMap<>();
    runner.statuses().forEach((id, s) -> statuses.put(id, s.status()));
    return RestResponse.json(200, Map.of("commandStatuses", statuses));
  }

  RestResponse status(String commandId) {
    return runner.status(commandId).map(ServerStatusEndpoints::statusBody)
        .orElseGet(() -> RestResponse.error(40400, "Command not found"));
  }

  RestResponse clusterStatus() {
    Map<String, Object> perQuery = new LinkedHashMap<>();
    for (QueryRuntime.RunningQuery q : runtime.running()) {
      for (StreamsMetadata m : q.streams().metadataForAllStreamsClients()) {
        if (m.hostInfo().equals(self)) {
          Map<String, Object> assignment = new LinkedHashMap<>();
          assignment.put("activeStores", m.stateStoreNames());
          assignment.put("activePartitions", m.topicPartitions().stream()
              .map(tp -> Map.of("topic", tp.topic(), "partition", tp.partition())).toList());
          assignment.put("standByStores", m.standbyStateStoreNames());
          assignment.put("standByPartitions", m.standbyTopicPartitions().stream()
              .map(tp -> Map.of("topic", tp.topic(), "partition", tp.partition())).toList());
          perQuery.put(q.query().id(), assignment);
        }
      }
    }
    long now = System.currentTimeMillis();
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("hostAlive", true);
    host.put("lastStatusUpdateMs", now);
    host.put("activeStandbyPerQuery", perQuery);
    host.put("hostStoreLags", Map.of("stateStoreLags", Map.of(), "updateTimeMs", now));
    return RestResponse.json(200, Map.of("clusterStatus", Map.of(self.host() + ":" + self.port(), host)));
  }

  private static RestResponse statusBody(CommandStatus s) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", s.status());
    body.put("message", s.message());
    body.put("queryId", s.queryId());
    return RestResponse.json(200, body);
  }

  private boolean kafkaReachable() {
    try {
      admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
