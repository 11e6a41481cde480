package io.rtdp.ksql.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
  void localCommandsAreReadyWithoutSemicolonButStatementsAreNot() {
    assertThat(StatementParser.readyToRun("help")).isTrue();
    assertThat(StatementParser.readyToRun("SET CLI OUTPUT JSON")).isTrue();
    assertThat(StatementParser.readyToRun("run script '/tmp/x.ksql'")).isTrue();
    assertThat(StatementParser.readyToRun("SET 'auto.offset.reset'='earliest'")).isFalse();
    assertThat(StatementParser.readyToRun("SELECT * FROM S\nEMIT CHANGES")).isFalse();
    assertThat(StatementParser.readyToRun("SELECT * FROM S\nEMIT CHANGES;")).isTrue();
    assertThat(StatementParser.readyToRun("")).isTrue();
  }
}
