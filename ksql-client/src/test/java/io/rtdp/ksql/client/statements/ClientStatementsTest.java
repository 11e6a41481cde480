package io.rtdp.ksql.client.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The statements the CLI and the migrations tool act on themselves instead of sending. */
class ClientStatementsTest {
  @Test
  void setAndUnsetNameAPropertyAndItsLiteralValue() {
    assertThat(ClientStatements.set("SET 'auto.offset.reset' = 'earliest';"))
        .contains(new ClientStatements.Assignment("auto.offset.reset", "earliest"));
    assertThat(ClientStatements.set("set 'x'='it''s';")).contains(new ClientStatements.Assignment("x", "it's"));
    assertThat(ClientStatements.unset("UNSET 'auto.offset.reset';")).contains("auto.offset.reset");
    assertThat(ClientStatements.set("SET CLI OUTPUT JSON;")).isEmpty();
  }

  @Test
  void defineAndUndefineNameAVariable() {
    assertThat(ClientStatements.define("DEFINE topic = 'mig_readings';"))
        .contains(new ClientStatements.Assignment("topic", "mig_readings"));
    assertThat(ClientStatements.undefine("undefine topic;")).contains("topic");
    assertThat(ClientStatements.define("DEFINE 1x = 'no';")).isEmpty();
    assertThat(ClientStatements.showVariables("SHOW VARIABLES;")).isTrue();
    assertThat(ClientStatements.showVariables("SHOW STREAMS;")).isFalse();
  }
}
