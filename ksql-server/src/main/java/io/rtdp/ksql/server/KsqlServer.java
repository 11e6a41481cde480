package io.rtdp.ksql.server;

import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.server.command.CommandRunner;
import io.rtdp.ksql.server.command.CommandTopic;
import io.rtdp.ksql.server.config.ServerConfig;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.kafka.BrokerTopics;
import io.rtdp.ksql.server.processinglog.ProcessingLogStream;
import io.rtdp.ksql.server.processinglog.QueryMonitoring;
import io.rtdp.ksql.server.processinglog.ServerProcessingLog;
import io.rtdp.ksql.server.query.QueryRuntime;
import io.rtdp.ksql.server.rest.KsqlHttpServer;
import io.rtdp.ksql.server.pull.StreamPullQueries;
import io.rtdp.ksql.server.pull.TablePullQueries;
import io.rtdp.ksql.server.rest.RestApi;
import io.rtdp.ksql.server.streaming.InsertsStream;
import io.rtdp.ksql.server.streaming.PrintTopic;
import io.rtdp.ksql.server.streaming.PushQueries;
import io.rtdp.ksql.server.streaming.QueryEndpoints;
import io.rtdp.ksql.server.streaming.StreamingRoutes;
import io.rtdp.ksql.server.statistics.QueryStatistics;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One KSQL server: REST API, command topic and runner, persistent queries. {@link #start()} returns
 * once the HTTP port is bound; {@link #awaitReady} waits until the command topic was replayed.
 */
public final class KsqlServer implements AutoCloseable {
  private final ServerConfig config;
  private final KsqlHttpServer http = new KsqlHttpServer();
  private Admin admin;
  private KafkaProducer<byte[], byte[]> producer;
  private CommandTopic commandTopic;
  private QueryRuntime runtime;
  private PushQueries pushQueries;
  private CommandRunner runner;
  private final QueryStatistics statistics = new QueryStatistics();
  private ServerProcessingLog processingLog;
  private ProcessingLogStream processingLogStream;
  private String url;

  public KsqlServer(ServerConfig config) {
    this.config = config;
  }

  public KsqlServer start() {
    URI listener = config.listener();
    int port = http.listen(listener.getHost(), listener.getPort());
    url = config.advertisedUrl(port);
    URI advertised = URI.create(url);
    HostInfo self = new HostInfo(advertised.getHost(), advertised.getPort());

    Map<String, Object> adminProps = new HashMap<>();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    admin = Admin.create(adminProps);
    String clusterId = kafkaClusterId();
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    BrokerTopics topics = new BrokerTopics(admin, producer);

    commandTopic = new CommandTopic(config.serviceId(), config.bootstrapServers(), admin);
    commandTopic.ensureExists(config.internalTopicReplicas());
    processingLog = ServerProcessingLog.open(config.processingLog(), admin, config.bootstrapServers(), statistics);
    runtime = new QueryRuntime(config.bootstrapServers(), config.stateDir().toString(),
        self.host() + ":" + self.port(), config.streamsDefaults(), admin, topics,
        new QueryMonitoring(processingLog, statistics, config.failOnProductionError()));
    ServerEngine engine = new ServerEngine(FunctionRegistry.forConfig(config.engineConfig()), config.engineConfig(),
        topics, processingLog, runtime);
    runner = new CommandRunner(commandTopic, config.bootstrapServers(), engine);
    Map<String, String> original = new HashMap<>();
    config.values().forEach((k, v) -> {
      if (k.startsWith("ksql.")) {
        original.put(k, v);
      }
    });
    pushQueries = new PushQueries(engine, runtime, admin, config.maxPushQueries());
    StreamingRoutes streaming = new StreamingRoutes(new QueryEndpoints(engine, pushQueries,
        new TablePullQueries(engine, runtime, self), new StreamPullQueries(config.bootstrapServers()),
        new PrintTopic(config.bootstrapServers()), topics), new InsertsStream(http.vertx(), engine));
    http.attach(new RestApi(new RestApi.Parts(engine, commandTopic, runner, runtime, topics, admin,
        config.serviceId(), clusterId, self, original, config.commandResponseTimeoutMs(), statistics, pushQueries)),
        streaming);
    runner.start();
    processingLogStream = new ProcessingLogStream(processingLog, engine, commandTopic, runner, original);
    processingLogStream.startAfterReplay();
    return this;
  }

  /** Waits until the command topic was replayed and queries started; false on timeout or runner failure. */
  public boolean awaitReady(long timeoutMs) throws InterruptedException {
    long now = System.currentTimeMillis();
    long deadline = timeoutMs > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutMs;
    while (runner.state() != CommandRunner.ServerState.READY) {
      if (runner.failure().isPresent() || System.currentTimeMillis() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    // ksqlDB is ready once the processing-log stream it auto-creates is registered.
    return processingLogStream.await(Math.max(0, deadline - System.currentTimeMillis()));
  }

  public String url() {
    return url;
  }

  public String commandTopic() {
    return commandTopic.name();
  }

  private String kafkaClusterId() {
    try {
      return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while connecting to Kafka", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot reach Kafka at " + config.bootstrapServers() + " (" + e
          + "): start the broker or fix bootstrap.servers", e);
    }
  }

  /** Stops serving and stops the queries, keeping their state and offsets for the next start. */
  @Override
  public void close() {
    http.close();
    if (runner != null) {
      runner.close();
    }
    if (pushQueries != null) {
      pushQueries.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (processingLog != null) {
      processingLog.close();
    }
    statistics.close();
    if (commandTopic != null) {
      commandTopic.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (admin != null) {
      admin.close();
    }
  }
}
