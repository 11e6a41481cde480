package io.rtdp.ksql.server.processinglog;

import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.server.command.Command;
import io.rtdp.ksql.server.command.CommandId;
import io.rtdp.ksql.server.command.CommandRunner;
import io.rtdp.ksql.server.command.CommandStatus;
import io.rtdp.ksql.server.command.CommandTopic;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.execution.StatementFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the processing-log stream ({@code KSQL_PROCESSING_LOG}) when
 * {@code ksql.logging.processing.stream.auto.create} is true and the command topic, once replayed,
 * does not have it: as ksqlDB does, through a CREATE STREAM command on the command topic, so every
 * server of the service id learns it the same way and a restart finds it in the replay. The
 * statement says IF NOT EXISTS: two servers starting together may both write it, harmlessly.
 */
public final class ProcessingLogStream {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessingLogStream.class);
  private static final long COMMAND_TIMEOUT_MS = 30_000;

  private final ProcessingLogConfig config;
  private final boolean topicWritten;
  private final ServerEngine engine;
  private final CommandTopic commandTopic;
  private final CommandRunner runner;
  private final Map<String, String> originalProperties;
  private final CountDownLatch done = new CountDownLatch(1);

  public ProcessingLogStream(ServerProcessingLog log, ServerEngine engine, CommandTopic commandTopic,
      CommandRunner runner, Map<String, String> originalProperties) {
    this.config = log.config();
    this.topicWritten = log.writesTopic();
    this.engine = engine;
    this.commandTopic = commandTopic;
    this.runner = runner;
    this.originalProperties = originalProperties;
  }

  /** The statement ksqlDB users know from SHOW STREAMS / DESCRIBE: the entry schema of SPEC §3.3. */
  public static String createStatement(String streamName, String topicName) {
    String cause = "CAUSE ARRAY<STRING>";
    return "CREATE STREAM IF NOT EXISTS " + streamName + " (LOGGER STRING, LEVEL STRING, `TIME` BIGINT, MESSAGE STRUCT<"
        + "`TYPE` INT, "
        + "DESERIALIZATIONERROR STRUCT<TARGET STRING, ERRORMESSAGE STRING, RECORDB64 STRING, " + cause
        + ", `TOPIC` STRING>, "
        + "RECORDPROCESSINGERROR STRUCT<ERRORMESSAGE STRING, RECORD STRING, " + cause + ">, "
        + "PRODUCTIONERROR STRUCT<ERRORMESSAGE STRING>, "
        + "SERIALIZATIONERROR STRUCT<TARGET STRING, ERRORMESSAGE STRING, RECORD STRING, " + cause
        + ", `TOPIC` STRING>, "
        + "KAFKASTREAMSTHREADERROR STRUCT<ERRORMESSAGE STRING, THREADNAME STRING, " + cause + ">>)"
        + " WITH (KAFKA_TOPIC='" + topicName.replace("'", "''") + "', VALUE_FORMAT='JSON');";
  }

  /** Registers the stream in the background once the command runner is ready; {@link #await} waits for it. */
  public void startAfterReplay() {
    Thread t = new Thread(() -> {
      try {
        awaitRunnerReady();
        if (runner.state() == CommandRunner.ServerState.READY) {
          register();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("Could not register the processing-log stream {}: {}", config.streamName(), e.getMessage(), e);
      } finally {
        done.countDown();
      }
    }, "ksql-processing-log-stream");
    t.setDaemon(true);
    t.start();
  }

  /** Waits until the registration finished, succeeded or not; false on timeout. */
  public boolean await(long timeoutMs) throws InterruptedException {
    return done.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  private void awaitRunnerReady() throws InterruptedException {
    while (runner.state() == CommandRunner.ServerState.INITIALIZING && runner.failure().isEmpty()) {
      Thread.sleep(50);
    }
  }

  private void register() throws InterruptedException {
    if (!config.streamAutoCreate()) {
      return;
    }
    if (!topicWritten) {
      LOG.warn("{}=true but the processing-log topic {} does not exist: set {}=true (or create the topic) to get"
          + " the stream {}", ProcessingLogConfig.STREAM_AUTO_CREATE, config.topicName(),
          ProcessingLogConfig.TOPIC_AUTO_CREATE, config.streamName());
      return;
    }
    if (engine.read(e -> e.metaStore().source(config.streamName()).isPresent())) {
      return;
    }
    String statement = createStatement(config.streamName(), config.topicName());
    List<StatementParser.Parsed> parsed = engine.parse(statement);
    try {
      engine.validate(parsed, runner.position());
    } catch (StatementFailure e) {
      LOG.error("The processing-log stream {} cannot be created: {}. Set {} to a name not in use.",
          config.streamName(), e.getMessage(), ProcessingLogConfig.STREAM_NAME);
      return;
    }
    String commandId = CommandId.of(parsed.get(0).statement()).orElseThrow();
    long offset = commandTopic.append(commandId, new Command(statement, Map.of(), originalProperties, Command.VERSION));
    Optional<CommandStatus> status = runner.awaitExecuted(offset, COMMAND_TIMEOUT_MS);
    if (status.isEmpty()) {
      LOG.warn("The processing-log stream {} was written to the command topic but not executed within {} ms",
          config.streamName(), COMMAND_TIMEOUT_MS);
    } else if (status.get().failed()) {
      LOG.error("The processing-log stream {} could not be created: {}", config.streamName(), status.get().message());
    } else {
      LOG.info("Registered the processing-log stream {} on topic {}", config.streamName(), config.topicName());
    }
  }
}
