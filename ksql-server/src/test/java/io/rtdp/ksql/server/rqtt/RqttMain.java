package io.rtdp.ksql.server.rqtt;

import io.rtdp.ksql.engine.qtt.ConformanceSummary;
import io.rtdp.ksql.engine.qtt.Outcome;
import io.rtdp.ksql.engine.qtt.RunnerArguments;
import io.rtdp.ksql.server.KsqlServer;
import io.rtdp.ksql.server.TestServers;
import io.rtdp.schemaregistry.Registries;
import io.rtdp.schemaregistry.SchemaRegistryServer;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * The RQTT conformance runner: {@code RqttMain [PATH] [--write-passing FILE]} starts a broker and
 * one KSQL server in-process, runs every case of the RQTT file or folder (default: the shared
 * corpus) and prints per file {@code passed / failed / skipped} with a reason for each case that
 * did not pass, then {@code N passed, M failed, K skipped}. Exit status 0 after a complete run,
 * 2 when PATH does not exist.
 */
public final class RqttMain {
  static final String SERVICE_ID = "rqtt_";

  private RqttMain() {
  }

  public static void main(String[] args) throws Exception {
    RunnerArguments arguments = RunnerArguments.parse(args, RqttMain::defaultCorpus, "RQTT");
    ConformanceSummary summary;
    try (Harness harness = Harness.start()) {
      summary = harness.run(arguments.path(), c -> true, System.out);
    } catch (Exception | Error e) {
      // Kafka's and Vert.x's threads would keep the JVM alive after a failed start.
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println(summary.totals());
    arguments.writePassing(summary);
    System.exit(0);
  }

  /** The shared corpus: ../shared/ksql-compat/qtt/rest from the repository root. */
  static Path defaultCorpus() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/ksql-compat/qtt/rest").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return here.resolve("../shared/ksql-compat/qtt/rest").normalize();
  }

  /**
   * A broker and rtdp's schema registry for a whole run and a KSQL server on them, replaced by a
   * fresh one (new service id, topics wiped) whenever a case leaves behind what the REST API cannot
   * remove.
   */
  static final class Harness implements AutoCloseable {
    private final KafkaBrokerExtension kafka;
    private final Admin admin;
    private final SchemaRegistryServer registry;
    private int generation;
    private KsqlServer server;
    private RqttRunner runner;

    private Harness(KafkaBrokerExtension kafka) {
      this.kafka = kafka;
      this.admin = kafka.admin();
      this.registry = Registries.start(kafka.bootstrapServers());
    }

    static Harness start() throws Exception {
      Harness h = new Harness(new KafkaBrokerExtension().start());
      h.newServer();
      return h;
    }

    private void newServer() throws Exception {
      if (server != null) {
        runner.close();
        server.close();
        RqttRunner.deleteUserTopics(admin);
      }
      String serviceId = SERVICE_ID + (generation++) + "_";
      // As ksqlDB's RQTT server: reads from the beginning, emits every update, table scans on.
      server = TestServers.start(kafka.bootstrapServers(), serviceId, Files.createTempDirectory("rqtt-state"), Map.of(
          "ksql.streams.auto.offset.reset", "earliest",
          "ksql.streams.num.stream.threads", "1",
          "ksql.query.pull.table.scan.enabled", "true",
          "ksql.schema.registry.url", registry.url()));
      runner = new RqttRunner(server.url(), kafka.bootstrapServers(), serviceId, admin,
          new AvroRecords(registry.url()));
    }

    /**
     * A failed case runs a second time before it counts as failed: on a loaded machine a query may
     * take longer to catch up than the runner waits, which is not what RQTT tests.
     */
    private Outcome run(RqttCase c) throws Exception {
      Outcome o = runOnce(c);
      return o.status() == Outcome.Status.FAILED ? runOnce(c) : o;
    }

    private Outcome runOnce(RqttCase c) throws Exception {
      Outcome o = runner.run(c);
      if (runner.needsNewServer()) {
        newServer();
      }
      return o;
    }

    ConformanceSummary run(Path path, Predicate<RqttCase> selected, PrintStream out) throws Exception {
      ConformanceSummary summary = new ConformanceSummary("skipped");
      for (Path file : RqttLoader.files(path)) {
        List<RqttCase> cases;
        try {
          cases = RqttLoader.load(file);
        } catch (IOException e) {
          summary.unreadable(file, e, out);
          continue;
        }
        ConformanceSummary.FileTally tally = summary.file(file);
        for (RqttCase c : cases) {
          if (!selected.test(c)) {
            continue;
          }
          tally.record(c.fullName(), c.name(), run(c));
          out.flush();
        }
        tally.print(out);
      }
      return summary;
    }

    @Override
    public void close() throws Exception {
      runner.close();
      server.close();
      registry.close();
      admin.close();
      kafka.stop();
    }
  }
}
