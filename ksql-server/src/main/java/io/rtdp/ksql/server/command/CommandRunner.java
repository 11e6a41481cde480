package io.rtdp.ksql.server.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.server.execution.ServerEngine;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that reads the command topic in order and executes each command: first the
 * whole topic (replay, queries started only at its end), then new commands as they come.
 */
public final class CommandRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** ksqlDB's serverState values (SPEC §4.9). */
  public enum ServerState { INITIALIZING, READY, TERMINATING, TERMINATED }

  private final CommandTopic topic;
  private final ServerEngine engine;
  private final KafkaConsumer<String, String> consumer;
  private final TopicPartition partition;
  private final Thread thread;
  private final Map<String, CommandStatus> statusById = new LinkedHashMap<>();
  private final Map<Long, CommandStatus> statusByOffset = new HashMap<>();
  private volatile ServerState state = ServerState.INITIALIZING;
  private volatile String failure;
  private volatile boolean degraded;
  /** Every command below this offset has been executed. */
  private long position;

  public CommandRunner(CommandTopic topic, String bootstrapServers, ServerEngine engine) {
    this.topic = topic;
    this.engine = engine;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    this.partition = new TopicPartition(topic.name(), 0);
    this.thread = new Thread(this::run, "ksql-command-runner");
  }

  public void start() {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    thread.start();
  }

  public ServerState state() {
    return state;
  }

  /** Why the runner stopped, if it did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** True once a command could not be read (written by a newer server): this one may be missing state. */
  public boolean degraded() {
    return degraded;
  }

  public synchronized Map<String, CommandStatus> statuses() {
    return new LinkedHashMap<>(statusById);
  }

  public synchronized Optional<CommandStatus> status(String commandId) {
    return Optional.ofNullable(statusById.get(commandId));
  }

  /** Waits until the command at {@code offset} was executed; empty on timeout. */
  public synchronized Optional<CommandStatus> awaitExecuted(long offset, long timeoutMs) throws InterruptedException {
    return awaitPosition(offset + 1, timeoutMs) ? Optional.ofNullable(statusByOffset.get(offset)) : Optional.empty();
  }

  /** Every command below this offset has been executed; once caught up, where the next command will land. */
  public synchronized long position() {
    return position;
  }

  /** Waits until every command below {@code end} was executed; false on timeout. */
  public synchronized boolean awaitPosition(long end, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (position < end) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0 || failure != null) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /** Waits until this server executed every command committed so far (before validating a new one). */
  public boolean awaitCaughtUp(long timeoutMs) throws InterruptedException {
    return awaitPosition(topic.committedEnd(), timeoutMs);
  }

  private void run() {
    try {
      long end = topic.committedEnd();
      LOG.info("Replaying the command topic {} ({} offsets)", topic.name(), end);
      while (currentPosition() < end) {
        pollOnce();
      }
      engine.replayFinished();
      state = ServerState.READY;
      LOG.info("Command topic replayed; {} commands, persistent queries started", statusById.size());
      while (state == ServerState.READY) {
        pollOnce();
      }
    } catch (WakeupException e) {
      // close() asked the thread to stop.
    } catch (RuntimeException e) {
      failure = e.getMessage();
      LOG.error("The command runner stopped: {}. Restart the server once the cause is fixed.", e.getMessage(), e);
      synchronized (this) {
        notifyAll();
      }
    }
  }

  private synchronized long currentPosition() {
    return position;
  }

  private void pollOnce() {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
      String commandId = commandId(r.key());
      CommandStatus status = execute(r.value(), r.offset());
      if (status.failed()) {
        LOG.warn("Command {} at offset {} failed: {}", commandId, r.offset(), status.message());
      }
      synchronized (this) {
        statusById.put(commandId, status);
        statusByOffset.put(r.offset(), status);
      }
    }
    long next = consumer.position(partition);
    synchronized (this) {
      position = next;
      notifyAll();
    }
  }

  private CommandStatus execute(String value, long offset) {
    Command command;
    try {
      command = JSON.readValue(value, Command.class);
    } catch (JsonProcessingException e) {
      degraded = true;
      return CommandStatus.error("Unreadable command (" + e.getOriginalMessage() + "); this server skipped it");
    }
    if (command.version() > Command.VERSION) {
      degraded = true;
      return CommandStatus.error("Command version " + command.version() + " is newer than this server's ("
          + Command.VERSION + "); upgrade the server to execute it");
    }
    try {
      return engine.execute(command, offset);
    } catch (RuntimeException e) {
      // One bad command must not stop the runner: later commands and the REST API depend on it.
      LOG.error("Command failed unexpectedly: {}", command.statement(), e);
      return CommandStatus.error("The server failed executing this statement: " + e);
    }
  }

  private static String commandId(String key) {
    try {
      return JSON.readValue(key, String.class);
    } catch (JsonProcessingException e) {
      return key;
    }
  }

  @Override
  public void close() {
    state = ServerState.TERMINATING;
    consumer.wakeup();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
    state = ServerState.TERMINATED;
  }
}
