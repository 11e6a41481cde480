package io.rtdp.ksql.migrations;

import io.rtdp.ksql.client.KsqlClient;
import io.rtdp.ksql.client.KsqlServerException;
import io.rtdp.ksql.client.KsqlUnavailableException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./rtdp ksql migrate}: applies the versioned KSQL files of a directory to a KSQL server. */
@Command(name = "ksql migrate", mixinStandardHelpOptions = true,
    description = "Applies versioned KSQL files (V000001__name.ksql, …) to a KSQL server in order, keeping the"
        + " record of applied versions and their checksums in the server (stream MIGRATION_EVENTS, table"
        + " MIGRATION_SCHEMA_VERSIONS).",
    subcommands = {MigrationsMain.Info.class, MigrationsMain.Validate.class, MigrationsMain.Apply.class})
public final class MigrationsMain {
  @Option(names = "--server", defaultValue = "http://localhost:8088", description = "KSQL server URL (default: ${DEFAULT-VALUE})")
  URI server;

  @Option(names = "--dir", defaultValue = "${sys:rtdp.ksql.dir:-ksql}", description = "Directory of the migration files (default: ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--timeout", defaultValue = "PT30S", description = "Deadline of each request and of the record's update, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration timeout;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new MigrationsMain());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof KsqlUnavailableException) {
        commandLine.getErr().println("ksql migrate: " + e.getMessage() + ". Check that the server runs"
            + " (./rtdp status) and that --server names it.");
        return 1;
      }
      if (e instanceof MigrationException || e instanceof KsqlServerException) {
        commandLine.getErr().println("ksql migrate: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return cli.execute(args);
  }

  Migrator migrator() {
    return new Migrator(new KsqlClient(server, timeout), MigrationsDirectory.read(dir), System.out, timeout);
  }

  @Command(name = "info", description = "Lists every version with its state (PENDING, RUNNING, MIGRATED, ERROR).")
  static final class Info implements Callable<Integer> {
    @ParentCommand
    MigrationsMain parent;

    @Override
    public Integer call() {
      parent.migrator().info();
      return 0;
    }
  }

  @Command(name = "validate", description = "Checks that every applied version's file exists and is unchanged.")
  static final class Validate implements Callable<Integer> {
    @ParentCommand
    MigrationsMain parent;

    @Override
    public Integer call() {
      parent.migrator().validate();
      return 0;
    }
  }

  @Command(name = "apply", description = "Applies the pending versions in order (all, or up to --until).")
  static final class Apply implements Callable<Integer> {
    @ParentCommand
    MigrationsMain parent;

    @Option(names = "--until", description = "Apply up to and including this version number")
    Integer until;

    @Override
    public Integer call() {
      parent.migrator().apply(until);
      return 0;
    }
  }
}
