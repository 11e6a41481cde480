package io.rtdp.ksql.engine.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {
  private final StatementParser parser = new StatementParser();

  @Test
  void unquotedIdentifiersAreUpperCasedAndQuotedOnesKeptAsWritten() {
    Statement.CreateSource s = (Statement.CreateSource) parser.parse(
        "create stream foo (`mixedCase` int, \"Other\" string, plain bigint key) "
            + "with (kafka_topic='t', value_format='JSON');").get(0).statement();
    assertThat(s.name()).isEqualTo("FOO");
    assertThat(s.elements()).extracting(Statement.TableElement::name).containsExactly("mixedCase", "Other", "PLAIN");
    assertThat(s.elements().get(2).constraint()).isEqualTo(Statement.TableElement.Constraint.KEY);
    assertThat(s.elements().get(1).type()).isEqualTo(SqlType.STRING);
  }

  @Test
  void syntaxErrorsReportLineColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> parser.parse("CREATE STREAM INPUT (K STRING (KEY)) WITH (kafka_topic='i');"))
        .isInstanceOf(ParseFailedException.class)
        .hasMessageStartingWith("line 1:32: Syntax Error\nExpecting {'STRING', INTEGER_VALUE}");
    assertThatThrownBy(() -> parser.parse("CREATE STREAM A (K INT) WITH (kafka_topic='a');\nRUN SCRIPT 'x';"))
        .hasMessageStartingWith("line 2:1: Syntax Error\nUnknown statement 'RUN'");
  }

  @Test
  void numericLiteralsAreTypedByTheirText() {
    assertThat(parser.parseExpression("12")).isInstanceOf(Expression.IntegerLiteral.class);
    assertThat(parser.parseExpression("3000000000")).isInstanceOf(Expression.BigintLiteral.class);
    assertThat(parser.parseExpression("1.50")).isEqualTo(
        new Expression.DecimalLiteral(new Pos(1, 1), new java.math.BigDecimal("1.50")));
    assertThat(parser.parseExpression("1e3")).isInstanceOf(Expression.DoubleLiteral.class);
    assertThatThrownBy(() -> parser.parseExpression("9223372036854775808"))
        .hasMessageContaining("Invalid numeric literal: 9223372036854775808");
  }

  @Test
  void queryClausesArePreservedInOrder() {
    Query q = ((Statement.CreateAsSelect) parser.parse(
        "CREATE TABLE T AS SELECT id, COUNT(*) AS c FROM s WINDOW TUMBLING (SIZE 30 SECONDS, GRACE PERIOD 1 MINUTE) "
            + "WHERE x > 1 GROUP BY id HAVING COUNT(*) > 2 EMIT FINAL;").get(0).statement()).query();
    assertThat(q.window()).isEqualTo(new WindowSpec(WindowSpec.Type.TUMBLING, 30_000, null, null, 60_000L));
    assertThat(q.groupBy()).extracting(Object::toString).containsExactly("ID");
    assertThat(q.having().toString()).isEqualTo("(COUNT(*) > 2)");
    assertThat(q.emit()).isEqualTo(Query.Emit.FINAL);
    assertThat(q.select()).hasSize(2);
  }

  @Test
  void operatorPrecedenceFollowsTheSpec() {
    assertThat(parser.parseExpression("a + b * c = d OR NOT e AND f").toString())
        .isEqualTo("(((A + (B * C)) = D) OR ((NOT E) AND F))");
    List<StatementParser.Parsed> two = parser.parse("SET 'a'='b'; DEFINE x = 'y';");
    assertThat(two).extracting(p -> p.statement().getClass().getSimpleName())
        .containsExactly("SetProperty", "DefineVariable");
  }
}
