package io.rtdp.ksql.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When typed text is ready to run; the splitting itself is ksql-client's StatementSplitter, tested there. */
class StatementParserTest {
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
