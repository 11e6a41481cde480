package io.rtdp.query.ksql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

/** The delimited format of /query-stream (SPEC §4.5) and the error objects of SPEC §4.8, line by line. */
class QueryStreamLinesTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private final QueryStreamLines lines = new QueryStreamLines(JSON);

    @Test
    void metadataLineGivesIdAndColumns() {
        QueryStreamLines.Line line = lines.parse(
                "{\"queryId\":\"transient_S_4815162342\",\"columnNames\":[\"ID\",\"NAME\"],\"columnTypes\":[\"BIGINT\",\"STRING\"]}");

        assertThat(line).isEqualTo(new QueryStreamLines.Metadata(new QueryMetadata("transient_S_4815162342",
                List.of("ID", "NAME"), List.of("BIGINT", "STRING"))));
    }

    @Test
    void rowLineBecomesAnObjectInColumnOrder() {
        QueryMetadata metadata = new QueryMetadata("q", List.of("ID", "TAGS", "PRICE"),
                List.of("BIGINT", "ARRAY<STRING>", "DECIMAL(4, 2)"));
        QueryStreamLines.Row row = (QueryStreamLines.Row) lines.parse("[1,[\"a\",\"b\"],12.50]");

        ObjectNode object = lines.row(metadata, row.values());

        assertThat(object.toString()).isEqualTo("{\"ID\":1,\"TAGS\":[\"a\",\"b\"],\"PRICE\":12.50}");
        assertThat(object.path("PRICE").decimalValue()).isEqualByComparingTo("12.50");
    }

    @Test
    void rowOfTheWrongWidthIsRefused() {
        QueryMetadata metadata = new QueryMetadata("q", List.of("ID"), List.of("BIGINT"));
        QueryStreamLines.Row row = (QueryStreamLines.Row) lines.parse("[1,2]");

        assertThatThrownBy(() -> lines.row(metadata, row.values())).hasMessageContaining("2 values for 1 columns");
    }

    @Test
    void errorLineCarriesCodeStatusAndMessage() {
        QueryStreamLines.Line line = lines.parse("{\"@type\":\"statement_error\",\"error_code\":40001,"
                + "\"message\":\"FOO does not exist.\",\"statementText\":\"SELECT * FROM FOO;\",\"entities\":[]}");

        assertThat(line).isEqualTo(new QueryStreamLines.Failure(new KsqlError(400, 40001, "FOO does not exist.")));
    }

    @Test
    void blankLinesAreKeepAlives() {
        assertThat(lines.parse("")).isNull();
        assertThat(lines.parse("  ")).isNull();
    }

    @Test
    void anythingElseIsAProtocolError() {
        assertThatThrownBy(() -> lines.parse("Not Found")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> lines.parse("{\"finalMessage\":\"Limit Reached\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected line");
    }

    @Test
    void refusalIsReadFromTheErrorObjectOrTheText() {
        assertThat(lines.refusal(400, "{\"@type\":\"generic_error\",\"error_code\":40000,\"message\":\"No query with id x\"}"))
                .isEqualTo(new KsqlError(400, 40000, "No query with id x"));
        assertThat(lines.refusal(404, "Not Found")).isEqualTo(new KsqlError(404, 0, "Not Found"));
        assertThat(lines.refusal(502, "")).isEqualTo(new KsqlError(502, 0, "HTTP 502"));
    }
}
