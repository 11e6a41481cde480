package io.rtdp.ksql.cli;

import io.rtdp.ksql.cli.output.Console;
import io.rtdp.ksql.cli.output.OutputFormat;
import io.rtdp.ksql.cli.output.OutputSettings;
import io.rtdp.ksql.cli.session.Session;
import io.rtdp.ksql.cli.session.StatementExecutor;
import io.rtdp.ksql.cli.session.UserTerminal;
import io.rtdp.ksql.client.KsqlClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ksql [options] [server-url]}: the interactive CLI on a terminal, or a script runner when
 * given {@code -e}, {@code -f} or piped input (SPEC §7).
 */
@Command(name = "ksql", mixinStandardHelpOptions = true, versionProvider = KsqlCli.Version.class,
    description = "The KSQL command line: type statements, watch push queries, run scripts.")
public final class KsqlCli implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER_URL", defaultValue = "http://localhost:8088",
      description = "The KSQL server (default: ${DEFAULT-VALUE}).")
  private String server;

  @Option(names = "--output", paramLabel = "TABULAR|JSON", defaultValue = "TABULAR",
      description = "How results are printed (default: ${DEFAULT-VALUE}).")
  private String output;

  @Option(names = {"-e", "--execute"}, paramLabel = "STATEMENTS", description = "Run these statements, then exit.")
  private String execute;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of this file, then exit.")
  private Path file;

  @Option(names = "--continue-on-error",
      description = "With -e, -f or piped input: go on after a failed statement (the exit code is still 1).")
  private boolean continueOnError;

  @Option(names = "--query-row-limit", paramLabel = "N",
      description = "Stop each query after N rows (as Ctrl-C would).")
  private long queryRowLimit;

  @Option(names = "--query-timeout", paramLabel = "MS",
      description = "Stop each query after MS milliseconds (as Ctrl-C would).")
  private long queryTimeoutMs;

  @Option(names = {"-d", "--define"}, paramLabel = "NAME=VALUE", description = "Define a variable, as DEFINE does.")
  private Map<String, String> defines = new LinkedHashMap<>();

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  KsqlCli(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the CLI on these streams and returns its exit code: 0 success, 1 a statement failed, 2 bad usage. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new KsqlCli(in, out, err));
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    URI uri = URI.create(server);
    if (uri.getScheme() == null || uri.getHost() == null) {
      err.println("ksql: '" + server + "' is not a server URL; give one like http://localhost:8088");
      return 2;
    }
    if (execute != null && file != null) {
      err.println("ksql: give either -e or -f, not both");
      return 2;
    }
    OutputSettings settings = new OutputSettings(OutputFormat.parse(output));
    Session session = new Session(new KsqlClient(uri));
    defines.forEach(session::define);
    session.queryLimits(queryRowLimit, queryTimeoutMs);
    if (execute == null && file == null && in == System.in && System.console() != null) {
      return new InteractiveShell().run(session, settings);
    }
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Console console = new Console(outWriter, errWriter, () -> 0, settings);
    StatementExecutor executor = new StatementExecutor(session, console, UserTerminal.NONE, () -> { });
    try (Reader script = script()) {
      return new ScriptRunner(executor, continueOnError).run(script);
    } finally {
      console.flush();
    }
  }

  private Reader script() throws IOException {
    if (execute != null) {
      return new StringReader(execute);
    }
    if (file != null) {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ksql CLI " + KsqlCliVersion.get()};
    }
  }
}
