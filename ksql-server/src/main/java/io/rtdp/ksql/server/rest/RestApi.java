package io.rtdp.ksql.server.rest;

import io.rtdp.ksql.server.command.CommandRunner;
import io.rtdp.ksql.server.command.CommandTopic;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.kafka.BrokerTopics;
import io.rtdp.ksql.server.query.QueryRuntime;
import io.rtdp.ksql.server.statistics.QueryStatistics;
import io.rtdp.ksql.server.streaming.PushQueries;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;

/** Routes requests to the endpoints of SPEC §4.2; while the command topic replays, only the chc probes answer 200. */
public final class RestApi {
  private final CommandRunner runner;
  private final KsqlEndpoint ksql;
  private final ServerStatusEndpoints status;

  /** Everything the endpoints read or change. */
  public record Parts(ServerEngine engine, CommandTopic commandTopic, CommandRunner runner, QueryRuntime runtime,
      BrokerTopics topics, Admin admin, String serviceId, String kafkaClusterId, HostInfo self,
      Map<String, String> originalProperties, long commandTimeoutMs, QueryStatistics statistics,
      PushQueries pushQueries) {}

  public RestApi(Parts p) {
    this.runner = p.runner();
    this.ksql = new KsqlEndpoint(p.engine(), p.commandTopic(), p.runner(),
        new MetadataEntities(p.runtime(), p.topics(), p.statistics(), p.pushQueries()),
        new QueryDescriptions(p.engine(), p.runtime(), p.self().host() + ":" + p.self().port(), p.statistics(),
            p.pushQueries()),
        p.pushQueries(), p.originalProperties(), p.commandTimeoutMs());
    this.status = new ServerStatusEndpoints(p.runner(), p.runtime(), p.admin(), p.serviceId(), p.kafkaClusterId(),
        p.self());
  }

  public RestResponse handle(String method, String path, String body) throws InterruptedException {
    if (path.equals("/chc/ready") || path.equals("/chc/live")) {
      return RestResponse.json(200, Map.of());
    }
    if (method.equals("GET") && path.equals("/")) {
      return new RestResponse(307, "text/plain", "/info");
    }
    RestResponse unavailable = unavailable();
    if (unavailable != null) {
      return unavailable;
    }
    return switch (method + " " + path) {
      case "POST /ksql" -> ksql.handle(body);
      case "GET /info" -> status.info();
      case "GET /healthcheck" -> status.healthcheck();
      case "GET /status" -> status.statuses();
      case "GET /clusterStatus" -> status.clusterStatus();
      default -> other(method, path);
    };
  }

  private RestResponse other(String method, String path) {
    if (method.equals("GET") && path.startsWith("/status/")) {
      String[] parts = path.substring("/status/".length()).split("/");
      if (parts.length == 3) {
        StringBuilder id = new StringBuilder();
        for (String part : parts) {
          id.append(id.length() == 0 ? "" : "/").append(URLDecoder.decode(part.replace("+", "%2B"),
              StandardCharsets.UTF_8));
        }
        return status.status(id.toString());
      }
    }
    return RestResponse.notFound();
  }

  /** The answer while the server cannot serve requests (replaying, shutting down); null once it can. */
  public RestResponse unavailable() {
    return switch (runner.state()) {
      case INITIALIZING -> runner.failure().isPresent()
          ? RestResponse.error(50302, "KSQL could not replay its command topic: " + runner.failure().get()
              + ". Fix the cause and restart the server.")
          : RestResponse.error(50302, "KSQL is not yet ready to serve requests: it is replaying its command topic.");
      case TERMINATING -> RestResponse.error(50303, "KSQL is shutting down.");
      case TERMINATED -> RestResponse.error(50304, "KSQL was shut down.");
      case READY -> null;
    };
  }
}
