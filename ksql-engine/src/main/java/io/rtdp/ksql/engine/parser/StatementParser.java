package io.rtdp.ksql.engine.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Parses statement text (one or many statements, each ending with ';') into AST statements. */
public final class StatementParser {
  private final AstBuilder.TypeResolver types;

  /** A statement with the exact text it was parsed from. */
  public record Parsed(String text, Statement statement) {}

  public StatementParser(AstBuilder.TypeResolver types) {
    this.types = types;
  }

  /** A parser that knows only the built-in types. */
  public StatementParser() {
    this((name, pos) -> {
      throw new ParseFailedException("line " + pos.line() + ":" + pos.column() + ": Unknown type: " + name);
    });
  }

  public List<Parsed> parse(String text) {
    KsqlParser parser = parserFor(text);
    KsqlParser.StatementsContext tree = parser.statements();
    AstBuilder builder = new AstBuilder(types);
    List<Parsed> out = new ArrayList<>();
    for (KsqlParser.StatementContext s : tree.statement()) {
      String source = s.getStart().getInputStream()
          .getText(Interval.of(s.getStart().getStartIndex(), s.getStop().getStopIndex())) + ";";
      out.add(new Parsed(source, builder.statement(s)));
    }
    return out;
  }

  public Expression parseExpression(String text) {
    KsqlParser parser = parserFor(text);
    return new AstBuilder(types).expression(parser.singleExpression().expression());
  }

  /** Parses a SQL type such as {@code ARRAY<DECIMAL(4, 2)>}, as used by function schemas. */
  public io.rtdp.ksql.engine.schema.SqlType parseType(String text) {
    return new AstBuilder(types).type(parserFor(text).singleType().type());
  }

  private static KsqlParser parserFor(String text) {
    KsqlLexer lexer = new KsqlLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(SyntaxErrors.INSTANCE);
    KsqlParser parser = new KsqlParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(SyntaxErrors.INSTANCE);
    return parser;
  }

  /** Fails on the first syntax error with ksqlDB's "line L:C: Syntax Error" form. */
  private static final class SyntaxErrors extends BaseErrorListener {
    static final SyntaxErrors INSTANCE = new SyntaxErrors();

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
        String msg, RecognitionException e) {
      String at = "line " + line + ":" + (charPositionInLine + 1);
      String near = offendingSymbol instanceof Token t ? t.getText() : "";
      String detail = msg;
      if (recognizer instanceof KsqlParser p) {
        IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : p.getExpectedTokens();
        if (expected.contains(KsqlLexer.CREATE)) {
          detail = "Unknown statement '" + near + "'";
        } else if (e != null && expected.size() > 0) {
          detail = "Expecting " + expected.toString(p.getVocabulary());
        }
      }
      throw new ParseFailedException(at + ": Syntax Error\n" + detail + "\nSyntax error at or near '" + near
          + "' at " + at);
    }
  }
}
