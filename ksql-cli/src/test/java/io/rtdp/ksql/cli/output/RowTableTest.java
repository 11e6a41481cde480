package io.rtdp.ksql.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streamed rows: fixed-width columns, wrapping or clipping of long values, tombstones. */
class RowTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sharesTheTerminalWidthAndWrapsLongValues() throws Exception {
    StringWriter text = new StringWriter();
    OutputSettings settings = new OutputSettings(OutputFormat.TABULAR);
    RowTable table = new RowTable(new PrintWriter(text), List.of("ID", "NAME"), settings, 24);

    table.row(values("[1, \"abcdefghijklmn\"]"), false);
    table.close();

    assertThat(text.toString()).isEqualTo("""
        +----------+----------+
        |ID        |NAME      |
        +----------+----------+
        |1         |abcdefghij|
        |          |klmn      |
        +----------+----------+
        """);
  }

  @Test
  void clipsWhenWrappingIsOffAndMarksTombstones() throws Exception {
    StringWriter text = new StringWriter();
    OutputSettings settings = new OutputSettings(OutputFormat.TABULAR);
    settings.wrap(false);
    settings.columnWidth(8);
    RowTable table = new RowTable(new PrintWriter(text), List.of("K", "V"), settings, 200);

    table.row(values("[\"k1\", {\"A\": [1, 2, 3]}]"), false);
    table.row(values("[\"k1\", null]"), true);

    assertThat(text.toString()).contains("|k1      |{\"A\":...|\n|k1      |<TOMB...|\n");
  }

  private static List<JsonNode> values(String array) throws Exception {
    List<JsonNode> values = new ArrayList<>();
    JSON.readTree(array).forEach(values::add);
    return values;
  }
}
