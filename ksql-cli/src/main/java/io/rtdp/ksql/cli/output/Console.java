package io.rtdp.ksql.cli.output;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * Where the CLI writes: results to {@code out}, errors to {@code err} (the same terminal when
 * interactive; separate streams for scripts, so that their output stays clean).
 */
public final class Console {
  private static final int DEFAULT_WIDTH = 80;

  private final PrintWriter out;
  private final PrintWriter err;
  private final IntSupplier width;
  private final OutputSettings settings;

  public Console(PrintWriter out, PrintWriter err, IntSupplier width, OutputSettings settings) {
    this.out = out;
    this.err = err;
    this.width = width;
    this.settings = settings;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public OutputSettings settings() {
    return settings;
  }

  /**
   * A notice about what the CLI did (a property set, the connection back): with the results in
   * tabular output, on the error stream in JSON output so that scripts read nothing but JSON.
   */
  public void notice(String message) {
    (settings.format() == OutputFormat.JSON ? err : out).println(message);
  }

  /** The terminal's width, or 80 where there is none (a pipe, a dumb terminal). */
  public int width() {
    int w = width.getAsInt();
    return w > 0 ? w : DEFAULT_WIDTH;
  }

  public void flush() {
    out.flush();
    err.flush();
  }
}
