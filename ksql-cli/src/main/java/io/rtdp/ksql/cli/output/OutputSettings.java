package io.rtdp.ksql.cli.output;

/** The CLI's display settings, changed with {@code --output}, {@code output …} and {@code SET CLI …}. */
public final class OutputSettings {
  private OutputFormat format;
  private boolean wrap = true;
  private int columnWidth;

  public OutputSettings(OutputFormat format) {
    this.format = format;
  }

  public OutputFormat format() {
    return format;
  }

  public void format(OutputFormat format) {
    this.format = format;
  }

  /** Whether long values in streamed rows wrap onto more lines (true) or are cut with {@code ...}. */
  public boolean wrap() {
    return wrap;
  }

  public void wrap(boolean wrap) {
    this.wrap = wrap;
  }

  /** The width of each streamed column; 0 shares the terminal's width among the columns. */
  public int columnWidth() {
    return columnWidth;
  }

  public void columnWidth(int columnWidth) {
    this.columnWidth = columnWidth;
  }
}
