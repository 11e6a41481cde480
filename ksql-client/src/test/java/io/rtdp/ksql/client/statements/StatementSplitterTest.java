package io.rtdp.ksql.client.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one statement splitter, as the CLI (unfinished input) and the migrations tool (whole files) use it. */
class StatementSplitterTest {
  @Test
  void cutsAtEachSemicolonAndKeepsTheUnfinishedRest() {
    StatementSplitter.Split split = StatementSplitter.split("SHOW STREAMS; SHOW\nTABLES;\nSELECT * FROM T");

    assertThat(split.statements()).containsExactly("SHOW STREAMS;", "SHOW\nTABLES;");
    assertThat(split.remainder()).isEqualTo("\nSELECT * FROM T");
    assertThat(split.complete()).isFalse();
  }

  @Test
  void aSemicolonInsideLiteralsQuotedNamesOrCommentsEndsNothing() {
    String text = "INSERT INTO S (`a;b`, \"c;d\") VALUES ('it''s; here', 1); -- not; this\n"
        + "/* nor; this */ SHOW TOPICS;";

    assertThat(StatementSplitter.split(text).statements()).containsExactly(
        "INSERT INTO S (`a;b`, \"c;d\") VALUES ('it''s; here', 1);",
        "-- not; this\n/* nor; this */ SHOW TOPICS;");
  }

  @Test
  void anOpenLiteralOrCommentLeavesTheStatementUnfinished() {
    assertThat(StatementSplitter.split("SELECT 'a;").complete()).isFalse();
    assertThat(StatementSplitter.split("SHOW STREAMS /* ; ").complete()).isFalse();
    assertThat(StatementSplitter.split("SHOW STREAMS; -- done;").complete()).isTrue();
  }

  @Test
  void commentsAndLoneSemicolonsAreNoStatements() {
    assertThat(StatementSplitter.split("-- just a comment\n;  ;").statements()).isEmpty();
    assertThat(StatementSplitter.stripLeadingComments("  -- c\n /* d */ SELECT 1;")).isEqualTo("SELECT 1;");
  }

  @Test
  void aWholeFileSplitsIntoStatementsThatCanBeSentWithoutTheirComments() {
    String text = """
        -- a comment; with a semicolon
        SET 'auto.offset.reset' = 'earliest';
        /* block; comment */ CREATE STREAM `A;B` (X STRING) WITH (KAFKA_TOPIC='t;1', VALUE_FORMAT='JSON');
        INSERT INTO S (X) VALUES ('it''s; fine' /* a -- remark */); -- trailing
        """;

    assertThat(StatementSplitter.splitWhole(text).stream().map(StatementSplitter::withoutComments)).containsExactly(
        "SET 'auto.offset.reset' = 'earliest';",
        "CREATE STREAM `A;B` (X STRING) WITH (KAFKA_TOPIC='t;1', VALUE_FORMAT='JSON');",
        "INSERT INTO S (X) VALUES ('it''s; fine'  );");
    assertThat(StatementSplitter.withoutComments("SELECT '--not' -- but this\nFROM `/*x*/`;"))
        .isEqualTo("SELECT '--not' \nFROM `/*x*/`;");
  }

  @Test
  void aWholeFileWithoutItsLastSemicolonOrWithAnOpenQuoteIsNamed() {
    assertThatThrownBy(() -> StatementSplitter.splitWhole("CREATE STREAM A (X INT);\n-- drop it\nDROP STREAM A"))
        .isInstanceOf(IncompleteStatementException.class)
        .hasMessage("The text ends with a statement that has no ';': DROP STREAM A … End it with ';'.");
    assertThatThrownBy(() -> StatementSplitter.splitWhole("INSERT INTO S VALUES ('open;"))
        .isInstanceOf(IncompleteStatementException.class)
        .hasMessageStartingWith("Unclosed ' starting at: 'open;");
    assertThatThrownBy(() -> StatementSplitter.splitWhole("SHOW STREAMS;\nSELECT `it''s; -- x"))
        .hasMessageStartingWith("Unclosed ` starting at: `it''s; -- x");
    assertThat(StatementSplitter.splitWhole("SHOW STREAMS; /* an open comment at the end ; ")).containsExactly("SHOW STREAMS;");
  }
}
