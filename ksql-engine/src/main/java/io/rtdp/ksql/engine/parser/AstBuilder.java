package io.rtdp.ksql.engine.parser;

import io.rtdp.ksql.engine.parser.Expression.ArithmeticOp;
import io.rtdp.ksql.engine.parser.Expression.ComparisonOp;
import io.rtdp.ksql.engine.parser.KsqlParser.*;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.util.Durations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR parse trees into the immutable AST, normalising identifiers and literals. */
public final class AstBuilder {
  private final TypeResolver types;

  /** Resolves names that are not built-in types (CREATE TYPE aliases); may reject them. */
  public interface TypeResolver {
    SqlType resolve(String name, Pos pos);
  }

  AstBuilder(TypeResolver types) {
    this.types = types;
  }

  static Pos pos(ParserRuleContext ctx) {
    return pos(ctx.getStart());
  }

  static Pos pos(Token token) {
    return new Pos(token.getLine(), token.getCharPositionInLine() + 1);
  }

  Statement statement(StatementContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof QueryStatementContext q) {
      return new Statement.QueryStatement(pos, query(q.query()));
    }
    if (ctx instanceof CreateStreamContext c) {
      return new Statement.CreateSource(pos, false, c.REPLACE() != null, c.SOURCE() != null, c.EXISTS() != null,
          name(c.sourceName().identifier()), elements(c.tableElements()), properties(c.tableProperties()));
    }
    if (ctx instanceof CreateTableContext c) {
      return new Statement.CreateSource(pos, true, c.REPLACE() != null, c.SOURCE() != null, c.EXISTS() != null,
          name(c.sourceName().identifier()), elements(c.tableElements()), properties(c.tableProperties()));
    }
    if (ctx instanceof CreateStreamAsContext c) {
      return new Statement.CreateAsSelect(pos, false, c.REPLACE() != null, c.EXISTS() != null,
          name(c.sourceName().identifier()), properties(c.tableProperties()), query(c.query()));
    }
    if (ctx instanceof CreateTableAsContext c) {
      return new Statement.CreateAsSelect(pos, true, c.REPLACE() != null, c.EXISTS() != null,
          name(c.sourceName().identifier()), properties(c.tableProperties()), query(c.query()));
    }
    if (ctx instanceof InsertIntoContext c) {
      return new Statement.InsertInto(pos, name(c.sourceName().identifier()), properties(c.tableProperties()),
          query(c.query()));
    }
    if (ctx instanceof InsertValuesContext c) {
      List<String> cols = c.columns() == null ? List.of() : c.columns().identifier().stream().map(this::name).toList();
      return new Statement.InsertValues(pos, name(c.sourceName().identifier()), cols,
          c.values().expression().stream().map(this::expression).toList());
    }
    if (ctx instanceof DropStreamContext c) {
      return new Statement.DropSource(pos, false, c.EXISTS() != null, name(c.sourceName().identifier()), c.TOPIC() != null);
    }
    if (ctx instanceof DropTableContext c) {
      return new Statement.DropSource(pos, true, c.EXISTS() != null, name(c.sourceName().identifier()), c.TOPIC() != null);
    }
    if (ctx instanceof RegisterTypeContext c) {
      return new Statement.RegisterType(pos, c.EXISTS() != null, name(c.identifier()), type(c.type()));
    }
    if (ctx instanceof DropTypeContext c) {
      return new Statement.DropType(pos, c.EXISTS() != null, name(c.identifier()));
    }
    if (ctx instanceof AlterSourceContext c) {
      List<Statement.TableElement> added = c.alterOption().stream()
          .map(o -> new Statement.TableElement(pos(o), name(o.identifier()), type(o.type()),
              Statement.TableElement.Constraint.NONE, null))
          .toList();
      return new Statement.AlterSource(pos, c.TABLE() != null, name(c.sourceName().identifier()), added);
    }
    if (ctx instanceof ListStreamsContext c) {
      return new Statement.ListEntities(pos, "STREAMS", c.EXTENDED() != null, false);
    }
    if (ctx instanceof ListTablesContext c) {
      return new Statement.ListEntities(pos, "TABLES", c.EXTENDED() != null, false);
    }
    if (ctx instanceof ListTopicsContext c) {
      return new Statement.ListEntities(pos, "TOPICS", c.EXTENDED() != null, c.ALL() != null);
    }
    if (ctx instanceof ListQueriesContext c) {
      return new Statement.ListEntities(pos, "QUERIES", c.EXTENDED() != null, false);
    }
    if (ctx instanceof ListFunctionsContext) {
      return new Statement.ListEntities(pos, "FUNCTIONS", false, false);
    }
    if (ctx instanceof ListPropertiesContext) {
      return new Statement.ListEntities(pos, "PROPERTIES", false, false);
    }
    if (ctx instanceof ListTypesContext) {
      return new Statement.ListEntities(pos, "TYPES", false, false);
    }
    if (ctx instanceof ListVariablesContext) {
      return new Statement.ListEntities(pos, "VARIABLES", false, false);
    }
    if (ctx instanceof DescribeFunctionContext c) {
      return new Statement.DescribeFunction(pos, name(c.identifier()));
    }
    if (ctx instanceof DescribeSourcesContext c) {
      return new Statement.DescribeSources(pos, c.TABLES() != null, c.EXTENDED() != null);
    }
    if (ctx instanceof DescribeSourceContext c) {
      return new Statement.DescribeSource(pos, name(c.sourceName().identifier()), c.EXTENDED() != null);
    }
    if (ctx instanceof ExplainContext c) {
      return c.statement() != null
          ? new Statement.Explain(pos, null, statement(c.statement()))
          : new Statement.Explain(pos, name(c.identifier()), null);
    }
    if (ctx instanceof TerminateQueryContext c) {
      return new Statement.Terminate(pos, c.identifier() == null ? null : name(c.identifier()));
    }
    if (ctx instanceof SetPropertyContext c) {
      return new Statement.SetProperty(pos, unquote(c.name.getText()), unquote(c.value.getText()));
    }
    if (ctx instanceof UnsetPropertyContext c) {
      return new Statement.UnsetProperty(pos, unquote(c.name.getText()));
    }
    if (ctx instanceof DefineVariableContext c) {
      return new Statement.DefineVariable(pos, c.identifier().getText(), unquote(c.STRING().getText()));
    }
    if (ctx instanceof UndefineVariableContext c) {
      return new Statement.UndefineVariable(pos, c.identifier().getText());
    }
    throw new ParseFailedException(pos + ": unsupported statement " + ctx.getText());
  }

  private List<Statement.TableElement> elements(TableElementsContext ctx) {
    if (ctx == null) {
      return List.of();
    }
    List<Statement.TableElement> out = new ArrayList<>();
    for (TableElementContext e : ctx.tableElement()) {
      Statement.TableElement.Constraint constraint = Statement.TableElement.Constraint.NONE;
      String headerKey = null;
      ColumnConstraintsContext c = e.columnConstraints();
      if (c != null) {
        if (c.KEY() != null) {
          constraint = c.PRIMARY() != null ? Statement.TableElement.Constraint.PRIMARY_KEY
              : Statement.TableElement.Constraint.KEY;
        } else if (c.HEADERS() != null) {
          constraint = Statement.TableElement.Constraint.HEADERS;
        } else {
          constraint = Statement.TableElement.Constraint.HEADER;
          headerKey = unquote(c.STRING().getText());
        }
      }
      out.add(new Statement.TableElement(pos(e), name(e.identifier()), type(e.type()), constraint, headerKey));
    }
    return out;
  }

  private Map<String, Expression> properties(TablePropertiesContext ctx) {
    Map<String, Expression> props = new LinkedHashMap<>();
    if (ctx == null) {
      return props;
    }
    for (TablePropertyContext p : ctx.tableProperty()) {
      String key = p.identifier() != null ? p.identifier().getText() : unquote(p.STRING().getText());
      String normalized = key.toUpperCase(java.util.Locale.ROOT);
      if (props.put(normalized, literal(p.literal())) != null) {
        throw new ParseFailedException(pos(p) + ": Duplicate property " + normalized);
      }
    }
    return props;
  }

  Query query(QueryContext ctx) {
    List<Query.SelectItem> items = new ArrayList<>();
    for (SelectItemContext item : ctx.selectItem()) {
      if (item instanceof SelectSingleContext s) {
        items.add(new Query.SingleColumn(expression(s.expression()), s.identifier() == null ? null : name(s.identifier())));
      } else if (item instanceof SelectStructAllContext s) {
        items.add(new Query.StructFields(primary(s.primaryExpression())));
      } else {
        SelectAllContext all = (SelectAllContext) item;
        items.add(new Query.AllColumns(pos(all), all.identifier() == null ? null : name(all.identifier())));
      }
    }
    Query.Relation relation = relation(ctx.relation());
    WindowSpec window = ctx.windowExpression() == null ? null : window(ctx.windowExpression());
    Expression where = ctx.where == null ? null : booleanExpression(ctx.where);
    List<Expression> groupBy = ctx.groupBy() == null ? List.of()
        : ctx.groupBy().valueExpression().stream().map(this::valueExpression).toList();
    List<Expression> partitionBy = ctx.partitionBy() == null ? List.of()
        : ctx.partitionBy().valueExpression().stream().map(this::valueExpression).toList();
    Expression having = ctx.having == null ? null : booleanExpression(ctx.having);
    Query.Emit emit = ctx.resultMaterialization() == null ? Query.Emit.NONE
        : ctx.resultMaterialization().FINAL() != null ? Query.Emit.FINAL : Query.Emit.CHANGES;
    Integer limit = ctx.limitClause() == null ? null : Integer.parseInt(ctx.limitClause().INTEGER_VALUE().getText());
    return new Query(pos(ctx), items, relation, window, where, groupBy, partitionBy, having, emit, limit);
  }

  private Query.Relation relation(RelationContext ctx) {
    Query.AliasedSource left = aliased(ctx.aliasedRelation());
    List<Query.Join> joins = new ArrayList<>();
    for (JoinedSourceContext j : ctx.joinedSource()) {
      Query.JoinType type = j.joinType() instanceof LeftJoinContext ? Query.JoinType.LEFT
          : j.joinType() instanceof RightJoinContext ? Query.JoinType.RIGHT
          : j.joinType() instanceof OuterJoinContext ? Query.JoinType.OUTER : Query.JoinType.INNER;
      Query.JoinWindow within = j.joinWindow() == null ? null : joinWindow(j.joinWindow().withinExpression());
      joins.add(new Query.Join(pos(j), type, aliased(j.aliasedRelation()), within,
          booleanExpression(j.joinCriteria().booleanExpression())));
    }
    return new Query.Relation(left, joins);
  }

  private Query.JoinWindow joinWindow(WithinExpressionContext ctx) {
    if (ctx instanceof JoinWindowWithBeforeAndAfterContext b) {
      return new Query.JoinWindow(size(b.joinWindowSize(0)), size(b.joinWindowSize(1)), grace(b.gracePeriodClause()));
    }
    SingleJoinWindowContext s = (SingleJoinWindowContext) ctx;
    long size = size(s.joinWindowSize());
    return new Query.JoinWindow(size, size, grace(s.gracePeriodClause()));
  }

  private long size(JoinWindowSizeContext ctx) {
    return duration(ctx.number(), ctx.windowUnit());
  }

  private Long grace(GracePeriodClauseContext ctx) {
    return ctx == null ? null : duration(ctx.number(), ctx.windowUnit());
  }

  private Long retention(RetentionClauseContext ctx) {
    return ctx == null ? null : duration(ctx.number(), ctx.windowUnit());
  }

  private Query.AliasedSource aliased(AliasedRelationContext ctx) {
    String name = name(ctx.sourceName().identifier());
    return new Query.AliasedSource(pos(ctx), name, ctx.identifier() == null ? name : name(ctx.identifier()));
  }

  private WindowSpec window(WindowExpressionContext ctx) {
    if (ctx.tumblingWindowExpression() != null) {
      TumblingWindowExpressionContext t = ctx.tumblingWindowExpression();
      return new WindowSpec(WindowSpec.Type.TUMBLING, duration(t.number(), t.windowUnit()), null,
          retention(t.retentionClause()), grace(t.gracePeriodClause()));
    }
    if (ctx.hoppingWindowExpression() != null) {
      HoppingWindowExpressionContext h = ctx.hoppingWindowExpression();
      return new WindowSpec(WindowSpec.Type.HOPPING, duration(h.number(0), h.windowUnit(0)),
          duration(h.number(1), h.windowUnit(1)), retention(h.retentionClause()), grace(h.gracePeriodClause()));
    }
    SessionWindowExpressionContext s = ctx.sessionWindowExpression();
    return new WindowSpec(WindowSpec.Type.SESSION, duration(s.number(), s.windowUnit()), null,
        retention(s.retentionClause()), grace(s.gracePeriodClause()));
  }

  private long duration(NumberContext n, WindowUnitContext unit) {
    return Durations.toMillis(Long.parseLong(n.getText()), unit.getText(), pos(n));
  }

  // ---- expressions ----

  Expression expression(ExpressionContext ctx) {
    return booleanExpression(ctx.booleanExpression());
  }

  private Expression booleanExpression(BooleanExpressionContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof BooleanDefaultContext d) {
      return predicated(d.predicated());
    }
    if (ctx instanceof LogicalNotContext n) {
      return new Expression.Not(pos, booleanExpression(n.booleanExpression()));
    }
    LogicalBinaryContext b = (LogicalBinaryContext) ctx;
    Expression left = booleanExpression(b.left);
    Expression right = booleanExpression(b.right);
    return b.operator.getType() == KsqlLexer.AND ? new Expression.And(pos, left, right) : new Expression.Or(pos, left, right);
  }

  private Expression predicated(PredicatedContext ctx) {
    Expression value = valueExpression(ctx.valueExpression());
    PredicateContext p = ctx.predicate();
    if (p == null) {
      return value;
    }
    Pos pos = pos(ctx);
    if (p instanceof ComparisonContext c) {
      return new Expression.Comparison(pos, comparisonOp(c.comparisonOperator()), value, valueExpression(c.right));
    }
    if (p instanceof BetweenContext b) {
      return new Expression.Between(pos, value, valueExpression(b.lower), valueExpression(b.upper), b.NOT() != null);
    }
    if (p instanceof InListContext in) {
      return new Expression.InList(pos, value, in.expression().stream().map(this::expression).toList(), in.NOT() != null);
    }
    if (p instanceof LikeContext l) {
      Character escape = null;
      if (l.escape != null) {
        String e = unquote(l.escape.getText());
        if (e.length() != 1) {
          throw new ParseFailedException(pos(l.escape) + ": Escape string must be a single character: '" + e + "'");
        }
        escape = e.charAt(0);
      }
      return new Expression.Like(pos, value, valueExpression(l.pattern), escape, l.NOT() != null);
    }
    if (p instanceof NullPredicateContext n) {
      return new Expression.IsNull(pos, value, n.NOT() != null);
    }
    DistinctFromContext d = (DistinctFromContext) p;
    return new Expression.DistinctFrom(pos, value, valueExpression(d.right), d.NOT() != null);
  }

  private static ComparisonOp comparisonOp(ComparisonOperatorContext ctx) {
    return switch (ctx.getStart().getType()) {
      case KsqlLexer.EQ -> ComparisonOp.EQUAL;
      case KsqlLexer.NEQ -> ComparisonOp.NOT_EQUAL;
      case KsqlLexer.LT -> ComparisonOp.LESS_THAN;
      case KsqlLexer.LTE -> ComparisonOp.LESS_THAN_OR_EQUAL;
      case KsqlLexer.GT -> ComparisonOp.GREATER_THAN;
      default -> ComparisonOp.GREATER_THAN_OR_EQUAL;
    };
  }

  Expression valueExpression(ValueExpressionContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof ValueExpressionDefaultContext d) {
      return primary(d.primaryExpression());
    }
    if (ctx instanceof ArithmeticUnaryContext u) {
      Expression value = valueExpression(u.valueExpression());
      return u.operator.getType() == KsqlLexer.MINUS ? negate(pos, value) : value;
    }
    if (ctx instanceof ConcatenationContext c) {
      return new Expression.Concatenation(pos, valueExpression(c.left), valueExpression(c.right));
    }
    ArithmeticBinaryContext b = (ArithmeticBinaryContext) ctx;
    ArithmeticOp op = switch (b.operator.getType()) {
      case KsqlLexer.PLUS -> ArithmeticOp.ADD;
      case KsqlLexer.MINUS -> ArithmeticOp.SUBTRACT;
      case KsqlLexer.ASTERISK -> ArithmeticOp.MULTIPLY;
      case KsqlLexer.SLASH -> ArithmeticOp.DIVIDE;
      default -> ArithmeticOp.MODULUS;
    };
    return new Expression.Arithmetic(pos, op, valueExpression(b.left), valueExpression(b.right));
  }

  /** Folds the sign into numeric literals so that e.g. -2147483648 is still an INT literal. */
  private static Expression negate(Pos pos, Expression value) {
    if (value instanceof Expression.IntegerLiteral i) {
      return new Expression.IntegerLiteral(pos, -i.value());
    }
    if (value instanceof Expression.BigintLiteral l) {
      return new Expression.BigintLiteral(pos, -l.value());
    }
    if (value instanceof Expression.DecimalLiteral d) {
      return new Expression.DecimalLiteral(pos, d.value().negate());
    }
    if (value instanceof Expression.DoubleLiteral d) {
      return new Expression.DoubleLiteral(pos, -d.value());
    }
    return new Expression.Negation(pos, value);
  }

  private Expression primary(PrimaryExpressionContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof LiteralExpressionContext l) {
      return literal(l.literal());
    }
    if (ctx instanceof ColumnReferenceContext c) {
      return new Expression.ColumnRef(pos, null, name(c.identifier()));
    }
    if (ctx instanceof QualifiedColumnReferenceContext q) {
      return new Expression.ColumnRef(pos, name(q.identifier(0)), name(q.identifier(1)));
    }
    if (ctx instanceof DereferenceContext d) {
      return new Expression.Dereference(pos, primary(d.base), name(d.fieldName));
    }
    if (ctx instanceof SubscriptContext s) {
      return new Expression.Subscript(pos, primary(s.base), valueExpression(s.index));
    }
    if (ctx instanceof ParenthesizedExpressionContext p) {
      return expression(p.expression());
    }
    if (ctx instanceof FunctionCallContext f) {
      String name = f.identifier().getText().toUpperCase(java.util.Locale.ROOT);
      if (f.ASTERISK() != null) {
        return new Expression.FunctionCall(pos, name, List.of(), true);
      }
      return new Expression.FunctionCall(pos, name, f.functionArgument().stream().map(this::argument).toList(), false);
    }
    if (ctx instanceof SimpleCaseContext c) {
      return new Expression.Case(pos, valueExpression(c.operand), whens(c.whenClause()),
          c.elseExpression == null ? null : expression(c.elseExpression));
    }
    if (ctx instanceof SearchedCaseContext c) {
      return new Expression.Case(pos, null, whens(c.whenClause()),
          c.elseExpression == null ? null : expression(c.elseExpression));
    }
    if (ctx instanceof CastContext c) {
      return new Expression.Cast(pos, expression(c.expression()), type(c.type()));
    }
    if (ctx instanceof ArrayConstructorContext a) {
      return new Expression.ArrayConstructor(pos, a.expression().stream().map(this::expression).toList());
    }
    if (ctx instanceof MapConstructorContext m) {
      List<Expression.MapEntry> entries = new ArrayList<>();
      for (int i = 0; i < m.expression().size(); i += 2) {
        entries.add(new Expression.MapEntry(expression(m.expression(i)), expression(m.expression(i + 1))));
      }
      return new Expression.MapConstructor(pos, entries);
    }
    StructConstructorContext s = (StructConstructorContext) ctx;
    List<Expression.StructField> fields = new ArrayList<>();
    for (int i = 0; i < s.identifier().size(); i++) {
      fields.add(new Expression.StructField(name(s.identifier(i)), expression(s.expression(i))));
    }
    return new Expression.StructConstructor(pos, fields);
  }

  private Expression argument(FunctionArgumentContext ctx) {
    if (ctx.windowUnit() != null) {
      return new Expression.TimeUnitArg(pos(ctx), ctx.windowUnit().getText().toUpperCase(java.util.Locale.ROOT));
    }
    if (ctx.lambdaFunction() != null) {
      LambdaFunctionContext l = ctx.lambdaFunction();
      return new Expression.Lambda(pos(l), l.identifier().stream().map(this::name).toList(), expression(l.expression()));
    }
    return expression(ctx.expression());
  }

  private List<Expression.WhenClause> whens(List<WhenClauseContext> ctxs) {
    return ctxs.stream().map(w -> new Expression.WhenClause(expression(w.condition), expression(w.result))).toList();
  }

  private Expression literal(LiteralContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof NullLiteralContext) {
      return new Expression.NullLiteral(pos);
    }
    if (ctx instanceof BooleanLiteralContext b) {
      return new Expression.BooleanLiteral(pos, b.TRUE() != null);
    }
    if (ctx instanceof StringLiteralContext s) {
      return new Expression.StringLiteral(pos, unquote(s.STRING().getText()));
    }
    return Literals.number(((NumericLiteralContext) ctx).number().getText(), pos);
  }

  SqlType type(TypeContext ctx) {
    Pos pos = pos(ctx);
    if (ctx.ARRAY() != null) {
      return SqlType.array(type(ctx.type(0)));
    }
    if (ctx.MAP() != null) {
      return SqlType.map(type(ctx.type(0)), type(ctx.type(1)));
    }
    if (ctx.STRUCT() != null) {
      List<SqlType.Field> fields = new ArrayList<>();
      for (int i = 0; i < ctx.identifier().size(); i++) {
        fields.add(new SqlType.Field(name(ctx.identifier(i)), type(ctx.type(i))));
      }
      return new SqlType.Struct(fields);
    }
    if (ctx.DECIMAL() != null) {
      try {
        return SqlType.decimal(Integer.parseInt(ctx.typeParameter(0).getText()),
            Integer.parseInt(ctx.typeParameter(1).getText()));
      } catch (IllegalArgumentException e) {
        throw new ParseFailedException(pos + ": " + e.getMessage());
      }
    }
    String base = ctx.baseType().getText().toUpperCase(java.util.Locale.ROOT);
    SqlType builtIn = switch (base) {
      case "BOOLEAN" -> SqlType.BOOLEAN;
      case "INT", "INTEGER" -> SqlType.INTEGER;
      case "BIGINT" -> SqlType.BIGINT;
      case "DOUBLE" -> SqlType.DOUBLE;
      case "STRING", "VARCHAR" -> SqlType.STRING;
      case "BYTES" -> SqlType.BYTES;
      case "DATE" -> SqlType.DATE;
      case "TIME" -> SqlType.TIME;
      case "TIMESTAMP" -> SqlType.TIMESTAMP;
      default -> null;
    };
    if (builtIn != null) {
      return builtIn;
    }
    return types.resolve(name(ctx.baseType().identifier()), pos);
  }

  String name(IdentifierContext ctx) {
    return Names.normalize(ctx.getText());
  }

  static String unquote(String quoted) {
    return quoted.substring(1, quoted.length() - 1).replace("''", "'");
  }
}
